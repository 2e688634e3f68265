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
      return null;
    }
    int start;
    int end;
    if (at > 0) {
      start = tokens.get(0).begin();
      end =
          tokens.get(at - 1).word().equals(",")
              ? tokens.get(at - 1).begin()
              : tokens.get(at - 1).end();
    } else {
      int content = to < tokens.size() && tokens.get(to).word().equals(",") ? to + 1 : to;
      if (content >= tokens.size()) {
        return null;
      }
      start = tokens.get(content).begin();
      end = Clauses.endOfClause(tokens);
    }
    return end > start ? a.claim(start, end, speaker, "according to", a.kindOf(start, end)) : null;
  }
}
