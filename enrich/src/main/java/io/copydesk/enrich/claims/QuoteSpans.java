package io.copydesk.enrich.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * Quotations in a text, as character spans of their content (marks excluded). Follows the
 * newspaper conventions: curly or straight marks, mixed when copy was retyped ("“…\""); a quote
 * left open at the end of a paragraph continues where the next paragraph opens one again.
 */
final class QuoteSpans {
  /** [start, end) of the quoted words, excluding the marks. */
  record Span(int start, int end) {
    boolean contains(int offset) {
      return offset >= start && offset < end;
    }
  }

  private QuoteSpans() {}

  static List<Span> find(String text) {
    List<Span> spans = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean curlyOpen = c == '“';
      boolean curlyClose = c == '”';
      boolean straight = c == '"';
      if (open < 0) {
        if (curlyOpen || (straight && opensHere(text, i))) {
          open = i + 1;
        }
        continue;
      }
      if (curlyClose || straight || (curlyOpen && closesHere(text, i))) {
        spans.add(new Span(open, i));
        open = -1;
      } else if (c == '\n' && paragraphBreak(text, i)) {
        // Open at the paragraph's end: the quote goes on if the next paragraph opens one.
        int next = skipSpace(text, i);
        if (next < text.length() && (text.charAt(next) == '“' || text.charAt(next) == '"')) {
          spans.add(new Span(open, trimEnd(text, i)));
          open = next + 1;
          i = next;
        } else {
          open = -1; // an unbalanced mark: no quote
        }
      }
    }
    return spans;
  }

  /** A straight mark opens a quote at the start of text or after a space or opening bracket. */
  private static boolean opensHere(String text, int i) {
    return i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([—–-:".indexOf(text.charAt(i - 1)) >= 0;
  }

  /** A mistyped opening mark closes a quote when nothing but space or punctuation follows it. */
  private static boolean closesHere(String text, int i) {
    return i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)) || ",.;:".indexOf(text.charAt(i + 1)) >= 0;
  }

  private static boolean paragraphBreak(String text, int i) {
    int j = i + 1;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
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
