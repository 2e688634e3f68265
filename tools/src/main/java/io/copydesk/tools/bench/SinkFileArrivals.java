package io.copydesk.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sink's own output as the end point, what an analyst could read at that moment (the sink puts
 * a file in place only once it is durable). Two views: an article version has arrived when a
 * finished article file under {@code OUT/articles/} holds it; an article has reached its event when
 * a snapshot under {@code OUT/events/} lists it. Snapshots carry article ids without versions, so
 * the event view times first versions only.
 *
 * <p>The folder is watched (inotify on Linux): a file is read when it is put in place or changed.
 * An earlier version listed and checked every file every 20 ms, and took 8 % of the benchmark's CPU
 * from the pipeline it measured on 2 cores. Folders are read whole when they appear and when the
 * watch overflows, so no file is missed.
 */
final class SinkFileArrivals extends Arrivals {
  /** How often to look for the folder before it exists, and to check for a stop. */
  private static final long WAIT_MS = 20;

  private final Path folder;
  private final boolean events;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Files read, with the modification time they had: snapshot files are replaced as events change.
   */
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
    this.scanner =
        new Thread(this::scan, "copydesk-bench-sink-" + (events ? "events" : "articles"));
    scanner.setDaemon(true);
    scanner.start();
  }

  @Override
  String describe() {
    return events
        ? "article listed in its event's snapshot file, first versions (" + folder + ")"
        : "article record in the sink's output files (" + folder + ")";
  }

  private void scan() {
    try (WatchService watcher = folder.getFileSystem().newWatchService()) {
      Map<WatchKey, Path> watched = new HashMap<>();
      while (running && !Files.isDirectory(folder)) {
        Thread.sleep(WAIT_MS);
      }
      retry(() -> watchAndRead(folder, watcher, watched));
      while (running) {
        WatchKey key = watcher.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        if (key == null) {
          continue;
        }
        Path dir = watched.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            retry(() -> watchAndRead(folder, watcher, watched));
          } else if (dir != null) {
            Path path = dir.resolve((Path) event.context());
            retry(
                () -> {
                  if (Files.isDirectory(path)) {
                    watchAndRead(path, watcher, watched);
                  } else {
                    readIfChanged(path);
                  }
                });
          }
        }
        key.reset();
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    } catch (IOException | UncheckedIOException e) {
      failure = e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  /**
   * The sink renames and replaces files while we read (NoSuchFileException): the next event reads
   * it again.
   */
  private void retry(Step step) {
    try {
      step.run();
      failedScans = 0;
    } catch (IOException | UncheckedIOException e) {
      if (++failedScans > 500) {
        throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
      }
    }
  }

  /**
   * Watches a folder and those under it, and reads what they already hold (written before the watch
   * began). Each folder is watched before it is listed: a file renamed into it meanwhile is then
   * either listed or reported, never neither. Files the sink renames away while we walk are
   * skipped: their new names are reported.
   */
  private void watchAndRead(Path top, WatchService watcher, Map<WatchKey, Path> watched)
      throws IOException {
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!watched.containsValue(dir)) {
              watched.put(
                  dir.register(
                      watcher,
                      StandardWatchEventKinds.ENTRY_CREATE,
                      StandardWatchEventKinds.ENTRY_MODIFY),
                  dir);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            retry(() -> readIfChanged(file));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void readIfChanged(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(events ? ".json" : ".jsonl")) {
      return;
    }
    long now = System.nanoTime();
    FileTime modified = Files.getLastModifiedTime(file);
    if (!modified.equals(read.get(file))) {
      readFile(file, now);
      read.put(file, modified);
    }
  }

  @Override
  RuntimeException failure() {
    return failure;
  }

  private void readFile(Path file, long seenAt) throws IOException {
    if (events) {
      json.readTree(file.toFile())
          .path("article_ids")
          .forEach(id -> arrived(key(id.asText(), 1), seenAt));
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
