package io.copydesk.enrich.claims;

import java.util.Locale;
import java.util.Set;

/**
 * Whom a figure counts, as a key to compare figures across reports: "militiamen" and "militiaman"
 * are one group, "Palestinians" and "palestinians" too; "people", "others", "victims" and a count
 * that names nobody ("killing 12") are the generic count, the empty key. Two figures count the same
 * group only when their keys are equal: "4 militiamen" and "1 contractor" are not two tolls of the
 * same dead, and neither is "7 people" against "4 militiamen", which may count some of them.
 */
public final class CountedGroup {
  /** Nouns that count people without saying who they are. */
  private static final Set<String> GENERIC =
      Set.of(
          "people",
          "person",
          "persons",
          "others",
          "other",
          "individuals",
          "individual",
          "victims",
          "victim",
          "lives",
          "life",
          "casualties",
          "casualty");

  private CountedGroup() {}

  /** The group's key: the singular of the head in lower case, or "" for the generic count. */
  public static String key(String whom) {
    if (whom == null || whom.isBlank()) {
      return "";
    }
    String w = whom.strip().toLowerCase(Locale.ROOT);
    if (GENERIC.contains(w)) {
      return "";
    }
    return singular(w);
  }

  /**
   * English plural to singular, for the regular forms and the -men, -children ones news counts use.
   */
  static String singular(String w) {
    if (w.endsWith("men")) {
      return w.substring(0, w.length() - 3) + "man";
    }
    if (w.endsWith("children")) {
      return w.substring(0, w.length() - "ren".length());
    }
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")
        && w.length() > 3) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
