package io.copydesk.enrich.claims;

import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.Comparator;
import java.util.List;

/**
 * Quotations no attribution of their own reads, which go on in the voice of the quotation before
 * them. A quote split by its attribution is one claim: {@code “A,” she said. “B.”}, {@code “A,” she
 * said, “B.”} and {@code She said: “A.” “B.”} give one claim whose {@code start} is A's start,
 * whose {@code end} is B's end and whose {@code text} is the parts joined by " … " without the
 * attribution; so is a quotation left open at a paragraph's end and reopened in the next. A
 * quotation that opens a later paragraph after a closed one is a claim of its own in the same
 * voice, if it opens within {@value #REACH} characters of the last.
 */
final class QuoteRunOn implements AttributionPattern {
  /**
   * How far (characters) a quotation in a new paragraph may open after the last claim and still be
   * that speaker's.
   */
  private static final int REACH = 400;

  /**
   * The longest attribution that can stand between the parts of one quotation: "she said, clapping
   * and laughing".
   */
  private static final int MAX_ATTRIBUTION = 320;

  @Override
  public void afterArticle(ArticleScan article, List<Claim> claims) {
    String text = article.text();
    claims.sort(Comparator.comparingInt(Claim::getStart));
    for (QuoteSpans.Span q : article.quotes()) {
      if (claims.stream().anyMatch(c -> c.getStart() < q.end() && q.start() < c.getEnd())) {
        continue; // read by a pattern of its own, or inside a claim
      }
      int last = lastBefore(claims, q.start());
      if (last < 0 || claims.get(last).getKind() == ClaimKind.indirect) {
        continue;
      }
      Claim before = claims.get(last);
      String gap = text.substring(before.getEnd(), q.open());
      if (onePart(gap, before)) {
        Claim part =
            article.claim(
                q.start(),
                q.end(),
                new SpeakerResolver.Speaker("", null, null, null),
                "",
                ClaimKind.direct);
        if (part != null) {
          claims.set(
              last, Claim.newBuilder(article.join(before, part)).setKind(before.getKind()).build());
        }
      } else if (gap.indexOf('\n') >= 0
          && q.start() - before.getEnd() < REACH
          && opensLine(text, q.open())) {
        Claim more =
            article.claim(
                q.start(),
                q.end(),
                new SpeakerResolver.Speaker(
                    before.getSpeaker(), before.getSpeakerSurface(), before.getSource(), null),
                before.getCue(),
                ClaimKind.direct);
        if (more != null) {
          claims.add(last + 1, more);
        }
      }
    }
  }

  /**
   * Whether the text between a claim and the next quotation leaves them one quotation: only marks
   * between, within a paragraph or across one the quotation was left open over; or, within a
   * paragraph, only the claim's own attribution (its cue is there).
   */
  private static boolean onePart(String gap, Claim before) {
    boolean paragraph = gap.indexOf('\n') >= 0;
    boolean marksOnly =
        gap.chars()
            .allMatch(ch -> Character.isWhitespace(ch) || ".,;:!?”\"’'―—–-".indexOf(ch) >= 0);
    if (marksOnly) {
      return !paragraph
          || (gap.chars().noneMatch(ch -> ch == '”' || ch == '"') && !gap.contains("''"));
    }
    String cue = ArticleScan.firstWord(before.getCue());
    return !paragraph
        && gap.length() <= MAX_ATTRIBUTION
        && !cue.isEmpty()
        && gap.toLowerCase(java.util.Locale.ROOT)
            .matches("(?s).*\\b" + java.util.regex.Pattern.quote(cue) + "\\b.*")
        && gap.chars().noneMatch(ch -> ch == '“')
        && !gap.contains("``");
  }

  /**
   * Whether the opening mark at {@code mark} starts a paragraph (only spaces before it on its
   * line).
   */
  private static boolean opensLine(String text, int mark) {
    int j = mark - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    return j < 0 || text.charAt(j) == '\n';
  }

  /** Index of the last claim ending at or before {@code offset} (claims sorted by start), or -1. */
  private static int lastBefore(List<Claim> claims, int offset) {
    int found = -1;
    for (int i = 0; i < claims.size(); i++) {
      if (claims.get(i).getEnd() <= offset
          && (found < 0 || claims.get(i).getEnd() >= claims.get(found).getEnd())) {
        found = i;
      }
    }
    return found;
  }
}
