package io.copydesk.enrich.cluster;

/**
 * What placing articles has cost so far, counted in comparisons rather than time: it shows whether
 * the cost per article stays flat as events pile up, whatever else the machine is doing. One
 * instance is shared by the parts of a clusterer; a benchmark may hand in its own.
 */
public final class ClusterWork {
  long placements;
  long eventsScored;
  long reportsCompared;

  /** Candidates found past their quiet period and taken out of the index (by placing or filing). */
  long eventsClosed;

  /** Pairs of an event's reports compared to see whether it should split. */
  long reportPairsGrouped;

  /** Reports of a smaller event measured against a larger one to see whether they should merge. */
  long mergeReportsMeasured;

  /** The counts so far. */
  public EventClusterer.Work snapshot() {
    return new EventClusterer.Work(
        placements,
        eventsScored,
        reportsCompared,
        eventsClosed,
        reportPairsGrouped,
        mergeReportsMeasured);
  }
}
