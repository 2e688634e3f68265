package io.copydesk.ingest;

/**
 * Formats often offer several places for one field (a G2 headline or the NITF hl1; an RSS guid or
 * the link): the story takes the first of them that holds any text.
 */
final class FirstText {
  private FirstText() {}

  /** The first candidate with text in it, stripped; null when none has any. */
  static String of(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip();
      }
    }
    return null;
  }
}
