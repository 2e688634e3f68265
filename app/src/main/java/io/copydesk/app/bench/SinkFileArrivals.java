package io.copydesk.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sink's own output as the end point, what an analyst could read at that moment (the sink
 * puts a file in place only once it is durable). Two views: an article version has arrived when a
 * finished article file under {@code OUT/articles/} holds it; an article has reached its event when
 * a snapshot under {@code OUT/events/} lists it. Snapshots carry article ids without versions, so
 * the event view times first versions only. The folder is scanned every few milliseconds, so an
 * arrival is late by at most one scan.
 */
final class SinkFileArrivals extends Arrivals {
  private static final long SCAN_MS = 20;
  private final Path folder;
  private final boolean events;
  private final ObjectMapper json = new ObjectMapper();
  /** Files read, with the modification time they had: snapshot files are replaced as events change. */
  private final Map<Path, FileTime> read = new HashMap<>();
  private final Thread scanner;
  private volatile boolean running = true;
  private volatile RuntimeException failure;
  private int failedScans;

  /** Article records under {@code OUT/articles/}. */
  static SinkFileArrivals articles(Path out) {
    return new SinkFileArrivals(out.resolve("articles"), false);
  }

  /** First versions listed by event snapshots under {@code OUT/events/}. */
  static SinkFileArrivals events(Path out) {
    return new SinkFileArrivals(out.resolve("events"), true);
  }

  private SinkFileArrivals(Path folder, boolean events) {
    this.folder = folder;
    this.events = events;
    this.scanner = new Thread(this::scan, "copydesk-bench-sink-" + (events ? "events" : "articles"));
    scanner.setDaemon(true);
    scanner.start();
  }

  @Override
  String describe() {
    return events ? "article listed in its event's snapshot file, first versions (" + folder + ")"
        : "article record in the sink's output files (" + folder + ")";
  }

  private void scan() {
    while (running) {
      try {
        scanOnce();
        failedScans = 0;
      } catch (IOException | UncheckedIOException e) {
        // The sink renames and adds files while we walk (NoSuchFileException): look again next scan.
        if (++failedScans > 500) {
          failure = e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
          return;
        }
      }
      try {
        Thread.sleep(SCAN_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void scanOnce() throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    String suffix = events ? ".json" : ".jsonl";
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }
    long now = System.nanoTime();
    for (Path file : files) {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(read.get(file))) {
        readFile(file, now);
        read.put(file, modified);
      }
    }
  }

  @Override
  RuntimeException failure() {
    return failure;
  }

  private void readFile(Path file, long seenAt) throws IOException {
    if (events) {
      json.readTree(file.toFile()).path("article_ids").forEach(id -> arrived(key(id.asText(), 1), seenAt));
      return;
    }
    try (BufferedReader in = Files.newBufferedReader(file)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode record = json.readTree(line);
          arrived(key(record.path("id").asText(), record.path("version").asLong()), seenAt);
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    scanner.interrupt();
    scanner.join();
    if (failure != null) {
      throw failure;
    }
  }
}
