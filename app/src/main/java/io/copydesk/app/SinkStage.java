package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.sink.SinkService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Sink: the consumer writing article and event files, in its own thread. Public for the tools
 * module's {@code bench e2e}, as {@link IngestStage}.
 */
public final class SinkStage implements Stage {
  /**
   * A poll loop that has not come round for this long is stuck (flushes take seconds, not a
   * minute).
   */
  static final Duration POLL_WINDOW = Duration.ofSeconds(60);

  private final SinkService sink;
  private final ServiceThread thread;

  public SinkStage(CopydeskConfig config, Topics topics, Path out) throws Exception {
    this.sink = new SinkService(config, topics, out);
    this.thread = new ServiceThread("copydesk-sink", sink::run);
  }

  @Override
  public String name() {
    return "sink";
  }

  @Override
  public void start() {
    thread.start();
  }

  @Override
  public boolean ready() {
    return thread.failure() == null && sink.polling(POLL_WINDOW);
  }

  @Override
  public void checkHealthy() {
    Throwable failed = thread.failure();
    if (failed != null) {
      throw new IllegalStateException("the sink stopped: " + failed.getMessage(), failed);
    }
  }

  @Override
  public List<MeterBinder> meters() {
    return List.of(
        new KafkaClientMetrics(sink.consumerForMetrics()),
        registry -> {
          FunctionCounter.builder(
                  "copydesk.sink.records.written", sink, SinkService::articlesWritten)
              .tag("topic", "enriched")
              .description("Records durably written to the output files")
              .register(registry);
          FunctionCounter.builder("copydesk.sink.records.written", sink, SinkService::eventsWritten)
              .tag("topic", "events")
              .description("Records durably written to the output files")
              .register(registry);
          FunctionCounter.builder("copydesk.sink.files.written", sink, SinkService::filesWritten)
              .description("Article files and event snapshot files written")
              .register(registry);
          FunctionCounter.builder(
                  "copydesk.sink.records.undecodable", sink, SinkService::undecodableRecords)
              .description("Records skipped because they could not be decoded")
              .register(registry);
          Gauge.builder("copydesk.sink.consumer.lag", sink, SinkService::lag)
              .baseUnit("records")
              .description(
                  "Records not yet read from the sink's assigned partitions, as of its last poll")
              .register(registry);
        });
  }

  @Override
  public void close() throws InterruptedException {
    sink.close();
    thread.join();
  }
}
