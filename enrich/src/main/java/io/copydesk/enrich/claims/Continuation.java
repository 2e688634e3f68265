package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.List;

/**
 * "…, saying they were launched …", "…, adding, “…”": a participle after a comma goes on in the
 * clause's voice. A claim before it in the sentence ends at the comma; with none, the subject of
 * the clause it follows speaks ("Maria Costa defended the decision, saying …").
 */
final class Continuation implements AttributionPattern {
  @Override
  public boolean startsAt(SentenceScan s, int i) {
    return Cues.isContinuation(s.word(i)) && Cues.afterComma(s.tokens(), i);
  }

  @Override
  public Claim read(SentenceScan s, int i) {
    if (s.insidePrevious(s.token(i).begin())) {
      // "X said growth would return, adding, “…”": the first claim ends at the comma.
      s.setPrevious(s.cutPrevious(s.token(i - 1).begin()));
    }
    SpeakerResolver.Speaker speaker =
        s.previous() != null
            ? new SpeakerResolver.Speaker(
                s.previous().getSpeaker(), s.previous().getSpeakerSurface(), null, null)
            : openingActor(s, i - 1);
    return speaker == null ? null : continuation(s, i, speaker);
  }

  /**
   * With no claim before it, a continuation speaks for the subject of the clause it follows: the
   * subject of the sentence's first finite verb (tagged), named or described ("A New York judge has
   * rejected …, saying …"; "During a speech, Trump attacked Clinton, saying …").
   */
  static SpeakerResolver.Speaker openingActor(SentenceScan s, int comma) {
    List<Token> tokens = s.tokens();
    List<String> tags = s.tags(comma);
    for (int v = 0; v < comma; v++) {
      String tag = tags.get(v);
      if (!(tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP") || tag.equals("MD"))) {
        continue;
      }
      Clauses.Subject subject = Clauses.subjectBefore(tokens, Clauses.verbStart(tokens, v));
      if (subject == null) {
        return null;
      }
      int from = tokens.get(subject.start()).begin();
      int to = tokens.get(subject.end() - 1).end();
      SpeakerResolver.Speaker speaker =
          s.article().speakers().resolve(s.text().substring(from, to), from, to);
      return speaker == null
          ? null
          : new SpeakerResolver.Speaker(speaker.name(), speaker.surface(), null, null);
    }
    return null;
  }

  private static Claim continuation(SentenceScan s, int cue, SpeakerResolver.Speaker speaker) {
    List<Token> tokens = s.tokens();
    ArticleScan a = s.article();
    int from = Clauses.skipToContent(tokens, cue + 1);
    if (from >= tokens.size()) {
      return null;
    }
    int start = tokens.get(from).begin();
    QuoteSpans.Span quote = a.contentQuoteAt(start);
    String cueWord = tokens.get(cue).word();
    if (quote != null) {
      return a.claim(quote.start(), quote.end(), speaker, cueWord, ClaimKind.direct);
    }
    int end = Clauses.contentEnd(tokens, from, a);
    return end > start ? a.claim(start, end, speaker, cueWord, a.kindOf(start, end)) : null;
  }
}
