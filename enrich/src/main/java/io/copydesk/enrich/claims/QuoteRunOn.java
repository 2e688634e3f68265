package io.copydesk.enrich.claims;

import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;

/** "“…,” she said. “We will go on.”": a quotation that opens a sentence right after a quoted speaker goes on in that voice. */
final class QuoteRunOn implements AttributionPattern {
  /** How far (characters) a quotation may open after the last claim and still be that speaker's. */
  private static final int REACH = 400;

  @Override
  public Claim afterSentence(SentenceScan s) {
    Claim latest = s.latest();
    if (s.previous() != null || latest == null || latest.getKind() == ClaimKind.indirect) {
      return null;
    }
    QuoteSpans.Span quote = s.article().quoteStartingAt(s.token(0).begin());
    if (quote == null || quote.start() <= latest.getEnd() || quote.start() - latest.getEnd() >= REACH) {
      return null;
    }
    return s.article().claim(quote.start(), quote.end(),
        new SpeakerResolver.Speaker(latest.getSpeaker(), latest.getSpeakerSurface(), latest.getSource(), null),
        latest.getCue(), ClaimKind.direct);
  }
}
