package io.copydesk.ingest;

import io.copydesk.schema.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a drop folder: every regular, non-hidden file at its top level becomes articles on the
 * raw topic or a reject on the rejects topic. Files are remembered in a ledger once Kafka has
 * acknowledged their records, so the folder itself is left untouched and nothing is read twice.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final Path inputDir;
  private final ArticleReader reader;
  private final ArticlePublisher publisher;
  private final ProcessedLedger ledger;
  private final IngestOptions options;
  private final Clock clock;
  private final AtomicLong articles = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean running = true;

  /** Totals of one scan. */
  public record ScanResult(int files, int articles, int rejected) {}

  /** {@code ledgerFile} null: remember processed files in memory only. */
  public IngestService(Path inputDir, IngestOptions options, ArticlePublisher publisher, Path ledgerFile, Clock clock) {
    this.inputDir = inputDir;
    this.options = options;
    this.reader = new ArticleReader(options.maxArticleBytes());
    this.publisher = publisher;
    this.ledger = ProcessedLedger.open(ledgerFile);
    this.clock = clock;
  }

  /** Publishes every file not yet processed, waits for Kafka's acknowledgement, then records them. */
  public ScanResult scanOnce() {
    List<Path> files = pendingFiles();
    List<String> done = new ArrayList<>();
    int articleCount = 0;
    int rejectCount = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        InputDocument input = new InputDocument(name, Files.readAllBytes(file), clock.instant());
        try {
          List<RawArticle> parsed = reader.read(input);
          parsed.forEach(publisher::publish);
          articleCount += parsed.size();
        } catch (InputRejectedException e) {
          LOG.warn("rejected {}: {} ({})", name, e.getMessage(), e.code());
          publisher.publish(name, Rejects.of(input, e, options.rejectPayloadBytes()));
          rejectCount++;
        }
        done.add(ProcessedLedger.entry(name, attrs.size(), attrs.lastModifiedTime().toMillis()));
      } catch (IOException e) {
        // Vanished or unreadable right now: leave it for the next scan rather than lose it.
        LOG.warn("cannot read {} yet: {}", file, e.getMessage());
      }
    }
    publisher.flush();
    ledger.addAll(done);
    articles.addAndGet(articleCount);
    rejected.addAndGet(rejectCount);
    if (!files.isEmpty()) {
      LOG.info("ingested {} files: {} articles, {} rejected", files.size(), articleCount, rejectCount);
    }
    return new ScanResult(files.size(), articleCount, rejectCount);
  }

  /** Scans until {@link #close()}: on every change the file system reports, and at the scan interval. */
  public void run() {
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      inputDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (running) {
        scanOnce();
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

  public long articlesIn() {
    return articles.get();
  }

  public long rejectedIn() {
    return rejected.get();
  }

  @Override
  public void close() {
    running = false;
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
      return ProcessedLedger.entry(file.getFileName().toString(), attrs.size(), attrs.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return ""; // gone between listing and reading: the next scan decides
    }
  }

  /** Hidden files and files still being written under a temporary name are not input. */
  static boolean isInputName(String name) {
    return !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part") && !name.endsWith("~");
  }
}
