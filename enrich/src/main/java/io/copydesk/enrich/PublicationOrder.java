package io.copydesk.enrich;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How the clustering step learns what the parallel enrich tasks have finished. Every record sent
 * to the clustering step names the raw partition it came from (a header); its timestamp is when
 * ingest published it. Records of one raw partition arrive in publication order, so each one says
 * "this partition is done up to here". A task that got nothing for a while says it is idle (a
 * heartbeat: a record without value), so one quiet partition does not hold the others back; its
 * next article speaks for it again. Heartbeats are sent when a task falls idle and then rarely, so a
 * quiet pipeline leaves its topics quiet (the drain check of {@code run --once} relies on that).
 */
public final class PublicationOrder {
  static final String FROM_PARTITION = "copydesk.from-partition";
  static final String IDLE = "copydesk.idle";
  /** The key of heartbeat records; article ids are never empty. */
  static final String HEARTBEAT_KEY = "";

  private PublicationOrder() {}

  /** Marks a record as coming from a raw partition. */
  public static Headers from(Headers headers, int partition) {
    headers.remove(FROM_PARTITION);
    return headers.add(FROM_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
  }

  static Headers idle(int partition) {
    return from(new org.apache.kafka.common.header.internals.RecordHeaders(), partition).add(IDLE, new byte[] {1});
  }

  static boolean isIdle(Headers headers) {
    return headers.lastHeader(IDLE) != null;
  }

  /** The raw partition a record came from, or -1 when it does not say (data written by an older version). */
  static int partitionOf(Headers headers) {
    Header h = headers.lastHeader(FROM_PARTITION);
    return h == null || h.value() == null || h.value().length != Integer.BYTES ? -1 : ByteBuffer.wrap(h.value()).getInt();
  }
}
