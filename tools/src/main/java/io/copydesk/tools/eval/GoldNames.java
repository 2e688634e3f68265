package io.copydesk.tools.eval;

import java.util.Collection;
import java.util.Locale;

/**
 * How the reference labels compare names: case-insensitive, straight and curly apostrophes alike.
 */
final class GoldNames {
  private GoldNames() {}

  static String norm(String name) {
    return name.toLowerCase(Locale.ROOT)
        .replaceAll("[\\u2018\\u2019\\u02BC'`]", "'")
        .replaceAll("\\s+", " ")
        .strip();
  }

  static boolean matchesAny(String name, Collection<String> accepted) {
    String n = norm(name);
    return accepted.stream().anyMatch(a -> norm(a).equals(n));
  }
}
