package io.copydesk.enrich.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * Quotations in a text, as character spans of their content (marks excluded). Follows the newspaper
 * conventions: curly or straight marks, mixed when copy was retyped ("“…\""), and ASCII copy's
 * doubled marks (``…'' and ''…'', as typewriters and older wire systems set them); a quote left
 * open at the end of a paragraph continues where the next paragraph opens one again (a paragraph
 * ends at a blank line, or at a line break before an opening mark).
 */
final class QuoteSpans {
  /**
   * [start, end) of the quoted words, excluding the marks; {@code open} is where the opening mark
   * starts.
   */
  record Span(int open, int start, int end) {
    boolean contains(int offset) {
      return offset >= start && offset < end;
    }
  }

  private QuoteSpans() {}

  static List<Span> find(String text) {
    List<Span> spans = new ArrayList<>();
    int open = -1;
    int openMark = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean doubled = i + 1 < text.length() && text.charAt(i + 1) == c && (c == '\'' || c == '`');
      boolean curlyOpen = c == '“' || (doubled && c == '`');
      boolean curlyClose = c == '”';
      boolean straight = c == '"' || (doubled && c == '\'');
      int width = doubled ? 2 : 1;
      if (open < 0) {
        // A closing mark opening a paragraph is a mistyped opening one: ”Mr. Trump …”.
        if (curlyOpen
            || (straight && opensHere(text, i))
            || (curlyClose && opensParagraph(text, i))) {
          openMark = i;
          open = i + width;
          i += width - 1;
        }
        continue;
      }
      if (curlyClose || straight || (curlyOpen && closesHere(text, i + width - 1))) {
        spans.add(new Span(openMark, open, i));
        open = -1;
        i += width - 1;
      } else if (c == '\n' && (paragraphBreak(text, i) || opening(text, skipSpace(text, i)) > 0)) {
        // Open at the paragraph's end: the quote goes on if the next paragraph opens one.
        int next = skipSpace(text, i);
        int nextWidth = opening(text, next);
        if (nextWidth > 0) {
          spans.add(new Span(openMark, open, trimEnd(text, i)));
          openMark = next;
          open = next + nextWidth;
          i = open - 1;
        } else {
          open = -1; // an unbalanced mark: no quote
        }
      }
    }
    return spans;
  }

  private static boolean opensParagraph(String text, int i) {
    int j = i - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    return j < 0 || text.charAt(j) == '\n';
  }

  /** The width of an opening mark at {@code i} (“, ", `` or ''), or 0. */
  private static int opening(String text, int i) {
    if (i >= text.length()) {
      return 0;
    }
    char c = text.charAt(i);
    if (c == '“' || c == '"') {
      return 1;
    }
    boolean doubled = i + 1 < text.length() && text.charAt(i + 1) == c && (c == '\'' || c == '`');
    return doubled ? 2 : 0;
  }

  /** A straight mark opens a quote at the start of text or after a space or opening bracket. */
  private static boolean opensHere(String text, int i) {
    return i == 0
        || Character.isWhitespace(text.charAt(i - 1))
        || "([—–-:".indexOf(text.charAt(i - 1)) >= 0;
  }

  /** A mistyped opening mark closes a quote when nothing but space or punctuation follows it. */
  private static boolean closesHere(String text, int i) {
    return i + 1 >= text.length()
        || Character.isWhitespace(text.charAt(i + 1))
        || ",.;:".indexOf(text.charAt(i + 1)) >= 0;
  }

  private static boolean paragraphBreak(String text, int i) {
    int j = i + 1;
    while (j < text.length()
        && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
      j++;
    }
    return j < text.length() && text.charAt(j) == '\n';
  }

  private static int skipSpace(String text, int i) {
    int j = i;
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j;
  }

  private static int trimEnd(String text, int end) {
    int e = end;
    while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }
}
