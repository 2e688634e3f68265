package io.copydesk.enrich.actors;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** How names are compared: the same name whatever its apostrophes, dots, hyphen spacing or "the". */
final class Names {
  private Names() {}

  /**
   * A comparison key: typographic apostrophes and quotes straightened then dropped, dots dropped,
   * hyphens and white space folded, a leading "the" removed. Case is kept: "US" is a country,
   * "us" a pronoun; all-lower-case forms are lower-cased consistently by their writers anyway.
   */
  static String key(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC)
        .replaceAll("[\\u2018\\u2019\\u02BC\\u0060\\u00B4']", "")
        .replace(".", "")
        .replaceAll("\\s*[-\\u2010\\u2011\\u2012\\u2013]\\s*", "-")
        .replaceAll("\\s+", " ")
        .strip();
    if (s.startsWith("the ") || s.startsWith("The ")) {
      s = s.substring(4);
    }
    return s;
  }

  /** The words of a name, as the key sees them. */
  static List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>();
    for (String t : key(name).split("[ -]")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }
}
