package io.copydesk.ingest;

import io.copydesk.contract.CopydeskConfig;

/**
 * Ingest's tunables.
 *
 * @param settleMs a file modified more recently than this is assumed to be still being written
 * @param batchFiles the most files read into memory and published as one Kafka transaction
 */
public record IngestOptions(long maxArticleBytes, int rejectPayloadBytes, long scanIntervalMs, long settleMs, int batchFiles) {
  public static IngestOptions from(CopydeskConfig config) {
    return new IngestOptions(
        config.duration("ingest.max.article.bytes"),
        config.integer("ingest.reject.payload.bytes"),
        config.duration("ingest.scan.interval.ms"),
        config.duration("ingest.settle.ms"),
        config.integer("ingest.batch.files"));
  }

  /** For a batch run: files are complete, nothing to wait for. */
  public IngestOptions batch() {
    return new IngestOptions(maxArticleBytes, rejectPayloadBytes, scanIntervalMs, 0, batchFiles);
  }
}
