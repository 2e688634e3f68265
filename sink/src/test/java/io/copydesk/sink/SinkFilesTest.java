package io.copydesk.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkFilesTest {
  private final ObjectMapper mapper = new ObjectMapper();

  static EnrichedArticle article(String id, String published) {
    RawArticle raw =
        RawArticle.newBuilder()
            .setId(id)
            .setVersion(1)
            .setPubstatus(PubStatus.usable)
            .setSource(Source.newBuilder().setFormat("text").setFile(id + ".txt").build())
            .setHeadline("Headline " + id)
            .setBody("Body of " + id)
            .setPublishedAt(published == null ? null : Instant.parse(published))
            .setIngestedAt(Instant.parse("2026-03-01T10:00:00Z"))
            .setContentSha256("c")
            .setPayloadSha256("p")
            .build();
    return EnrichedArticle.newBuilder()
        .setArticle(raw)
        .setEventId("ev-" + id)
        .setEnrichedAt(Instant.EPOCH)
        .build();
  }

  private List<Path> jsonl(Path out) throws Exception {
    try (Stream<Path> files = Files.walk(out.resolve("articles"))) {
      return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  private List<JsonNode> lines(Path out) throws Exception {
    List<JsonNode> all = new java.util.ArrayList<>();
    for (Path f : jsonl(out)) {
      for (String line : Files.readAllLines(f)) {
        all.add(mapper.readTree(line));
      }
    }
    return all;
  }

  @Test
  void articlesLandInHiveDatePathsNamedByTopicPartitionAndStartOffset(@TempDir Path out)
      throws Exception {
    SinkFiles files = new SinkFiles(out, mapper);
    files.writeArticles(
        "enriched",
        2,
        List.of(
            new SinkFiles.Offset<>(7, article("a", "2021-06-27T23:00:00Z")),
            new SinkFiles.Offset<>(8, article("b", null)),
            new SinkFiles.Offset<>(9, article("c", "2021-06-27T01:00:00Z"))),
        10);

    assertEquals(
        List.of(
            out.resolve("articles/date=2021-06-27/enriched+2+0000000007.jsonl"),
            out.resolve("articles/date=2026-03-01/enriched+2+0000000008.jsonl")),
        jsonl(out));
    List<JsonNode> records = lines(out);
    assertEquals(List.of("a", "c", "b"), records.stream().map(n -> n.get("id").asText()).toList());
    JsonNode a = records.get(0);
    for (String field :
        List.of(
            "id",
            "version",
            "pubstatus",
            "source",
            "headline",
            "byline",
            "body",
            "language",
            "published_at",
            "ingested_at",
            "actors",
            "claims",
            "figures",
            "event_id")) {
      assertTrue(a.has(field), "output contract field " + field);
    }
    assertEquals("a.txt", a.get("source").get("file").asText());
    assertEquals("2021-06-27T23:00:00Z", a.get("published_at").asText());
    assertEquals(10, files.recover("enriched", 2));
  }

  @Test
  void aCrashAfterTheCommitPointIsCompletedAndOneBeforeItIsDiscarded(@TempDir Path out)
      throws Exception {
    SinkFiles files = new SinkFiles(out, mapper);
    files.writeArticles("enriched", 0, List.of(new SinkFiles.Offset<>(0, article("a", null))), 1);

    // Committed but not yet renamed: the progress file names the pending rename.
    Path target = out.resolve("articles/date=2026-03-01/enriched+0+0000000001.jsonl");
    Path temp = DurableFiles.writeTemp(target, "{\"id\":\"b\"}\n".getBytes());
    Files.writeString(
        out.resolve("_sink/progress/enriched+0.json"),
        "{\"next_offset\":2,\"pending\":[{\"temp\":\""
            + out.relativize(temp)
            + "\",\"target\":\""
            + out.relativize(target)
            + "\"}]}");
    // Written but never committed: an orphan temporary.
    Path orphan =
        DurableFiles.writeTemp(
            out.resolve("articles/date=2026-03-02/enriched+0+0000000002.jsonl"), "x".getBytes());

    SinkFiles restarted = new SinkFiles(out, mapper);
    assertEquals(2, restarted.recover("enriched", 0));
    assertTrue(Files.exists(target));
    assertFalse(Files.exists(temp));
    assertFalse(Files.exists(orphan), "uncommitted output is discarded; Kafka replays it");
    assertEquals(List.of("a", "b"), lines(out).stream().map(n -> n.get("id").asText()).toList());
  }

  @Test
  void replayingABatchRewritesTheSameFileInsteadOfDuplicating(@TempDir Path out) throws Exception {
    SinkFiles files = new SinkFiles(out, mapper);
    var batch =
        List.of(
            new SinkFiles.Offset<>(0, article("a", null)),
            new SinkFiles.Offset<>(1, article("b", null)));
    files.writeArticles("enriched", 0, batch, 2);
    files.writeArticles("enriched", 0, batch, 2);
    assertEquals(2, lines(out).size());
  }

  @Test
  void anUnknownPartitionHasNoProgress(@TempDir Path out) throws Exception {
    assertEquals(-1, new SinkFiles(out, mapper).recover("enriched", 5));
  }

  @Test
  void eventSnapshotsAreReplacedAndTombstonesDeleteAndAreLoggedOnce(@TempDir Path out)
      throws Exception {
    SinkFiles files = new SinkFiles(out, mapper);
    EventSnapshot v1 =
        EventSnapshot.newBuilder()
            .setEventId("ev-1")
            .setTitle("First title")
            .setArticleIds(List.of("a"))
            .setFirstSeen(Instant.EPOCH)
            .setLastSeen(Instant.EPOCH)
            .setUpdatedAt(Instant.EPOCH)
            .build();
    EventSnapshot v2 = EventSnapshot.newBuilder(v1).setArticleIds(List.of("a", "b")).build();
    files.writeEvents(
        "events",
        0,
        List.of(
            new SinkFiles.Offset<>(0, new SinkFiles.EventChange("ev-1", v1)),
            new SinkFiles.Offset<>(1, new SinkFiles.EventChange("ev-1", v2)),
            new SinkFiles.Offset<>(2, new SinkFiles.EventChange("../../etc/passwd", v1))),
        3);
    JsonNode event = mapper.readTree(out.resolve("events/ev-1.json").toFile());
    assertEquals(2, event.get("article_ids").size());
    assertEquals("First title", event.get("title").asText());
    try (Stream<Path> inEvents = Files.list(out.resolve("events"))) {
      assertEquals(2, inEvents.count(), "a hostile id stays inside events/");
    }

    var tombstone = List.of(new SinkFiles.Offset<>(3, new SinkFiles.EventChange("ev-1", null)));
    files.writeEvents("events", 0, tombstone, 4);
    new SinkFiles(out, mapper).writeEvents("events", 0, tombstone, 4); // replay after a restart
    assertFalse(Files.exists(out.resolve("events/ev-1.json")));
    List<String> deleted = Files.readAllLines(out.resolve("events/_deleted.jsonl"));
    assertEquals(1, deleted.size());
    assertEquals("ev-1", mapper.readTree(deleted.get(0)).get("event_id").asText());
  }

  @Test
  void eachEventHasADigestAndTheIndexListsThemAcrossRestarts(@TempDir Path out) throws Exception {
    EventSnapshot quake =
        EventSnapshot.newBuilder()
            .setEventId("ev-q")
            .setTitle("Quake | hits <coast>")
            .setArticleIds(List.of("a"))
            .setFirstSeen(Instant.parse("2026-01-01T00:00:00Z"))
            .setLastSeen(Instant.parse("2026-01-02T00:00:00Z"))
            .setUpdatedAt(Instant.EPOCH)
            .setFigures(
                List.of(
                    io.copydesk.schema.EventFigure.newBuilder()
                        .setArticleId("a")
                        .setWhat("killed")
                        .setValue(4)
                        .setSpeaker("police")
                        .build(),
                    io.copydesk.schema.EventFigure.newBuilder()
                        .setArticleId("a")
                        .setWhat("killed")
                        .setValue(7)
                        .setQualifier("at least")
                        .setSpeaker("Red Crescent")
                        .build()))
            .setDisputedFigures(
                List.of(
                    io.copydesk.schema.DisputedFigure.newBuilder()
                        .setWhat("killed")
                        .setValues(
                            List.of(
                                io.copydesk.schema.EventFigure.newBuilder()
                                    .setArticleId("a")
                                    .setWhat("killed")
                                    .setValue(4)
                                    .setSpeaker("police")
                                    .build(),
                                io.copydesk.schema.EventFigure.newBuilder()
                                    .setArticleId("a")
                                    .setWhat("killed")
                                    .setValue(7)
                                    .setQualifier("at least")
                                    .setSpeaker("Red Crescent")
                                    .build()))
                        .build()))
            .build();
    new SinkFiles(out, mapper)
        .writeEvents(
            "events",
            0,
            List.of(new SinkFiles.Offset<>(0, new SinkFiles.EventChange("ev-q", quake))),
            1);
    String digest = Files.readString(out.resolve("digest/ev-q.md"));
    assertTrue(digest.startsWith("# Quake \\| hits &lt;coast>"), digest);
    assertTrue(
        digest.contains("| killed | 4 | police |")
            && digest.contains("| killed | at least 7 | Red Crescent |"),
        digest);

    EventSnapshot fire =
        EventSnapshot.newBuilder(quake)
            .setEventId("ev-f")
            .setTitle("Harbour fire")
            .setLastSeen(Instant.parse("2026-01-03T00:00:00Z"))
            .setDisputedFigures(List.of())
            .build();
    SinkFiles restarted = new SinkFiles(out, mapper);
    restarted.writeEvents(
        "events",
        0,
        List.of(new SinkFiles.Offset<>(1, new SinkFiles.EventChange("ev-f", fire))),
        2);
    List<String> index = Files.readAllLines(out.resolve("digest/index.md"));
    assertTrue(
        index.get(4).contains("[Harbour fire](ev-f.md)") && index.get(5).contains("(ev-q.md)"),
        "most recent first, and the event written before the restart is still listed: " + index);

    restarted.writeEvents(
        "events",
        0,
        List.of(new SinkFiles.Offset<>(2, new SinkFiles.EventChange("ev-q", null))),
        3);
    assertFalse(Files.exists(out.resolve("digest/ev-q.md")));
    assertFalse(Files.readString(out.resolve("digest/index.md")).contains("ev-q"));
  }
}
