package io.copydesk.enrich;

import io.copydesk.contract.CopydeskHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How the clustering step learns what the parallel enrich tasks have finished. Ingest stamps each
 * article with a time later than any it published before, and after each batch writes a progress
 * marker (no key, no value) to every raw partition: "published up to here". Enrich passes articles
 * and markers on in each partition's order, each naming the raw partition it came from (a header).
 * So every record reaching the clustering step says "this partition is done up to my time", and the
 * clustering step can follow publication order exactly, even for a partition that got no article,
 * without guessing from the clock.
 */
public final class PublicationOrder {
  static final String FROM_PARTITION = CopydeskHeaders.FROM_PARTITION;

  /**
   * Marks an article released from an embargo by the wall clock rather than published in ingest's
   * order.
   */
  static final String RELEASED = CopydeskHeaders.EMBARGO_RELEASED;

  /** The key of progress markers after enrich; article ids are never empty. */
  public static final String PROGRESS_KEY = "";

  private PublicationOrder() {}

  /** Whether a raw record without value is ingest's progress marker (it has no key either). */
  static boolean isProgress(String key) {
    return key == null || key.isEmpty();
  }

  /** Marks a record as coming from a raw partition. */
  public static Headers from(Headers headers, int partition) {
    return CopydeskHeaders.putPartition(headers, partition);
  }

  /**
   * The raw partition a record came from, or -1 when it does not say (data written by an older
   * version).
   */
  static int partitionOf(Headers headers) {
    Header h = headers.lastHeader(FROM_PARTITION);
    return h == null ? -1 : CopydeskHeaders.partition(h.value());
  }

  /**
   * Marks an article released from an embargo. Its time is when the embargo passed on enrich's
   * clock, not a point in ingest's publication order: no raw partition is done up to it, and no
   * progress marker will pass it on a quiet desk, so the clustering step takes it on arrival.
   */
  static Headers released(Headers headers) {
    headers.remove(RELEASED);
    return headers.add(RELEASED, new byte[0]);
  }

  /** Whether a record is an article released from an embargo ({@link #released}). */
  static boolean isReleased(Headers headers) {
    return headers.lastHeader(RELEASED) != null;
  }
}
