package io.copydesk.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a drop folder: every regular, non-hidden file at its top level becomes articles on the raw
 * topic or a reject on the rejects topic. Two ways to treat the folder, as newsrooms do:
 *
 * <ul>
 *   <li>{@link FolderMode#BATCH}: the folder is left untouched; files are remembered in a ledger
 *       once Kafka has committed their batch, so nothing is read twice.
 *   <li>{@link FolderMode#SERVICE}: once Kafka has committed their batch, processed files move to
 *       {@code done/} and refused ones to {@code rejected/}, with a {@code .reason} file beside
 *       them. Nothing is deleted.
 * </ul>
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  static final String DONE = "done";
  static final String REJECTED = "rejected";

  public enum FolderMode {
    BATCH,
    SERVICE
  }

  private final Path inputDir;
  private final Intake intake;
  private final ProcessedLedger ledger;
  private final IngestOptions options;
  private final FolderMode mode;
  private final Clock clock;
  private volatile boolean running = true;

  /** Totals of one scan. */
  public record ScanResult(int files, int articles, int rejected) {}

  /** {@code ledgerFile} (batch mode) null: remember processed files in memory only. */
  public IngestService(
      Path inputDir,
      IngestOptions options,
      Intake intake,
      FolderMode mode,
      Path ledgerFile,
      Clock clock) {
    this.inputDir = inputDir;
    this.options = options;
    this.intake = intake;
    this.mode = mode;
    this.ledger = ProcessedLedger.open(mode == FolderMode.BATCH ? ledgerFile : null);
    this.clock = clock;
  }

  /**
   * Publishes every file not yet processed, in batches of at most {@code ingest.batch.files} files,
   * each one Kafka transaction; records or moves a batch's files once Kafka has committed it. The
   * files of one scan go in publication order (see {@link PublicationOrdering}), whatever the batch
   * size: a backfill is clustered as its stories happened. A scan that stops part-way leaves the
   * rest, which the next scan publishes in the same order.
   */
  public ScanResult scanOnce() throws InterruptedException {
    List<Path> files = inPublicationOrder(pendingFiles());
    int articleCount = 0;
    int rejectCount = 0;
    int from = 0;
    do {
      List<Path> batch = files.subList(from, Math.min(files.size(), from + options.batchFiles()));
      from += batch.size();
      List<InputDocument> inputs = new ArrayList<>();
      List<String> entries = new ArrayList<>();
      for (Path file : batch) {
        try {
          BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
          inputs.add(
              new InputDocument(
                  file.getFileName().toString(), Files.readAllBytes(file), clock.instant()));
          entries.add(
              ProcessedLedger.entry(
                  file.getFileName().toString(),
                  attrs.size(),
                  attrs.lastModifiedTime().toMillis()));
        } catch (IOException e) {
          // Vanished or unreadable right now: leave it for the next scan rather than lose it.
          LOG.warn("cannot read {} yet: {}", file, e.getMessage());
        }
      }
      List<Intake.Outcome> outcomes;
      try {
        outcomes = intake.publish(inputs); // also the progress markers due at start, with no file
      } catch (Intake.KafkaUnavailableException e) {
        LOG.warn("{}; will try again", e.getMessage());
        break; // the next scan starts over from this batch, in the same order
      }
      for (int i = 0; i < outcomes.size(); i++) {
        Intake.Outcome outcome = outcomes.get(i);
        if (outcome.accepted()) {
          articleCount += outcome.ids().size();
        } else {
          rejectCount++;
        }
        if (mode == FolderMode.SERVICE) {
          file(inputs.get(i).name(), outcome);
        }
      }
      ledger.addAll(entries);
      if (Thread.interrupted()) {
        throw new InterruptedException("stopped between ingest batches");
      }
    } while (from < files.size());
    if (!files.isEmpty()) {
      LOG.info(
          "ingested {} files: {} articles, {} rejected", files.size(), articleCount, rejectCount);
    }
    return new ScanResult(files.size(), articleCount, rejectCount);
  }

  /** Service mode: moves the input to done/ or rejected/ (with its reason), never overwriting. */
  private void file(String name, Intake.Outcome outcome) {
    try {
      Path target =
          freeName(
              Files.createDirectories(inputDir.resolve(outcome.accepted() ? DONE : REJECTED)),
              name);
      Files.move(inputDir.resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
      if (!outcome.accepted()) {
        Files.writeString(
            target.resolveSibling(target.getFileName() + ".reason"),
            outcome.code() + ": " + outcome.reason() + System.lineSeparator(),
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      LOG.error("published {} but cannot move it out of the drop folder: {}", name, e.toString());
    }
  }

  /**
   * {@code name}, or {@code name.1}, {@code name.2} ... if taken: a redelivered file never replaces
   * an earlier one.
   */
  private static Path freeName(Path dir, String name) {
    Path target = dir.resolve(name);
    for (int n = 1; Files.exists(target); n++) {
      target = dir.resolve(name + "." + n);
    }
    return target;
  }

  /**
   * Scans until {@link #close()}: on every change the file system reports, and at the scan
   * interval.
   */
  public void run() {
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      inputDir.register(
          watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (running) {
        try {
          scanOnce();
        } catch (Intake.PublishingStoppedException e) {
          throw e; // only a new process can publish again: let the stage fail
        } catch (RuntimeException e) {
          // A bad scan (folder briefly unreadable, say) must not end the watch.
          LOG.error("scan of {} failed; trying again", inputDir, e);
        }
        var key = watcher.poll(options.scanIntervalMs(), TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedWatchServiceException e) {
      // closing
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + inputDir, e);
    }
  }

  @Override
  public void close() {
    running = false;
  }

  /** Files by the earliest publication time of their articles, undated last, ties by name. */
  private List<Path> inPublicationOrder(List<Path> byName) {
    Map<Path, Instant> published = new HashMap<>();
    for (Path file : byName) {
      try {
        published.put(
            file,
            intake.publishedAt(
                new InputDocument(
                    file.getFileName().toString(), Files.readAllBytes(file), clock.instant())));
      } catch (IOException e) {
        published.put(file, null); // unreadable now: the batch that reaches it decides
      }
    }
    List<Path> ordered = new ArrayList<>(byName);
    ordered.sort(
        Comparator.comparing(published::get, Comparator.nullsLast(Comparator.naturalOrder())));
    return ordered;
  }

  private List<Path> pendingFiles() {
    try (Stream<Path> entries = Files.list(inputDir)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(p -> isInputName(p.getFileName().toString()))
          .filter(this::settled)
          .filter(p -> !ledger.contains(ledgerEntry(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input folder " + inputDir, e);
    }
  }

  private boolean settled(Path file) {
    try {
      return clock.millis() - Files.getLastModifiedTime(file).toMillis() >= options.settleMs();
    } catch (IOException e) {
      return false;
    }
  }

  private static String ledgerEntry(Path file) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      return ProcessedLedger.entry(
          file.getFileName().toString(), attrs.size(), attrs.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return ""; // gone between listing and reading: the next scan decides
    }
  }

  /** Hidden files and files still being written under a temporary name are not input. */
  static boolean isInputName(String name) {
    return !name.startsWith(".")
        && !name.endsWith(".tmp")
        && !name.endsWith(".part")
        && !name.endsWith("~");
  }
}
