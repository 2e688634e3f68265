package io.copydesk.ingest;

import io.copydesk.contract.CopydeskConfig;

/**
 * Ingest's tunables.
 *
 * @param settleMs a file modified more recently than this is assumed to be still being written
 */
public record IngestOptions(long maxArticleBytes, int rejectPayloadBytes, long scanIntervalMs, long settleMs) {
  public static IngestOptions from(CopydeskConfig config) {
    return new IngestOptions(
        config.duration("ingest.max.article.bytes"),
        config.integer("ingest.reject.payload.bytes"),
        config.duration("ingest.scan.interval.ms"),
        config.duration("ingest.settle.ms"));
  }

  /** For a batch run: files are complete, nothing to wait for. */
  public IngestOptions batch() {
    return new IngestOptions(maxArticleBytes, rejectPayloadBytes, scanIntervalMs, 0);
  }
}
