package io.copydesk.enrich.claims;

import io.copydesk.schema.Claim;
import java.util.List;

/**
 * One way English news attributes words to a source ("X said …", "according to X", "…, saying …",
 * a quotation signed with a dash). {@link ClaimExtractor} walks each sentence's tokens and asks its
 * patterns, in order, whether one starts at a token; the first that does reads the claim there. A
 * pattern may also read once a sentence is done (a quotation running on from the last speaker) or
 * once the article is done (labels that only the line layout shows). Each hook defaults to nothing.
 */
interface AttributionPattern {
  /** Whether this pattern's trigger is at token {@code i} (a cue, "according to", ", saying"). */
  default boolean startsAt(SentenceScan scan, int i) {
    return false;
  }

  /**
   * The claim read at token {@code i}, where {@link #startsAt} holds, or null. The pattern may end
   * or drop the sentence's previous claim through {@code scan} ("X said A, adding, “B”").
   */
  default Claim read(SentenceScan scan, int i) {
    return null;
  }

  /** A claim read once the sentence's tokens are done, or null. */
  default Claim afterSentence(SentenceScan scan) {
    return null;
  }

  /** Claims read over the whole article once its sentences are done; {@code found} holds the claims so far. */
  default List<Claim> afterArticle(ArticleScan article, List<Claim> found) {
    return List.of();
  }
}
