package io.copydesk.app;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * One stage of the pipeline against a Kafka cluster. {@code copydesk run} composes all three in one
 * process; {@code copydesk ingest|enrich|sink} runs one. Both start, watch and stop them the same
 * way.
 */
interface Stage extends AutoCloseable {
  /** {@code ingest}, {@code enrich} or {@code sink}: the prefix of its configuration keys. */
  String name();

  void start() throws Exception;

  /** Whether the stage does its work now: what {@code /health/ready} answers. */
  boolean ready();

  /** Throws if the stage has stopped for good, so that the process ends rather than idles. */
  void checkHealthy();

  /**
   * The stage's meters: its Kafka client's metrics and its own counters. Whoever binds them closes
   * those that are {@link AutoCloseable} (the Kafka binders refresh in a thread of their own).
   */
  List<MeterBinder> meters();

  @Override
  void close() throws InterruptedException;
}
