package io.copydesk.enrich.claims;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The forms of a regular English verb from its lemma: "argue" → argue, argues, argued, arguing.
 * Irregular and doubled forms are given after the lemma: "say:said", "plan:planned:planning".
 */
final class Inflection {
  private Inflection() {}

  static Set<String> forms(String entry) {
    String[] parts = entry.split(":");
    String lemma = parts[0];
    Set<String> forms = new LinkedHashSet<>();
    forms.add(lemma);
    forms.add(thirdPerson(lemma));
    forms.add(past(lemma));
    forms.add(progressive(lemma));
    for (int i = 1; i < parts.length; i++) {
      forms.add(parts[i]);
    }
    return forms;
  }

  static String thirdPerson(String lemma) {
    if (lemma.endsWith("s")
        || lemma.endsWith("sh")
        || lemma.endsWith("ch")
        || lemma.endsWith("x")
        || lemma.endsWith("z")
        || lemma.endsWith("o")) {
      return lemma + "es";
    }
    return consonantY(lemma) ? lemma.substring(0, lemma.length() - 1) + "ies" : lemma + "s";
  }

  static String past(String lemma) {
    if (lemma.endsWith("e")) {
      return lemma + "d";
    }
    return consonantY(lemma) ? lemma.substring(0, lemma.length() - 1) + "ied" : lemma + "ed";
  }

  static String progressive(String lemma) {
    if (lemma.endsWith("ie")) {
      return lemma.substring(0, lemma.length() - 2) + "ying";
    }
    if (lemma.endsWith("e") && !lemma.endsWith("ee")) {
      return lemma.substring(0, lemma.length() - 1) + "ing";
    }
    return lemma + "ing";
  }

  private static boolean consonantY(String lemma) {
    return lemma.length() > 1
        && lemma.endsWith("y")
        && "aeiou".indexOf(lemma.charAt(lemma.length() - 2)) < 0;
  }
}
