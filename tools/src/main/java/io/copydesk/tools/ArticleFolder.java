package io.copydesk.tools;

import io.copydesk.ingest.ArticleReader;
import io.copydesk.ingest.InputDocument;
import io.copydesk.ingest.InputRejectedException;
import io.copydesk.ingest.PublicationOrdering;
import io.copydesk.schema.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of input files read the way ingest reads them (same parsers, same cleaning), without
 * Kafka.
 */
public final class ArticleFolder {
  /** An article and the file it came from. */
  public record Entry(Path file, RawArticle article) {
    /** The file name without its extension: how reference labels name articles. */
    public String stem() {
      return file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }
  }

  private ArticleFolder() {}

  /**
   * Every article in the folder's files, in the order a scan publishes them: by publication time,
   * undated last, ties in file-name order. Refused files are reported and skipped.
   */
  public static List<Entry> read(Path dir) throws IOException {
    ArticleReader reader = new ArticleReader(Long.MAX_VALUE);
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        try {
          for (RawArticle a :
              reader.read(
                  new InputDocument(
                      f.getFileName().toString(), Files.readAllBytes(f), Instant.EPOCH))) {
            entries.add(new Entry(f, a));
          }
        } catch (InputRejectedException e) {
          System.err.println("skipping " + f.getFileName() + ": " + e.getMessage());
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::article, PublicationOrdering.ARTICLES));
    return entries;
  }
}
