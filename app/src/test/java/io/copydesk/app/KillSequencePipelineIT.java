package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance criterion: a version sequence (v1, v2, kill) ends with the story retracted from its
 * event and the sink's files showing it. One file is dropped before each {@code run --once}, so the
 * order of delivery is the order of the runs; each run restarts the embedded broker and the Streams
 * state from the data directory, as repeated batch runs do.
 */
class KillSequencePipelineIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String URI = "urn:newsml:wire.example:20240514:harbour-fire";

  @Test
  void v1ThenV2ThenKillRetractsTheStoryFromItsEventAndARedeliveryAddsNothing(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path out = dir.resolve("out");

    Files.writeString(
        input.resolve("1-v1.json"),
        item(
            "1",
            "usable",
            "Fire breaks out in harbour warehouse",
            "A fire broke out in a warehouse at the harbour on Tuesday morning, the fire service said.\n"
                + "Firefighters were at the scene and the harbour road was closed."));
    assertEquals(0, SeedsScenario.runOnce(input, out));
    List<JsonNode> records = records(out);
    assertEquals(List.of(1L), versions(records));

    Files.writeString(
        input.resolve("2-v2.json"),
        item(
            "2",
            "usable",
            "Harbour warehouse fire under control",
            "A fire that broke out in a warehouse at the harbour on Tuesday morning is under control, the fire service said.\n"
                + "No one was hurt. The harbour road reopened in the afternoon."));
    assertEquals(0, SeedsScenario.runOnce(input, out));
    records = records(out);
    assertEquals(List.of(1L, 2L), versions(records));
    String eventId = records.get(0).get("event_id").asText();
    assertEquals(
        eventId,
        records.get(1).get("event_id").asText(),
        "a new version stays in its story's event");
    Path eventFile = out.resolve("events").resolve(eventId + ".json");
    assertTrue(Files.exists(eventFile), "the event is live after v2");
    assertEquals(List.of(URI), strings(JSON.readTree(eventFile.toFile()).get("article_ids")));
    assertEquals(0, deletions(out, eventId));

    // The kill carries an editors' note; the record must not carry it on, nor anything of the
    // story.
    Files.writeString(
        input.resolve("3-kill.json"),
        item(
            "3",
            "canceled",
            "KILLED: Harbour warehouse fire",
            "Editors: this story is withdrawn. It named the wrong warehouse."));
    assertEquals(0, SeedsScenario.runOnce(input, out));
    records = records(out);
    assertEquals(List.of(1L, 2L, 3L), versions(records));
    assertEquals(
        List.of("usable", "usable", "canceled"),
        records.stream().map(r -> r.get("pubstatus").asText()).toList());
    JsonNode kill = records.get(2);
    assertEquals(URI, kill.get("id").asText());
    assertEquals("", kill.get("body").asText());
    assertEquals(eventId, kill.get("event_id").asText(), "the kill names the event it leaves");
    assertFalse(Files.exists(eventFile), "the event had only this story: it is gone");
    assertEquals(1, deletions(out, eventId), "the deletion is logged once");
    assertEquals(0, RunCommand.countEvents(out));

    // v2 arrives again, under another name, after the kill: stale, so the story stays retracted.
    Files.copy(input.resolve("2-v2.json"), input.resolve("4-v2-again.json"));
    assertEquals(0, SeedsScenario.runOnce(input, out));
    assertTrue(
        Files.readString(out.resolve(".copydesk/ingest/processed-files.tsv"))
            .contains("4-v2-again.json\t"),
        "the redelivery was read and published, so it is enrich that drops it");
    assertEquals(List.of(1L, 2L, 3L), versions(records(out)));
    assertFalse(Files.exists(eventFile), "the redelivery does not bring the event back");
    assertEquals(1, deletions(out, eventId));
  }

  /** An IPTC ninjs 1.x item of the story, each version an hour after the one before. */
  private static String item(String version, String pubstatus, String headline, String body)
      throws Exception {
    var item =
        JSON.createObjectNode()
            .put("uri", URI)
            .put("version", version)
            .put("type", "text")
            .put("pubstatus", pubstatus)
            .put("firstcreated", "2024-05-14T08:10:00Z")
            .put(
                "versioncreated",
                Instant.parse("2024-05-14T08:30:00Z")
                    .plus(Duration.ofHours(Long.parseLong(version)))
                    .toString())
            .put("language", "en")
            .put("copyrightholder", "Wire Example")
            .put("headline", headline)
            .put("body_text", body);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(item);
  }

  /** The article records, oldest version first. */
  private static List<JsonNode> records(Path out) throws Exception {
    List<JsonNode> records = SeedsScenario.articleRecords(out);
    records.forEach(
        r -> assertEquals(URI, r.get("id").asText(), "every version keeps the story's id"));
    return records.stream()
        .sorted(Comparator.comparingLong(r -> r.get("version").asLong()))
        .toList();
  }

  private static List<Long> versions(List<JsonNode> records) {
    return records.stream().map(r -> r.get("version").asLong()).toList();
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** How often events/_deleted.jsonl names the event. */
  private static long deletions(Path out, String eventId) throws Exception {
    Path log = out.resolve("events/_deleted.jsonl");
    if (!Files.exists(log)) {
      return 0;
    }
    long count = 0;
    for (String line : Files.readAllLines(log)) {
      if (!line.isBlank() && JSON.readTree(line).get("event_id").asText().equals(eventId)) {
        count++;
      }
    }
    return count;
  }
}
