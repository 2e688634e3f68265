package io.copydesk.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sink's output folder and its exactly-once protocol, free of Kafka types.
 *
 * <p>Article batches: each batch of one topic partition is written as temporary files (one per
 * event date), fsynced; then the partition's progress file records the batch's next offset and the
 * pending renames (the commit point); then the files are renamed into place. On restart the
 * progress files, not Kafka, say where to resume: pending renames are completed, uncommitted
 * temporaries deleted, and consumption restarts at the recorded offset. File names depend only on
 * topic, partition and first offset, so a replayed batch rewrites the same names.
 *
 * <p>Event snapshots are replaced atomically one by one, so replaying them is harmless.
 */
public final class SinkFiles {
  static final String ARTICLES = "articles";
  static final String EVENTS = "events";
  static final String DELETED_LOG = "_deleted.jsonl";
  static final String PROGRESS = "_sink/progress";
  static final String DIGEST = "digest";
  static final String EVENT_INDEX = "_sink/event-index.json";

  private final Path out;
  private final ObjectMapper mapper;
  private final RecordJson json;
  private final ArticleFormat format;
  private final Set<String> deletionsLogged = new HashSet<>();

  /**
   * Every live event this output holds, as the digest index lists it; kept in {@code
   * _sink/event-index.json}.
   */
  private final Map<String, Digest.Summary> latest = new java.util.TreeMap<>();

  /** One record and its offset in its partition. */
  public record Offset<T>(long offset, T value) {}

  /** A tombstone or a snapshot for an event. */
  public record EventChange(String eventId, EventSnapshot snapshot) {}

  public SinkFiles(Path out, ObjectMapper mapper) throws IOException {
    this(out, mapper, ArticleFormat.JSONL);
  }

  public SinkFiles(Path out, ObjectMapper mapper, ArticleFormat format) throws IOException {
    this.out = out;
    this.mapper = mapper;
    this.format = format;
    this.json = new RecordJson(mapper);
    Files.createDirectories(out.resolve(ARTICLES));
    Files.createDirectories(out.resolve(EVENTS));
    Files.createDirectories(out.resolve(PROGRESS));
    Files.createDirectories(out.resolve(DIGEST));
    Path index = out.resolve(EVENT_INDEX);
    if (Files.exists(index)) {
      for (Digest.Summary summary : mapper.readValue(index.toFile(), Digest.Summary[].class)) {
        latest.put(summary.eventId(), summary);
      }
    }
    Path deleted = out.resolve(EVENTS).resolve(DELETED_LOG);
    if (Files.exists(deleted)) {
      for (String line : Files.readAllLines(deleted, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          deletionsLogged.add(mapper.readTree(line).path("_offset_key").asText());
        }
      }
    }
  }

  public Path root() {
    return out;
  }

  /**
   * Finishes what a crash interrupted for one partition and says where to resume: the next offset
   * to consume, or -1 if this output has never written the partition.
   */
  public long recover(String topic, int partition) throws IOException {
    Path progressFile = progressFile(topic, partition);
    Set<Path> pending = new HashSet<>();
    long next = -1;
    if (Files.exists(progressFile)) {
      JsonNode progress = mapper.readTree(progressFile.toFile());
      next = progress.path("next_offset").asLong();
      for (JsonNode rename : progress.path("pending")) {
        Path temp = out.resolve(rename.path("temp").asText());
        Path target = out.resolve(rename.path("target").asText());
        pending.add(temp);
        if (Files.exists(temp)) {
          DurableFiles.publish(temp, target);
        }
      }
    }
    // Temporaries of this partition not named in the progress file belong to a batch that never
    // committed.
    String prefix = batchPrefix(topic, partition);
    try (Stream<Path> files = Files.walk(out.resolve(ARTICLES))) {
      for (Path f :
          files
              .filter(
                  p ->
                      p.getFileName().toString().startsWith(prefix)
                          && p.getFileName().toString().endsWith(DurableFiles.TEMP_SUFFIX))
              .toList()) {
        if (!pending.contains(f)) {
          Files.deleteIfExists(f);
        }
      }
    }
    return next;
  }

