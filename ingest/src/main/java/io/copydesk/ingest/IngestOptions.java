package io.copydesk.ingest;

import io.copydesk.contract.CopydeskConfig;

/**
 * Ingest's tunables for reading inputs and the drop folder (part of {@link IngestSettings}).
 *
 * @param settleMs a file modified more recently than this is assumed to be still being written
 * @param batchFiles the most files read into memory and published as one Kafka transaction
 */
public record IngestOptions(
    long maxArticleBytes,
    int rejectPayloadBytes,
    long scanIntervalMs,
    long settleMs,
    int batchFiles) {
  public static IngestOptions from(CopydeskConfig config) {
    return new IngestOptions(
        config.bytes("ingest.max.article.bytes", 1),
        config.integer("ingest.reject.payload.bytes", 0, Integer.MAX_VALUE),
        config.duration("ingest.scan.interval.ms", 1),
        config.duration("ingest.settle.ms"),
        config.integer("ingest.batch.files", 1, Integer.MAX_VALUE));
  }

  /** For a batch run: files are complete, nothing to wait for. */
  public IngestOptions batch() {
    return new IngestOptions(maxArticleBytes, rejectPayloadBytes, scanIntervalMs, 0, batchFiles);
  }
}
