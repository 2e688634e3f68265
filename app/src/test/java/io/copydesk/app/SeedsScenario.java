package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The walking skeleton's end-to-end scenario: {@code copydesk run --once} on the repository's
 * seeds, then the files an analyst would read. Run against the embedded broker and, where Docker
 * exists, against a broker container.
 */
final class SeedsScenario {
  static final Path SEEDS = Path.of("..", "seeds");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SeedsScenario() {}

  /** Runs {@code copydesk run --once} with the given extra arguments; returns the exit code. */
  static int runOnce(Path input, Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                input.toString(),
                "--out",
                out.toString(),
                "--once",
                "--timeout",
                "120"));
    args.addAll(List.of(extra));
    return new CommandLine(new CopydeskCli()).execute(args.toArray(String[]::new));
  }

  static Path copyOfSeeds(Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    try (Stream<Path> seeds = Files.list(SEEDS)) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, input.resolve(seed.getFileName()));
      }
    }
    return input;
  }

  static List<JsonNode> articleRecords(Path out) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.resolve("articles"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          records.add(JSON.readTree(line));
        }
      }
    }
    return records;
  }

  static List<JsonNode> eventFiles(Path out) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("events"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        events.add(JSON.readTree(f.toFile()));
      }
    }
    return events;
  }

  /**
   * What every run on the five seeds must leave: five article records in two events, each listing
   * its articles.
   */
  static void assertSeedsOutput(Path out) throws IOException {
    List<JsonNode> records = articleRecords(out);
    assertEquals(5, records.size(), "one record per seed article");
    Set<String> files =
        records.stream()
            .map(r -> r.get("source").get("file").asText())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> seeds;
    try (Stream<Path> s = Files.list(SEEDS)) {
      seeds = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(seeds, files);
    assertEquals(
        5,
        records.stream().map(r -> r.get("id").asText()).distinct().count(),
        "stable, distinct ids");
    for (JsonNode r : records) {
      assertEquals("usable", r.get("pubstatus").asText());
      assertTrue(r.get("body").asText().length() > 500, "the body made it through");
      assertTrue(
          r.get("actors").isArray() && r.get("claims").isArray() && r.get("figures").isArray());
      Path event = out.resolve("events").resolve(r.get("event_id").asText() + ".json");
      assertTrue(Files.exists(event), "event file for " + r.get("id"));
      JsonNode snapshot = JSON.readTree(event.toFile());
      assertTrue(snapshot.get("article_ids").toString().contains(r.get("id").asText()));
    }
    // Four reports of the June strikes are one event; the February strikes (003), with many of the
    // same actors, are another.
    Set<Set<String>> groups =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.get("event_id").asText(),
                    Collectors.mapping(
                        r -> r.get("source").get("file").asText().substring(0, 3),
                        Collectors.toCollection(TreeSet::new))))
            .values()
            .stream()
            .collect(Collectors.toSet());
    assertEquals(Set.of(Set.of("000", "001", "002", "004"), Set.of("003")), groups);
    assertEquals(2, eventFiles(out).size());
    JsonNode june =
        eventFiles(out).stream()
            .filter(e -> e.get("article_ids").size() == 4)
            .findFirst()
            .orElseThrow();
    assertTrue(
        june.get("disputed_figures").toString().contains("killed"),
        "the June event lists the disputed toll: " + june.get("disputed_figures"));
    JsonNode first =
        records.stream()
            .filter(r -> r.get("source").get("file").asText().startsWith("000_"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "Biden orders airstrikes on militias in Syria, Iraq", first.get("headline").asText());
  }
}