  /** Writes one batch of article records of a partition; durable and committed when it returns. */
  public List<Path> writeArticles(
      String topic, int partition, List<Offset<EnrichedArticle>> batch, long nextOffset)
      throws IOException {
    // One file per event date, named after the first offset that lands in it.
    Map<String, Path> fileOfDate = new LinkedHashMap<>();
    Map<Path, List<ObjectNode>> files = new LinkedHashMap<>();
    for (Offset<EnrichedArticle> record : batch) {
      Path file =
          fileOfDate.computeIfAbsent(
              dateOf(record.value()),
              date ->
                  out.resolve(ARTICLES)
                      .resolve("date=" + date)
                      .resolve(
                          batchPrefix(topic, partition)
                              + String.format("%010d", record.offset())
                              + "."
                              + format.extension()));
      files.computeIfAbsent(file, f -> new ArrayList<>()).add(json.article(record.value()));
    }
    List<Path[]> renames = new ArrayList<>();
    for (Map.Entry<Path, List<ObjectNode>> e : files.entrySet()) {
      renames.add(
          new Path[] {
            DurableFiles.writeTemp(e.getKey(), format.encode(e.getValue(), mapper)), e.getKey()
          });
    }
    writeProgress(topic, partition, nextOffset, renames);
    for (Path[] rename : renames) {
      DurableFiles.publish(rename[0], rename[1]);
    }
    return new ArrayList<>(files.keySet());
  }

  /**
   * Applies event changes of a partition in order (snapshot and digest replaced atomically, or both
   * deleted), refreshes the digest index, then records the partition's progress.
   */
  public void writeEvents(
      String topic, int partition, List<Offset<EventChange>> batch, long nextOffset)
      throws IOException {
    Path events = out.resolve(EVENTS);
    Path digests = out.resolve(DIGEST);
    for (Offset<EventChange> change : batch) {
      String name = SafeFileNames.of(change.value().eventId());
      Path file = events.resolve(name + ".json");
      Path digest = digests.resolve(name + ".md");
      EventSnapshot snapshot = change.value().snapshot();
      if (snapshot != null) {
        DurableFiles.replace(
            file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.event(snapshot)));
        DurableFiles.replace(digest, Digest.of(snapshot).getBytes(StandardCharsets.UTF_8));
        latest.put(change.value().eventId(), Digest.Summary.of(snapshot));
      } else {
        logDeletion(topic, partition, change);
        Files.deleteIfExists(file);
        Files.deleteIfExists(digest);
        DurableFiles.syncDirectory(events);
        latest.remove(change.value().eventId());
      }
    }
    if (!batch.isEmpty()) {
      DurableFiles.replace(out.resolve(EVENT_INDEX), mapper.writeValueAsBytes(latest.values()));
      DurableFiles.replace(
          digests.resolve("index.md"),
          Digest.index(latest.values()).getBytes(StandardCharsets.UTF_8));
    }
    writeProgress(topic, partition, nextOffset, List.of());
  }

  private void logDeletion(String topic, int partition, Offset<EventChange> change)
      throws IOException {
    String key = topic + "+" + partition + "+" + change.offset();
    if (!deletionsLogged.add(key)) {
      return; // replayed after a crash: already logged
    }
    ObjectNode line =
        mapper
            .createObjectNode()
            .put("event_id", change.value().eventId())
            .put("deleted_at", Instant.now().toString())
            .put("_offset_key", key);
    Files.write(
        out.resolve(EVENTS).resolve(DELETED_LOG),
        (mapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
  }

  private void writeProgress(String topic, int partition, long nextOffset, List<Path[]> renames)
      throws IOException {
    ObjectNode progress = mapper.createObjectNode().put("next_offset", nextOffset);
    ArrayNode pending = progress.putArray("pending");
    for (Path[] rename : renames) {
      pending
          .addObject()
          .put("temp", out.relativize(rename[0]).toString())
          .put("target", out.relativize(rename[1]).toString());
    }
    DurableFiles.replace(progressFile(topic, partition), mapper.writeValueAsBytes(progress));
  }

  private Path progressFile(String topic, int partition) {
    return out.resolve(PROGRESS).resolve(SafeFileNames.of(topic) + "+" + partition + ".json");
  }

  private static String batchPrefix(String topic, int partition) {
    return SafeFileNames.of(topic) + "+" + partition + "+";
  }

  /** The article's event time (publication, else ingestion) as a UTC date. */
  static String dateOf(EnrichedArticle a) {
    Instant time =
        a.getArticle().getPublishedAt() != null
            ? a.getArticle().getPublishedAt()
            : a.getArticle().getIngestedAt();
    return time.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
