package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.List;

/**
 * "…, saying they were launched …", "…, adding, “…”": a participle after a comma goes on in the
 * clause's voice. A claim before it in the sentence ends at the comma; with none, the named actor
 * opening the sentence speaks ("Maria Costa defended the decision, saying …").
 */
final class Continuation implements AttributionPattern {
  @Override
  public boolean startsAt(SentenceScan s, int i) {
    return Cues.isContinuation(s.word(i)) && i > 0 && s.word(i - 1).equals(",");
  }

  @Override
  public Claim read(SentenceScan s, int i) {
    if (s.insidePrevious(s.token(i).begin())) {
      // "X said growth would return, adding, “…”": the first claim ends at the comma.
      s.setPrevious(s.cutPrevious(s.token(i - 1).begin()));
    }
    SpeakerResolver.Speaker speaker = s.previous() != null
        ? new SpeakerResolver.Speaker(s.previous().getSpeaker(), s.previous().getSpeakerSurface(), null, null)
        : openingActor(s);
    return speaker == null ? null : continuation(s, i, speaker);
  }

  /** With no claim before it, a continuation speaks for the named actor that opens the sentence. */
  private static SpeakerResolver.Speaker openingActor(SentenceScan s) {
    List<Token> tokens = s.tokens();
    int end = 0;
    while (end < tokens.size() && end < Clauses.MAX_SUBJECT_TOKENS && (Character.isUpperCase(tokens.get(end).word().codePointAt(0))
        || tokens.get(end).word().equalsIgnoreCase("the"))) {
      end++;
    }
    if (end == 0) {
      return null;
    }
    SpeakerResolver.Speaker speaker = s.article().speakers().resolve(
        s.text().substring(tokens.get(0).begin(), tokens.get(end - 1).end()), tokens.get(0).begin(), tokens.get(end - 1).end());
    if (speaker == null || speaker.type() == null) {
      return null; // only a named actor: an unnamed opening phrase may not be the subject
    }
    return new SpeakerResolver.Speaker(speaker.name(), speaker.surface(), null, null);
  }

  private static Claim continuation(SentenceScan s, int cue, SpeakerResolver.Speaker speaker) {
    List<Token> tokens = s.tokens();
    ArticleScan a = s.article();
    int from = Clauses.skipToContent(tokens, cue + 1);
    if (from >= tokens.size()) {
      return null;
    }
    int start = tokens.get(from).begin();
    QuoteSpans.Span quote = a.quoteStartingAt(start);
    String cueWord = tokens.get(cue).word();
    if (quote != null) {
      return a.claim(quote.start(), quote.end(), speaker, cueWord, ClaimKind.direct);
    }
    int end = Clauses.contentEnd(tokens, from, a);
    return end > start ? a.claim(start, end, speaker, cueWord, a.kindOf(start, end)) : null;
  }
}
