package io.copydesk.enrich.claims;

import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.List;

/**
 * A quotation is never cut at a sentence end of its own. Sentences are split inside quotations, so
 * a clause read to its sentence's end ({@code Limbaugh told his audience, “What has happened is
 * this. The campaign has sent …”}, {@code According to Limbaugh, “If it was left up to her …”})
 * stops at the quotation's first full stop. Such a claim runs on to the quotation's end; when the
 * quotation was introduced by a comma or colon after the claim's start, the claim is the quotation
 * alone (what stood before it was the addressee or time, not what was said).
 */
final class WholeQuotes implements AttributionPattern {
  /**
   * The most words a lead-in before a quotation's comma or colon may have and still be no part of
   * what was said ("his radio audience on Monday,").
   */
  private static final int MAX_LEAD_WORDS = 8;

  @Override
  public void afterArticle(ArticleScan article, List<Claim> claims) {
    for (int k = 0; k < claims.size(); k++) {
      Claim c = claims.get(k);
      QuoteSpans.Span q = cutInside(article, c, claims);
      if (q != null) {
        claims.set(k, whole(article.text(), c, q));
      }
    }
  }

  /**
   * The quotation in which {@code c} ends at one of the quotation's own sentence ends, with no
   * other claim reading the rest of it; null otherwise (also for claims joined from parts).
   */
  private static QuoteSpans.Span cutInside(ArticleScan article, Claim c, List<Claim> claims) {
    String text = article.text();
    if (!text.substring(c.getStart(), c.getEnd()).equals(c.getText())) {
      return null;
    }
    for (QuoteSpans.Span q : article.quotes()) {
      if (c.getEnd() > q.start()
          && c.getEnd() < q.end()
          && (c.getStart() >= q.start() || c.getStart() <= q.open())
          && sentenceEndAt(text, c.getEnd(), q.end())
          && moreWordsAfter(text, c.getEnd(), q.end())
          && claims.stream()
              .noneMatch(o -> o != c && o.getStart() < q.end() && o.getEnd() > c.getEnd())) {
        return q;
      }
    }
    return null;
  }

  /** Whether a letter or digit follows {@code end} before {@code limit}: more was quoted. */
  private static boolean moreWordsAfter(String text, int end, int limit) {
    return text.substring(end, limit).chars().anyMatch(Character::isLetterOrDigit);
  }

  /** Whether the first character after {@code end} that is not a space ends a sentence. */
  private static boolean sentenceEndAt(String text, int end, int limit) {
    int j = end;
    while (j < limit && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j < limit && ".?!".indexOf(text.charAt(j)) >= 0;
  }

  private static Claim whole(String text, Claim c, QuoteSpans.Span q) {
    String before = text.substring(c.getStart(), Math.max(c.getStart(), q.open()));
    boolean introduced =
        c.getStart() < q.open()
            && ",:".indexOf(lastNonSpace(text, c.getStart(), q.open())) >= 0
            && before.split("\\s+").length <= MAX_LEAD_WORDS
            && before.chars().noneMatch(ch -> "“”\"".indexOf(ch) >= 0);
    int start = introduced ? q.start() : c.getStart();
    ClaimKind kind = start >= q.start() ? ClaimKind.direct : ClaimKind.mixed;
    return Claim.newBuilder(c)
        .setStart(start)
        .setEnd(q.end())
        .setText(text.substring(start, q.end()))
        .setKind(kind)
        .build();
  }

  private static char lastNonSpace(String text, int from, int to) {
    int j = to - 1;
    while (j >= from && Character.isWhitespace(text.charAt(j))) {
      j--;
    }
    return j >= from ? text.charAt(j) : ' ';
  }
}
