package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.sink.DuckDbQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "For analysts" queries of docs/output.md, taken from that page itself and run with DuckDB on
 * what {@code copydesk run} writes for the seeds, once as JSON Lines and once as Parquet. The page
 * is the one copy of the queries, so a query that stops matching the files fails the build.
 */
class AnalystQueriesIT {
  private static final Path OUTPUT_DOC = Path.of("..", "docs", "output.md");
  private static final String JSONL_ARTICLES =
      "read_json_auto('out/articles/**/*.jsonl', hive_partitioning = true)";
  private static final String PARQUET_ARTICLES =
      "read_parquet('out/articles/**/*.parquet', hive_partitioning = true)";

  /** Each ```sql block of the section, by its first line (a {@code -- title} comment). */
  static Map<String, String> analystQueries() throws Exception {
    String doc = Files.readString(OUTPUT_DOC, StandardCharsets.UTF_8);
    int start = doc.indexOf("\n## For analysts\n");
    assertTrue(start >= 0, "docs/output.md has a section for analysts");
    int end = doc.indexOf("\n## ", start + 1);
    Matcher block =
        Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL)
            .matcher(doc.substring(start, end < 0 ? doc.length() : end));
    Map<String, String> queries = new LinkedHashMap<>();
    while (block.find()) {
      String sql = block.group(1).strip();
      assertTrue(sql.startsWith("-- "), "each query starts with a title comment: " + sql);
      queries.put(sql.substring(3, sql.indexOf('\n')).strip(), sql);
    }
    return queries;
  }

  @Test
  void theReadmeQueriesAnswerFromTheSeedsOutputInBothFormats(@TempDir Path dir) throws Exception {
    Map<String, String> queries = analystQueries();
    assertEquals(
        List.of(
            "Articles per day and input format",
            "Who is quoted most",
            "Articles written with --format parquet: the same columns",
            "Figures the sources disagree on, event by event"),
        List.copyOf(queries.keySet()),
        "the queries of docs/output.md, each checked below");

    Path input = SeedsScenario.copyOfSeeds(dir);
    // The queries name out/...: each output lives in an out/ of its own folder, and DuckDB
    // resolves the relative paths against that folder.
    Path jsonl = dir.resolve("jsonl");
    Path parquet = dir.resolve("parquet");
    assertEquals(0, SeedsScenario.runOnce(input, jsonl.resolve("out")));
    SeedsScenario.assertSeedsOutput(jsonl.resolve("out"));
    assertEquals(0, SeedsScenario.runOnce(input, parquet.resolve("out"), "--format", "parquet"));
    try (Stream<Path> files = Files.walk(parquet.resolve("out/articles"))) {
      assertFalse(
          files.anyMatch(p -> p.toString().endsWith(".jsonl")),
          "--format parquet writes no JSON Lines");
    }

    List<List<String>> perDay =
        DuckDbQueries.rows(jsonl, queries.get("Articles per day and input format"));
    assertEquals(
        5,
        perDay.stream().mapToInt(r -> Integer.parseInt(r.get(2))).sum(),
        "five articles: " + perDay);
    assertTrue(
        perDay.stream()
            .allMatch(r -> r.get(0).matches("\\d{4}-\\d{2}-\\d{2}") && r.get(1).equals("text")),
        "the date comes from the date= folders: " + perDay);

    List<List<String>> quoted = DuckDbQueries.rows(jsonl, queries.get("Who is quoted most"));
    assertEquals(
        "John Kirby", quoted.get(0).get(0), "the Pentagon spokesman is quoted most: " + quoted);
    assertTrue(
        quoted.size() <= 10
            && Integer.parseInt(quoted.get(0).get(1))
                >= Integer.parseInt(quoted.get(quoted.size() - 1).get(1)));

    List<List<String>> fromParquet =
        DuckDbQueries.rows(
            parquet, queries.get("Articles written with --format parquet: the same columns"));
    assertEquals(5, fromParquet.size(), "five articles: " + fromParquet);
    assertEquals("000_068f58b77f76df07.txt", fromParquet.get(0).get(1));
    assertEquals("Biden orders airstrikes on militias in Syria, Iraq", fromParquet.get(0).get(2));
    assertTrue(
        fromParquet.stream()
            .allMatch(r -> Integer.parseInt(r.get(3)) > 0 && Integer.parseInt(r.get(4)) > 0),
        "actors and claims are lists DuckDB can measure: " + fromParquet);

    List<List<String>> disputed =
        DuckDbQueries.rows(jsonl, queries.get("Figures the sources disagree on, event by event"));
    List<List<String>> june27 =
        disputed.stream()
            .filter(r -> r.get(0).equals("Biden orders airstrikes on militias in Syria, Iraq"))
            .toList();
    // The June event gathers four reports; among its disputed figures, the militia officials' toll
    // stands against the monitor's.
    assertTrue(
        june27.containsAll(
            List.of(
                java.util.Arrays.asList(
                    "Biden orders airstrikes on militias in Syria, Iraq",
                    "killed",
                    "4",
                    null,
                    "two Iraqi militia officials"),
                java.util.Arrays.asList(
                    "Biden orders airstrikes on militias in Syria, Iraq",
                    "killed",
                    "7",
                    "at least",
                    "Syrian Observatory for Human Rights"))),
        "the militia officials' toll against the monitor's: " + disputed);

    // "The queries work on either format": every article query gives the same answer over Parquet.
    for (String sql : queries.values()) {
      if (sql.contains(JSONL_ARTICLES)) {
        assertEquals(
            DuckDbQueries.rows(jsonl, sql),
            DuckDbQueries.rows(parquet, sql.replace(JSONL_ARTICLES, PARQUET_ARTICLES)),
            sql);
      }
    }
  }
}
