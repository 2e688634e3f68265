package io.copydesk.enrich.claims;

import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    claims.replaceAll(c -> withoutOwnAttribution(article, c));
    for (QuoteSpans.Span q : article.quotes()) {
      if (claims.stream().anyMatch(c -> c.getStart() < q.end() && q.start() < c.getEnd())) {
        continue; // read by a pattern of its own, or inside a claim
      }
      int last = lastBefore(claims, q.start());
      if (last < 0) {
        continue;
      }
      Claim before = claims.get(last);
      String gap = text.substring(before.getEnd(), q.open());
      boolean indirect = before.getKind() == ClaimKind.indirect;
      boolean asideOrCue =
          onePart(gap, before) && !endsSentence(gap) && endsItsSentence(text, q)
              || attributionIn(gap, before);
      if (indirect && !asideOrCue) {
        continue; // "Kline said the harvest was lost. “…”": the quotation is no part of it
      }
      if (!indirect && attributionIn(gap, before) && cueBefore(text, before)) {
        // "Kline said the crop was “lost,” he said. “…”": a second attribution, the same voice.
        Claim more = sameVoice(article, q, before);
        if (more != null) {
          claims.add(last + 1, more);
        }
      } else if (onePart(gap, before)) {
        Claim part =
            article.claim(
                q.start(),
                q.end(),
                new SpeakerResolver.Speaker("", null, null, null),
                "",
                ClaimKind.direct);
        if (part != null) {
          ClaimKind kind = indirect ? ClaimKind.mixed : before.getKind();
          claims.set(last, Claim.newBuilder(article.join(before, part)).setKind(kind).build());
        }
      } else if (gap.indexOf('\n') >= 0
          && q.start() - before.getEnd() < REACH
          && opensLine(text, q.open())) {
        Claim more = sameVoice(article, q, before);
        if (more != null) {
          claims.add(last + 1, more);
        }
      }
    }
  }

  /**
   * A quotation ending the claim, then a short subject and the claim's own cue word ("Lin said she
   * made the film because “people don't know,” she said"): the claim ends at the closing mark, and
   * the attribution after it is one of its own.
   */
  private static final Pattern TRAILING_ATTRIBUTION =
      Pattern.compile("(?s)^(.*\\S[”\"])\\h+(?:[\\p{L}.'’-]+\\h+){1,4}(\\p{L}+)$");

  private static Claim withoutOwnAttribution(ArticleScan article, Claim c) {
    String text = article.text();
    if (!text.substring(c.getStart(), c.getEnd()).equals(c.getText())) {
      return c;
    }
    Matcher m = TRAILING_ATTRIBUTION.matcher(c.getText());
    if (!m.matches() || !m.group(2).equalsIgnoreCase(ArticleScan.firstWord(c.getCue()))) {
      return c;
    }
    int end = c.getStart() + m.end(1);
    return Claim.newBuilder(c)
        .setEnd(end)
        .setText(text.substring(c.getStart(), end))
        .setKind(
            c.getKind() == ClaimKind.direct ? ClaimKind.direct : article.kindOf(c.getStart(), end))
        .build();
  }

  /** The quotation as a claim of its own in the voice of {@code before}. */
  private static Claim sameVoice(ArticleScan article, QuoteSpans.Span q, Claim before) {
    return article.claim(
        q.start(),
        q.end(),
        new SpeakerResolver.Speaker(
            before.getSpeaker(), before.getSpeakerSurface(), before.getSource(), null),
        before.getCue(),
        ClaimKind.direct);
  }

  /**
   * Whether nothing but closing punctuation follows the quotation in its sentence: "… the poor --
   * ''the porter and the maid.''" ends the clause it continues; "… Romney -- ''…'' -- and Fred
   * Goldberg" is an aside of someone else's.
   */
  private static boolean endsItsSentence(String text, QuoteSpans.Span q) {
    int j = q.end();
    boolean stop = q.end() > q.start() && ".!?".indexOf(text.charAt(q.end() - 1)) >= 0;
    while (j < text.length() && "”\"'’.!?".indexOf(text.charAt(j)) >= 0) {
      stop |= ".!?".indexOf(text.charAt(j)) >= 0;
      j++;
    }
    return j >= text.length() || text.charAt(j) == '\n' || stop;
  }

  /** Whether the gap holds a sentence's end ("…. “…”"), not only a comma or dash. */
  private static boolean endsSentence(String gap) {
    return gap.chars().anyMatch(ch -> ch == '.' || ch == '?' || ch == '!');
  }

  /**
   * Whether the gap, within one paragraph, holds an attribution with the claim's cue ("…,” Schiff
   * said. “…”").
   */
  private static boolean attributionIn(String gap, Claim before) {
    return onePart(gap, before) && !marksOnly(gap);
  }

  /**
   * Whether the claim's cue stands just before it in its paragraph ("DuVernay said she …"): then a
   * cue after it is another attribution, not the one the claim was read from.
   */
  private static boolean cueBefore(String text, Claim before) {
    int from = Math.max(text.lastIndexOf('\n', before.getStart()) + 1, before.getStart() - 60);
    return hasWord(text.substring(from, before.getStart()), before.getCue());
  }

  private static boolean hasWord(String s, String cue) {
    return ArticleScan.wordIndex(s.toLowerCase(java.util.Locale.ROOT), ArticleScan.firstWord(cue))
        >= 0;
  }

  private static boolean marksOnly(String gap) {
    return gap.chars()
        .allMatch(ch -> Character.isWhitespace(ch) || ".,;:!?”\"’'―—–-".indexOf(ch) >= 0);
  }

  /**
   * Whether the text between a claim and the next quotation leaves them one quotation: only marks
   * between, within a paragraph or across one the quotation was left open over; or, within a
   * paragraph, only the claim's own attribution (its cue is there).
   */
  private static boolean onePart(String gap, Claim before) {
    boolean paragraph = gap.indexOf('\n') >= 0;
    if (marksOnly(gap)) {
      return !paragraph
          || (gap.chars().noneMatch(ch -> ch == '”' || ch == '"') && !gap.contains("''"));
    }
    return !paragraph
        && gap.length() <= MAX_ATTRIBUTION
        && hasWord(gap, before.getCue())
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
