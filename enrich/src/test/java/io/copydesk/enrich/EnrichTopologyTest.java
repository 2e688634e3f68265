package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.CopydeskHeaders;
import io.copydesk.contract.LabelledSerde;
import io.copydesk.contract.Topics;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  // The test driver has one partition per topic.
  private final CopydeskConfig config = CopydeskConfig.defaults().with("topic.raw.partitions", "1");
  private final Topics topics = Topics.from(config);
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, EventSnapshot> events;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    start(config);
  }

  private void start(CopydeskConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    EnrichTopology.build(builder, topics, EnrichSettings.from(config), ArticleEnricher.NOTHING);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
    // A state directory of its own: two builds on one machine must not share /tmp/kafka-streams.
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props, Instant.parse("2026-01-01T00:00:00Z"));
    raw =
        driver.createInputTopic(
            topics.raw().name(),
            topics.raw().keySerde().serializer(),
            topics.raw().valueSerde().serializer());
    enriched =
        driver.createOutputTopic(
            topics.enriched().name(),
            topics.enriched().keySerde().deserializer(),
            topics.enriched().valueSerde().deserializer());
    events =
        driver.createOutputTopic(
            topics.events().name(),
            topics.events().keySerde().deserializer(),
            topics.events().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static RawArticle article(String id, long version, String headline, String body) {
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(version)
        .setPubstatus(PubStatus.usable)
        .setSource(Source.newBuilder().setFormat("text").setFile(id + ".txt").build())
        .setHeadline(headline)
        .setBody(body)
        .setIngestedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .setContentSha256("sha-" + headline + body)
        .setPayloadSha256("payload-" + version)
        .build();
  }

  /** With one raw partition, each article is its partition's progress: it is assigned at once. */
  private void send(RawArticle a) {
    raw.pipeInput(a.getId(), a);
  }

  @Test
  void anArticlePassesThroughWithEmptyEnrichmentIntoItsOwnEvent() {
    send(article("s1", 1, "Quake hits coast", "A quake hit the coast."));

    KeyValue<String, EnrichedArticle> out = enriched.readKeyValue();
    assertEquals("s1", out.key);
    assertEquals("Quake hits coast", out.value.getArticle().getHeadline());
    assertTrue(
        out.value.getActors().isEmpty()
            && out.value.getClaims().isEmpty()
            && out.value.getFigures().isEmpty());
    KeyValue<String, EventSnapshot> event = events.readKeyValue();
    assertEquals(out.value.getEventId(), event.key);
    assertEquals(List.of("s1"), event.value.getArticleIds());
    assertEquals("Quake hits coast", event.value.getTitle());
    assertTrue(enriched.isEmpty() && events.isEmpty());
  }

  @Test
  void enrichedArticlesAndEventSnapshotsSayWhatTheyAreInTheirHeaders() {
    send(article("s1", 1, "Quake hits coast", "A quake hit the coast."));
    var article = enriched.readRecord();
    assertEquals(
        "application/vnd.copydesk.enriched-article+avro;encoding=single-object",
        CopydeskHeaders.text(article.headers(), CopydeskHeaders.CONTENT_TYPE));
    assertEquals(
        LabelledSerde.fingerprint(EnrichedArticle.SCHEMA$),
        CopydeskHeaders.text(article.headers(), CopydeskHeaders.SCHEMA_FINGERPRINT));
    var event = events.readRecord();
    assertEquals(
        "application/vnd.copydesk.event-snapshot+avro;encoding=single-object",
        CopydeskHeaders.text(event.headers(), CopydeskHeaders.CONTENT_TYPE));
    assertEquals(
        LabelledSerde.fingerprint(EventSnapshot.SCHEMA$),
        CopydeskHeaders.text(event.headers(), CopydeskHeaders.SCHEMA_FINGERPRINT));
    assertEquals(
        2,
        article.headers().toArray().length,
        "content type and fingerprint, nothing else: " + article.headers());
  }

  @Test
  void reportsOfTheSameStoryShareAnEventAndTheEventListsBoth() {
    send(
        article(
            "a",
            1,
            "Dam bursts above Riverton",
            "The Riverton dam burst on Monday, flooding 300 homes, the mayor said."));
    send(
        article(
            "b",
            1,
            "Riverton dam burst floods 300 homes",
            "Floods from the burst Riverton dam reached 300 homes on Monday."));
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertEquals(out.get(0).getEventId(), out.get(1).getEventId());
    List<EventSnapshot> snapshots = events.readValuesToList();
    assertEquals(List.of("a", "b"), snapshots.get(snapshots.size() - 1).getArticleIds());
  }

  @Test
  void theSameDeliveryTwiceYieldsOneRecord() {
    RawArticle a = article("s1", 1, "Quake hits coast", "A quake hit the coast.");
    send(a);
    send(a);
    assertEquals(1, enriched.readRecordsToList().size());
    assertEquals(1, events.readRecordsToList().size());
  }

  @Test
  void theSameTextUnderAHigherVersionIsARedeliveryNotANewVersion() {
    send(article("s1", 1, "Quake hits coast", "A quake hit the coast."));
    send(article("s1", 2, "Quake hits coast", "A quake hit the coast."));
    assertEquals(1, enriched.readRecordsToList().size());
  }

  @Test
  void newerVersionsReplaceOlderOnesAndStaleOnesAreDropped() {
    send(article("s1", 1, "Quake hits coast", "A quake hit the coast."));
    send(article("s1", 3, "Quake kills two", "A quake hit the coast, killing two."));
    send(article("s1", 2, "Quake hits coast hard", "A late, older version."));

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertEquals(List.of(1L, 3L), out.stream().map(e -> e.getArticle().getVersion()).toList());
    assertEquals(
        out.get(0).getEventId(),
        out.get(1).getEventId(),
        "a new version stays in its story's event");
    List<EventSnapshot> snapshots = events.readValuesToList();
    assertEquals(2, snapshots.size());
    assertEquals(List.of("s1"), snapshots.get(1).getArticleIds(), "the story is listed once");
  }

  @Test
  void anEventSplitInTwoIsPublishedAsTwoSnapshotsEachWithItsOwnArticles() {
    // A threshold so low that the second fire joins the first: the split has to undo it.
    driver.close();
    start(config.with("cluster.threshold", "0.01"));
    String[] warehouse = {
      "Fire gutted the harbour warehouse overnight and crews kept the blaze from the docks.",
      "Crews fought the harbour warehouse fire for hours and the docks were closed.",
      "The gutted harbour warehouse stored rope and canvas; the docks reopen soon.",
      "Dock workers watched the harbour warehouse burn as crews worked at the docks."
    };
    String[] mill = {
      "Fire swept through the paper mill by the river and the mill workers escaped the blaze.",
      "The paper mill fire sent smoke over the river valley; mill workers were evacuated.",
      "Investigators examined the burned paper mill as river pumps fed the hoses.",
      "Mill owners counted the cost of the paper mill fire beside the river."
    };
    for (int i = 0; i < 4; i++) {
      send(article("w" + (i + 1), 1, "Harbour warehouse fire", warehouse[i]));
      send(article("m" + (i + 1), 1, "Paper mill fire", mill[i]));
    }
    List<EnrichedArticle> out = enriched.readValuesToList();
    String first = out.get(0).getEventId();
    assertEquals(first, out.get(1).getEventId(), "the first mill report joined the warehouse fire");

    var latest = events.readKeyValuesToMap();
    String split = io.copydesk.enrich.cluster.EventClusterer.eventIdFor("m1");
    assertEquals(List.of("w1", "w2", "w3", "w4"), latest.get(first).getArticleIds());
    assertEquals("Harbour warehouse fire", latest.get(first).getTitle());
    assertEquals(
        List.of("w1.txt", "w2.txt", "w3.txt", "w4.txt"),
        latest.get(first).getSources(),
        "the mill's sources left with it");
    assertEquals(List.of("m1", "m2", "m3", "m4"), latest.get(split).getArticleIds());
    assertEquals("Paper mill fire", latest.get(split).getTitle());
    assertEquals(List.of("m1.txt", "m2.txt", "m3.txt", "m4.txt"), latest.get(split).getSources());
  }

  @Test
  void twoEventsABridgingReportMergesArePublishedAsOneAndATombstone() {
    driver.close();
    start(config.with("cluster.merge.threshold", "0.15"));
    send(
        article(
            "a",
            1,
            "Kessel river bridge collapses near Marlow",
            "The Kessel river bridge collapsed near Marlow. The engineer said the steel frame had"
                + " rusted through and the bridge should have closed last year."));
    send(
        article(
            "b",
            1,
            "Divers search for trucks after span gives way",
            "Divers searched the water for two trucks after the span gave way, the police chief"
                + " said. Rescuers pulled three drivers from the cold current."));
    send(
        article(
            "u",
            1,
            "Kessel river bridge had rusted, engineer says",
            "The engineer said the Kessel river bridge near Marlow had rusted through before it"
                + " collapsed. Divers searched the water for two trucks after the span gave way,"
                + " the police chief said. Rescuers pulled three drivers from the cold current."));
    send(
        article(
            "m",
            1,
            "Kessel river bridge collapse: divers search for trucks",
            "The Kessel river bridge collapsed near Marlow and divers searched the water for two"
                + " trucks after the span gave way. The engineer said the steel frame had rusted"
                + " through; rescuers pulled three drivers from the cold current."));
    List<EnrichedArticle> out = enriched.readValuesToList();
    String collapse = out.get(0).getEventId();
    String rescue = out.get(1).getEventId();
    assertNotEquals(collapse, rescue, "the rescue report opened an event of its own");
    assertEquals(collapse, out.get(3).getEventId(), "the bridging report is in the merged event");

    var latest = events.readKeyValuesToMap();
    assertEquals(List.of("a", "u", "m", "b"), latest.get(collapse).getArticleIds());
    assertTrue(latest.containsKey(rescue), "the merged-away event is deleted: " + latest);
    assertEquals(null, latest.get(rescue), "by a tombstone");
  }

  @Test
  void differentStoriesGetDifferentEvents() {
    send(article("s1", 1, "Quake hits coast", "A quake hit the coast."));
    send(article("s2", 1, "Fire in harbour", "A fire broke out."));
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertNotEquals(out.get(0).getEventId(), out.get(1).getEventId());
    assertEquals(2, events.readKeyValuesToMap().size());
  }

  @Test
  void aTitleFallsBackToTheBodyWhenThereIsNoHeadline() {
    send(
        article(
            "s1",
            1,
            null,
            "One two three four five six seven eight nine ten eleven twelve thirteen fourteen."));
    assertEquals(
        "One two three four five six seven eight nine ten eleven twelve …",
        events.readValue().getTitle());
  }

  @Test
  void versionsThenAKillRetractTheStoryFromItsEvent() {
    send(article("s1", 1, "Quake hits coast", "A quake hit the coast."));
    send(article("s1", 2, "Quake kills two", "A quake hit the coast, killing two."));
    send(
        RawArticle.newBuilder(
                article("s1", 3, "Quake kills two", "A quake hit the coast, killing two."))
            .setPubstatus(PubStatus.canceled)
            .build());

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertEquals(List.of(1L, 2L, 3L), out.stream().map(e -> e.getArticle().getVersion()).toList());
    EnrichedArticle kill = out.get(2);
    assertEquals(PubStatus.canceled, kill.getArticle().getPubstatus());
    assertEquals("", kill.getArticle().getBody(), "a killed story's text does not travel");
    assertEquals(
        out.get(0).getEventId(), kill.getEventId(), "the retraction names the event it left");

    List<KeyValue<String, EventSnapshot>> changes = events.readKeyValuesToList();
    assertEquals(3, changes.size());
    assertEquals(kill.getEventId(), changes.get(2).key);
    assertEquals(null, changes.get(2).value, "the event left empty is deleted with a tombstone");

    // A late redelivery of version 2 does not resurrect the story.
    send(article("s1", 2, "Quake kills two", "A quake hit the coast, killing two."));
    assertTrue(enriched.isEmpty() && events.isEmpty());
  }

  @Test
  void anEmbargoedArticleIsHeldUntilItsEmbargoPasses() {
    RawArticle embargoed =
        RawArticle.newBuilder(article("s9", 1, "Results out", "The results are out."))
            .setEmbargoedUntil(Instant.parse("2026-01-01T00:10:00Z"))
            .build();
    send(embargoed);
    assertTrue(enriched.isEmpty(), "held while the embargo runs");
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(5));
    assertTrue(enriched.isEmpty());
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(6));
    assertEquals("s9", enriched.readValue().getArticle().getId());
    assertEquals(List.of("s9"), events.readValue().getArticleIds());
  }

  @Test
  void aKillDuringTheEmbargoDropsTheHeldVersion() {
    send(
        RawArticle.newBuilder(article("s9", 1, "Results out", "The results are out."))
            .setEmbargoedUntil(Instant.parse("2026-01-01T00:10:00Z"))
            .build());
    send(
        RawArticle.newBuilder(article("s9", 2, "Results out", "The results are out."))
            .setPubstatus(PubStatus.withheld)
            .build());
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(20));
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertEquals(1, out.size(), "only the retraction, never the held text");
    assertEquals(PubStatus.withheld, out.get(0).getArticle().getPubstatus());
  }

  @Test
  void anEmbargoPassingOnAQuietDeskReleasesTheStoryWithNoOtherInput() {
    // Several raw partitions, as deployed: the driver feeds only partition 0, so the others never
    // report progress, as on a desk where nothing is posted after the embargoed story.
    stop();
    start(config.with("topic.raw.partitions", "3"));
    send(
        RawArticle.newBuilder(article("s9", 1, "Results out", "The results are out."))
            .setEmbargoedUntil(Instant.parse("2026-01-01T00:10:00Z"))
            .build());
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(9));
    assertTrue(enriched.isEmpty(), "held while the embargo runs");
    driver.advanceWallClockTime(java.time.Duration.ofSeconds(62));
    assertTrue(
        !enriched.isEmpty(),
        "released within two seconds of its embargo, with nothing else posted");
    EnrichedArticle out = enriched.readValue();
    assertEquals("s9", out.getArticle().getId());
    assertEquals(List.of("s9"), events.readValue().getArticleIds());
    assertTrue(enriched.isEmpty());
  }

  @Test
  void aNewerVersionWithoutEmbargoDropsTheHeldOne() {
    send(
        RawArticle.newBuilder(article("s9", 1, "Results out", "The results are out."))
            .setEmbargoedUntil(Instant.parse("2026-01-01T00:10:00Z"))
            .build());
    send(article("s9", 2, "Results are out early", "The results came out early."));
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(20));
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertEquals(
        List.of(2L),
        out.stream().map(e -> e.getArticle().getVersion()).toList(),
        "the embargoed first version is never released over the second");
  }
}
