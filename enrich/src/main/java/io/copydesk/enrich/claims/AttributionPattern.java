package io.copydesk.enrich.claims;

import io.copydesk.schema.Claim;
import java.util.List;

/**
 * One way English news attributes words to a source ("X said …", "according to X", "…, saying …", a
 * quotation signed with a dash). {@link ClaimExtractor} walks each sentence's tokens and asks its
 * patterns, in order, whether one starts at a token; the first that does reads the claim there. A
 * pattern may also read once the article is done (labels that only the line layout shows,
 * quotations running on from the last speaker). Each hook defaults to nothing.
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

  /**
   * Reads over the whole article once its sentences are done: may add claims to {@code claims} or
   * extend those there (a quotation split by its attribution is one claim).
   */
  default void afterArticle(ArticleScan article, List<Claim> claims) {}
}
