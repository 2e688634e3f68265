package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Claim;
import java.util.List;

/**
 * "according to X, …" and "…, according to X.": the source after the phrase, the content on the
 * other side.
 */
final class AccordingTo implements AttributionPattern {
  @Override
  public boolean startsAt(SentenceScan s, int i) {
    return s.word(i).equalsIgnoreCase("according")
        && i + 1 < s.size()
        && s.word(i + 1).equalsIgnoreCase("to");
  }

  @Override
  public Claim read(SentenceScan s, int at) {
    List<Token> tokens = s.tokens();
    ArticleScan a = s.article();
    int from = at + 2;
    int to = from;
    while (to < tokens.size()
        && !Cues.isBoundary(tokens.get(to).word())
        && !tokens.get(to).word().equals(".")
        && to - from < Clauses.MAX_SUBJECT_TOKENS) {
      to++;
    }
    if (to == from) {
      return null;
    }
    SpeakerResolver.Speaker speaker =
        a.speakers()
            .resolve(
                a.text().substring(tokens.get(from).begin(), tokens.get(to - 1).end()),
                tokens.get(from).begin(),
                tokens.get(to - 1).end());
    if (speaker == null) {
      // "according to a poll released last week", "… a complaint filed by the S.E.C.": the source
      // is the noun phrase before its modifier.
      int head = headEnd(tokens, from, to);
      if (head > from && head < to) {
        int b = tokens.get(from).begin();
        int e = tokens.get(head - 1).end();
        speaker = a.speakers().resolve(a.text().substring(b, e), b, e);
      }
    }
    if (speaker == null) {
      return null;
    }
    int start;
    int end;
    if (at > 0) {
      start = tokens.get(Clauses.afterConjunction(tokens, 0)).begin(); // "And the gap is wide, …"
      end =
          tokens.get(at - 1).word().equals(",")
              ? tokens.get(at - 1).begin()
              : tokens.get(at - 1).end();
    } else {
      int comma = to;
      while (to - from == Clauses.MAX_SUBJECT_TOKENS
          && comma < tokens.size()
          && !tokens.get(comma).word().equals(",")) {
        comma++; // a source longer than a subject runs on to its comma
      }
      int content = comma < tokens.size() && tokens.get(comma).word().equals(",") ? comma + 1 : to;
      if (content >= tokens.size()) {
        return null;
      }
      start = tokens.get(content).begin();
      end = Clauses.endOfClause(tokens);
    }
    return end > start ? a.claim(start, end, speaker, "according to", a.kindOf(start, end)) : null;
  }

  /** Words that open a noun phrase's modifier: "a poll released …", "a complaint by …". */
  private static final java.util.Set<String> MODIFIER_STARTS =
      java.util.Set.of("by", "from", "in", "on", "at", "for", "with", "that", "which", "who");

  /**
   * Where the noun phrase from {@code from} ends before a participle or preposition that modifies
   * it ("a poll released last week": "a poll"); {@code to} when none does.
   */
  private static int headEnd(List<Token> tokens, int from, int to) {
    for (int j = from + 1; j < to; j++) {
      String w = tokens.get(j).word();
      boolean lower = Character.isLowerCase(w.codePointAt(0));
      if (lower
          && (MODIFIER_STARTS.contains(w)
              || (w.length() > 4 && (w.endsWith("ed") || w.endsWith("ing"))))) {
        return j;
      }
    }
    return to;
  }
}
