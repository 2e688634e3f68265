package io.copydesk.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.schema.EnrichedArticle;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A disk that fills up or turns read-only mid-batch: nothing half-written counts, and a retry
 * completes it once.
 */
class SinkFaultsTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void healTheDisk() {
    DurableFiles.fault = DurableFiles.Fault.NONE;
  }

  private static List<SinkFiles.Offset<EnrichedArticle>> batch(long first, String... ids) {
    List<SinkFiles.Offset<EnrichedArticle>> batch = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      batch.add(
          new SinkFiles.Offset<>(
              first + i, ParquetArticlesTest.fullArticle(ids[i], "2021-06-2" + i + "T12:00:00Z")));
    }
    return batch;
  }

  private static List<Path> under(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /**
   * Every article id in the output's JSON Lines files, in file order (duplicates kept, so they
   * show).
   */
  private List<String> ids(Path out) throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path f : under(out.resolve("articles"), ".jsonl")) {
      for (String line : Files.readAllLines(f)) {
        ids.add(mapper.readTree(line).get("id").asText());
      }
    }
    return ids;
  }

  @ParameterizedTest
  @EnumSource(ArticleFormat.class)
  void aDiskFullWhileWritingDataLeavesTheCommittedOutputAndARetryAddsTheBatchOnce(
      ArticleFormat format, @TempDir Path out) throws Exception {
    SinkFiles files = new SinkFiles(out, mapper, format);
    files.writeArticles("enriched", 0, batch(0, "a", "b"), 2);

    // The second file of the next batch hits a full disk after the first was written.
    int[] writes = {0};
    DurableFiles.fault =
        file -> {
          if (file.toString().contains("/articles/") && ++writes[0] == 2) {
            throw new FileSystemException(file.toString(), null, "No space left on device");
          }
        };
    IOException e =
        assertThrows(
            IOException.class,
            () -> files.writeArticles("enriched", 0, batch(2, "c", "d", "e"), 5));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertEquals(
        2,
        under(out.resolve("articles"), "." + format.extension()).size(),
        "only the committed batch is in place");
    assertFalse(
        under(out.resolve("articles"), ".tmp").isEmpty(),
        "the failed batch left temporaries behind");

    DurableFiles.fault = DurableFiles.Fault.NONE;
    SinkFiles restarted = new SinkFiles(out, mapper, format);
    assertEquals(2, restarted.recover("enriched", 0), "resume after the last committed batch");
    assertEquals(
        List.of(), under(out.resolve("articles"), ".tmp"), "uncommitted temporaries are gone");
    restarted.writeArticles("enriched", 0, batch(2, "c", "d", "e"), 5);
    assertEquals(5, under(out.resolve("articles"), "." + format.extension()).size());
  }

  @Test
  void aRefusedProgressFileMeansTheBatchNeverHappened(@TempDir Path out) throws Exception {
    SinkFiles files = new SinkFiles(out, mapper);
    files.writeArticles("enriched", 1, batch(0, "a"), 1);
    // The data files are durable, but the commit point cannot be written: as on a folder turned
    // read-only.
    DurableFiles.fault =
        file -> {
          if (file.toString().contains("_sink")) {
            throw new java.nio.file.AccessDeniedException(file.toString());
          }
        };
    assertThrows(
        java.nio.file.AccessDeniedException.class,
        () -> files.writeArticles("enriched", 1, batch(1, "b", "c"), 3));
    assertEquals(List.of("a"), ids(out), "nothing of the refused batch is visible");

    DurableFiles.fault = DurableFiles.Fault.NONE;
    SinkFiles restarted = new SinkFiles(out, mapper);
    assertEquals(1, restarted.recover("enriched", 1));
    restarted.writeArticles("enriched", 1, batch(1, "b", "c"), 3);
    assertEquals(List.of("a", "b", "c"), ids(out), "every record exactly once");
    assertEquals(List.of(), under(out, ".tmp"));
  }
}
