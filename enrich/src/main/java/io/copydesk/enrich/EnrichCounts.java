package io.copydesk.enrich;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the enrich processors have done since start, for /metrics. Counted as processed, so a record
 * processed again after an aborted transaction (exactly-once retry) counts again: these are work
 * done, not records committed (the output topics' offsets say that).
 */
public final class EnrichCounts {
  final AtomicLong enriched = new AtomicLong();
  final AtomicLong assigned = new AtomicLong();
  final AtomicLong splits = new AtomicLong();
  final AtomicLong merges = new AtomicLong();
  final ClusterReads clusterReads = new ClusterReads();

  /** Articles through the NLP step (retractions included: they pass it with an empty body). */
  public long articlesEnriched() {
    return enriched.get();
  }

  /**
   * Articles placed in an event (or taken out of one, for a retraction) by the event assignment
   * step.
   */
  public long articlesAssigned() {
    return assigned.get();
  }

  /** Events split in two because their latest reports fell apart into two groups. */
  public long eventsSplit() {
    return splits.get();
  }

  /** Events merged into another because an article bridged them (copy out of order). */
  public long eventsMerged() {
    return merges.get();
  }

  /**
   * What the event assignment step read from its clustering state, and how much its caches
   * answered.
   */
  public ClusterReads clusterReads() {
    return clusterReads;
  }
}
