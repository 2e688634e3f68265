package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.enrich.ClusterReads;
import io.copydesk.enrich.EnrichCounts;
import io.copydesk.enrich.EnrichService;
import io.copydesk.enrich.NlpEnricher;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Enrich: the Kafka Streams app with CoreNLP behind it. Public for the tools module's {@code bench
 * e2e}, as {@link IngestStage}.
 */
public final class EnrichStage implements Stage {
  private final EnrichService enrich;

  public EnrichStage(CopydeskConfig config, Topics topics) {
    this.enrich =
        new EnrichService(
            config, topics, new NlpEnricher(CoreNlpEngine.shared(), KnowledgeBase.load()));
  }

  @Override
  public String name() {
    return "enrich";
  }

  @Override
  public void start() {
    enrich.start();
  }

  /** RUNNING: joined, restored and processing. Before that (and while rebalancing) it is not. */
  /** Articles consumed but still waiting for their turn in the clustering step: not idle yet. */
  boolean articlesWaitingForClustering() {
    return enrich.articlesWaitingForClustering();
  }

  @Override
  public boolean ready() {
    return enrich.state() == KafkaStreams.State.RUNNING;
  }

  @Override
  public void checkHealthy() {
    KafkaStreams.State state = enrich.state();
    if (state == KafkaStreams.State.ERROR
        || state == KafkaStreams.State.PENDING_ERROR
        || state == KafkaStreams.State.NOT_RUNNING) {
      throw new IllegalStateException("the enrich app stopped (state " + state + ")");
    }
  }

  @Override
  public List<MeterBinder> meters() {
    return List.of(
        new KafkaStreamsMetrics(enrich.streamsForMetrics()),
        registry -> {
          FunctionCounter.builder(
                  "copydesk.enrich.articles.enriched",
                  enrich.counts(),
                  EnrichCounts::articlesEnriched)
              .description(
                  "Articles through actor, claim and figure extraction (processing attempts)")
              .register(registry);
          FunctionCounter.builder(
                  "copydesk.enrich.articles.clustered",
                  enrich.counts(),
                  EnrichCounts::articlesAssigned)
              .description(
                  "Articles placed in an event, or taken out of one when retracted (processing attempts)")
              .register(registry);
          FunctionCounter.builder(
                  "copydesk.enrich.events.split", enrich.counts(), EnrichCounts::eventsSplit)
              .description(
                  "Events split in two because their latest reports fell apart into two groups (processing attempts)")
              .register(registry);
          FunctionCounter.builder(
                  "copydesk.enrich.events.merged", enrich.counts(), EnrichCounts::eventsMerged)
              .description(
                  "Events merged into another because an article bridged them (processing attempts)")
              .register(registry);
          for (ClusterReads.Kind kind : ClusterReads.Kind.values()) {
            ClusterReads reads = enrich.counts().clusterReads();
            FunctionCounter.builder("copydesk.enrich.cluster.reads", reads, r -> r.lookups(kind))
                .tag("value", kind.label())
                .description(
                    "Clustering state values looked up while placing articles (counts: document frequencies)")
                .register(registry);
            FunctionCounter.builder(
                    "copydesk.enrich.cluster.store.reads", reads, r -> r.misses(kind))
                .tag("value", kind.label())
                .description(
                    "Of those, read and parsed from RocksDB because the parsed cache (enrich.cluster.cache.*) did not hold them")
                .register(registry);
            FunctionCounter.builder(
                    "copydesk.enrich.cluster.store.read.bytes", reads, r -> r.bytes(kind))
                .tag("value", kind.label())
                .baseUnit("bytes")
                .description("Bytes of stored value those store reads decoded")
                .register(registry);
          }
        });
  }

  @Override
  public void close() {
    enrich.close();
  }
}
