package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicProvisioner;
import io.copydesk.contract.Topics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * One stage of the pipeline against a Kafka cluster. {@code copydesk run} composes all three in one
 * process; {@code copydesk ingest|enrich|sink} runs one. Both start, watch and stop them the same way.
 * Public, with the stage classes, so that {@code copydesk bench e2e} measures these very stages.
 */
public interface Stage extends AutoCloseable {
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

  /** Creates the topics that are missing; every stage may be the first to start. */
  static Topics provisionTopics(CopydeskConfig config) throws Exception {
    Topics topics = Topics.from(config);
    try (Admin admin = Admin.create(config.kafka())) {
      TopicProvisioner.ensure(admin, topics);
    }
    return topics;
  }
}
