package io.copydesk.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sink's own output as the end point: an article version has arrived when a finished article
 * file holding it appears under {@code OUT/articles/} (the sink renames a file into place only once
 * it is durable and committed, so this is what an analyst could read at that moment). The folder
 * is scanned every few milliseconds, so an arrival is late by at most one scan.
 */
final class SinkFileArrivals extends Arrivals {
  private static final long SCAN_MS = 20;
  private final Path articles;
  private final ObjectMapper json = new ObjectMapper();
  private final Set<Path> read = new HashSet<>();
  private final Thread scanner;
  private volatile boolean running = true;
  private volatile RuntimeException failure;
  private int failedScans;

  SinkFileArrivals(Path out) {
    this.articles = out.resolve("articles");
    this.scanner = new Thread(this::scan, "copydesk-bench-sink-files");
    scanner.setDaemon(true);
    scanner.start();
  }

  @Override
  String describe() {
    return "article record in the sink's output files (" + articles + ")";
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
    if (!Files.isDirectory(articles)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(articles)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".jsonl")).filter(p -> !read.contains(p)).toList();
    }
    long now = System.nanoTime();
    for (Path file : files) {
      readFile(file, now);
      read.add(file);
    }
  }

  @Override
  RuntimeException failure() {
    return failure;
  }

  private void readFile(Path file, long seenAt) throws IOException {
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
