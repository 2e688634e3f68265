package io.copydesk.enrich.actors;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How names are compared: the same name whatever its apostrophes, dots, hyphen spacing or "the".
 */
final class Names {
  // Compiled once: keys are computed for every candidate span of every sentence.
  private static final Pattern APOSTROPHES =
      Pattern.compile("[\\u2018\\u2019\\u02BC\\u0060\\u00B4']");
  private static final Pattern HYPHENS = Pattern.compile("\\s*[-\\u2010\\u2011\\u2012\\u2013]\\s*");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern TOKEN_BREAK = Pattern.compile("[ -]");

  private Names() {}

  /**
   * A comparison key: typographic apostrophes and quotes straightened then dropped, dots dropped,
   * hyphens and white space folded, a leading "the" removed. Case is kept: "US" is a country, "us"
   * a pronoun; all-lower-case forms are lower-cased consistently by their writers anyway.
   */
  static String key(String name) {
    return alreadyKey(name) ? name : fold(name); // most names: folding would not change them
  }

  /** {@link #key}'s folding, whatever the name. */
  static String fold(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
    s = APOSTROPHES.matcher(s).replaceAll("").replace(".", "");
    s = HYPHENS.matcher(s).replaceAll("-");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    if (s.startsWith("the ") || s.startsWith("The ")) {
      s = s.substring(4);
    }
    return s;
  }

  /**
   * Whether {@link #key} would return the name unchanged: printable ASCII (which NFKC leaves alone)
   * with no apostrophe, dot or hyphen, single spaces only between words, no leading "the".
   */
  private static boolean alreadyKey(String name) {
    int n = name.length();
    if (n == 0 || name.startsWith("the ") || name.startsWith("The ")) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean ok =
          c == ' '
              ? i > 0 && i < n - 1 && name.charAt(i - 1) != ' '
              : c > ' ' && c < 0x7F && c != '\'' && c != '`' && c != '.' && c != '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The words of a name, as the key sees them. */
  static List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>();
    for (String t : TOKEN_BREAK.split(key(name))) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }
}
