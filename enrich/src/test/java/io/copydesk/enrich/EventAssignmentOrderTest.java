package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.schema.EnrichedArticle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustering step alone, fed as if by two raw partitions' enrich tasks finishing at different
 * paces.
 */
class EventAssignmentOrderTest {
  private static final String IN = "cluster-in";
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private final CopydeskConfig config = CopydeskConfig.defaults().with("topic.raw.partitions", "2");
  private final Topics topics = Topics.from(config);
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedArticle> in;
  private TestOutputTopic<String, EnrichedArticle> enriched;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    EnrichTopology.assignEvents(
        builder,
        builder.stream(IN, Consumed.with(Serdes.String(), topics.enriched().valueSerde())),
        topics,
        EnrichSettings.from(config),
        new EnrichCounts());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-test");
    // A state directory of its own: two builds on one machine must not share /tmp/kafka-streams.
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props, T);
    in =
        driver.createInputTopic(
            IN, Serdes.String().serializer(), topics.enriched().valueSerde().serializer());
    enriched =
        driver.createOutputTopic(
            topics.enriched().name(),
            topics.enriched().keySerde().deserializer(),
            topics.enriched().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void article(int partition, String id, long publishedMs) {
    article(id, 1, PublicationOrder.from(new RecordHeaders(), partition), publishedMs);
  }

  /**
   * As the embargo hold releases an article on the wall clock, and enrich passes it on from its
   * partition.
   */
  private void released(int partition, String id, long version, long releasedMs) {
    article(
        id,
        version,
        PublicationOrder.from(PublicationOrder.released(new RecordHeaders()), partition),
        releasedMs);
  }

  private void article(String id, long version, Headers headers, long atMs) {
    EnrichedArticle a =
        EnrichedArticle.newBuilder()
            .setArticle(
                EnrichTopologyTest.article(id, version, "Dam bursts in " + id, "A dam burst."))
            .setActors(List.of())
            .setClaims(List.of())
            .setFigures(List.of())
            .setEnrichedAt(T)
            .build();
    in.pipeInput(new TestRecord<>(id, a, headers, T.plusMillis(atMs)));
  }

  /** Ingest's marker "published up to here", as enrich passes it on. */
  private void progress(int partition, long publishedMs) {
    in.pipeInput(
        new TestRecord<String, EnrichedArticle>(
            PublicationOrder.PROGRESS_KEY,
            null,
            PublicationOrder.from(new RecordHeaders(), partition),
            T.plusMillis(publishedMs)));
  }

  private List<String> assigned() {
    return enriched.readValuesToList().stream().map(e -> e.getArticle().getId()).toList();
  }

  @Test
  void anArticleWaitsUntilEveryPartitionHasPassedItsTime() {
    article(0, "b", 200); // partition 0 is quicker: its later article arrives first
    assertTrue(assigned().isEmpty(), "partition 1 may still send something published earlier");
    article(1, "a", 100);
    assertEquals(
        List.of("a"), assigned(), "both partitions are past 100; partition 1 is not yet past 200");
    progress(1, 250);
    assertEquals(List.of("b"), assigned(), "partition 1 has nothing more up to 250");
    article(1, "c", 300);
    article(0, "d", 400);
    assertEquals(List.of("c"), assigned(), "partition 1 speaks for itself again: d waits for it");
  }

  @Test
  void theSameArticlesArrivingInAnotherOrderAreAssignedInTheSameOrder() {
    article(1, "a", 100);
    article(1, "c", 300);
    article(0, "b", 200);
    article(0, "d", 400);
    progress(1, 500);
    assertEquals(List.of("a", "b", "c", "d"), assigned());
  }

  @Test
  void aLateArticleIsAssignedAtOnce() {
    article(0, "a", 100);
    progress(1, 300);
    assertEquals(List.of("a"), assigned());
    article(1, "late", 50); // e.g. released from an embargo
    assertEquals(List.of("late"), assigned());
  }

  @Test
  void articlesAtTheTimeAlreadyReleasedAndBeforeItAreStillFound() {
    article(0, "m", 100);
    progress(1, 100);
    assertEquals(List.of("m"), assigned());
    // Released through 100: the next scan starts there, yet an article at 100 sorting before "m",
    // and later one before 100, must still be found.
    article(1, "b", 100);
    assertEquals(List.of("b"), assigned());
    article(0, "z", 150);
    article(1, "early", 20);
    progress(1, 200);
    assertEquals(List.of("early", "z"), assigned());
  }

  @Test
  void anArticleReleasedFromAnEmbargoIsAssignedAtOnceAndSaysNothingOfItsPartitionsProgress() {
    article(0, "a", 100);
    progress(1, 100);
    assertEquals(List.of("a"), assigned());
    released(0, "embargoed", 1, 60_000); // the embargo passed a minute later; ingest has been quiet
    assertEquals(List.of("embargoed"), assigned());
    article(1, "b", 200);
    assertTrue(
        assigned().isEmpty(),
        "partition 0 is known done only up to 100, not up to the release time");
    progress(0, 300);
    assertEquals(List.of("b"), assigned());
  }

  @Test
  void aReleasedVersionDropsAnOlderVersionStillWaitingItsTurn() {
    article(0, "s", 100); // partition 1 has not reported: version 1 waits
    released(0, "s", 2, 60_000);
    progress(1, 500);
    List<Long> versions =
        enriched.readValuesToList().stream().map(e -> e.getArticle().getVersion()).toList();
    assertEquals(List.of(2L), versions, "version 1 must not be placed after version 2");
  }
}
