package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.List;

/**
 * An attribution set off as an "as" clause: "As Ms. Lima noted in May, the bridge is unsafe", "The
 * bridge is unsafe, as police have said", "Hawaii, as one adviser pointed out, rarely gets two
 * storms" (the parts around it, as for "A, X said, B"), "as the memo put it". The "as" clause
 * closes at a comma or the sentence's end with nothing but time, place or channel after its verb
 * ("as he said he would" attributes nothing).
 */
final class AsParenthetical implements AttributionPattern {
  /** Longest subject between "as" and its verb. */
  private static final int MAX_SUBJECT = 8;

  /** Longest adjunct after the verb ("in a statement to my colleague in July"). */
  private static final int MAX_ADJUNCT = 12;

  @Override
  public boolean startsAt(SentenceScan s, int i) {
    return cue(s, i) && asBefore(s, i) >= 0;
  }

  @Override
  public Claim read(SentenceScan s, int i) {
    List<Token> tokens = s.tokens();
    ArticleScan a = s.article();
    int as = asBefore(s, i);
    int verbStart = Clauses.verbStart(tokens, i);
    if (verbStart <= as + 1 || Clauses.negated(tokens, verbStart, i)) {
      return null;
    }
    int after = isPutIt(s, i) ? i + 2 : Clauses.afterCue(tokens, i);
    int close = after;
    while (close < tokens.size() && close - after <= MAX_ADJUNCT) {
      String w = tokens.get(close).word();
      if (w.equals(",") || w.equals(".") || w.equals(";")) {
        break;
      }
      if (w.equalsIgnoreCase("that") || Cues.isVerb(w) || Clauses.isPronoun(w)) {
        return null; // "as he said he would": a clause follows, the "as" clause attributes none
      }
      close++;
    }
    if (close - after > MAX_ADJUNCT) {
      return null;
    }
    int from = tokens.get(as + 1).begin();
    int to = tokens.get(verbStart - 1).end();
    if (!Clauses.nounPhrase(tokens, as + 1, verbStart)) {
      return null;
    }
    SpeakerResolver.Speaker speaker = a.speakers().resolve(s.text().substring(from, to), from, to);
    if (speaker == null) {
      return null;
    }
    String cueText = s.text().substring(tokens.get(i).begin(), tokens.get(after - 1).end());
    Claim before = null;
    if (as > 1 && tokens.get(as - 1).word().equals(",")) {
      int start = tokens.get(Clauses.afterConjunction(tokens, 0)).begin();
      int end = tokens.get(as - 2).end();
      before = a.claim(start, end, speaker, cueText, a.kindOf(start, end));
    }
    Claim rest = null;
    boolean more =
        close < tokens.size() - 1
            && tokens.get(close).word().equals(",")
            && close + 1 < tokens.size();
    if (more) {
      int start = tokens.get(close + 1).begin();
      QuoteSpans.Span quote = a.quoteStartingAt(start);
      if (quote != null) {
        // "…, as the magazine put it, “the operator.”": the quotation alone is what was said.
        return a.claim(quote.start(), quote.end(), speaker, cueText, ClaimKind.direct);
      }
      int end = Clauses.contentEnd(tokens, close + 1, a);
      rest = end > start ? a.claim(start, end, speaker, cueText, a.kindOf(start, end)) : null;
    }
    Claim c = before == null ? rest : rest == null ? before : a.join(before, rest);
    if (c == null) {
      return null;
    }
    AttributionType type = CueLexicon.type(s.word(i));
    return Claim.newBuilder(c)
        .setKind(a.kindOf(c.getStart(), c.getEnd()))
        .setAttribution(type == null ? AttributionType.speech : type)
        .build();
  }

  /** A cue of saying or writing, or "put it" ("as the memo put it"). */
  private static boolean cue(SentenceScan s, int i) {
    if (isPutIt(s, i)) {
      return true;
    }
    AttributionType type = CueLexicon.type(s.word(i));
    boolean particle = type == null && Clauses.particleFollows(s.tokens(), i); // "pointed out"
    return s.isCue(i)
        && (particle || type == AttributionType.speech || type == AttributionType.writing);
  }

  private static boolean isPutIt(SentenceScan s, int i) {
    return s.lower(i).equals("put") && i + 1 < s.size() && s.lower(i + 1).equals("it");
  }

  /**
   * Where the "as" opening the cue's clause is (at the sentence's start, after an opening
   * conjunction, or after a comma), or -1.
   */
  private static int asBefore(SentenceScan s, int cue) {
    int verbStart = Clauses.verbStart(s.tokens(), cue);
    for (int j = verbStart - 1; j >= 0 && verbStart - j <= MAX_SUBJECT; j--) {
      String w = s.lower(j);
      if (w.equals("as")) {
        boolean opens =
            j == 0
                || s.word(j - 1).equals(",")
                || (j == 1 && Clauses.afterConjunction(s.tokens(), 0) == 1);
        return opens && j < verbStart - 1 ? j : -1;
      }
      if (Cues.isBoundary(w)) {
        return -1;
      }
    }
    return -1;
  }
}
