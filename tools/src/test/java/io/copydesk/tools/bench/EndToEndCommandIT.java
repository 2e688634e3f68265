package io.copydesk.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A handful of articles through {@code bench e2e} (no scale-out, no cold start): every offered
 * article must reach the sink's files and the enriched topic, and every figure must be there. No
 * timing is asserted: this machine is shared.
 */
class EndToEndCommandIT {
  @Test
  void aSmallRunMeasuresEveryArticleAtBothEndPointsAndWritesTheReport(@TempDir Path dir)
      throws Exception {
    Path report = dir.resolve("report.json");
    int exit =
        new CommandLine(new BenchCommand())
            .execute(
                "e2e",
                "--articles",
                "6",
                "--warmup",
                "2",
                // One checked batch of 2 that always counts as quiet: the quiet warm-up's real
                // path, short.
                "--warmup-batch",
                "2",
                "--warmup-max",
                "4",
                "--jit-quiet",
                "100000",
                "--rate",
                "2",
                "--rate-seconds",
                "5",
                "--skip-scale-out",
                "--skip-cold-start",
                "--report",
                report.toString());
    assertEquals(0, exit);

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    Map<String, String> figures = new HashMap<>();
    json.path("figures")
        .forEach(f -> figures.put(f.path("figure").asText(), f.path("value").asText()));
    assertTrue(
        figures.get("warm-up before saturation").startsWith("4 articles in 2 batch(es)"),
        figures.toString());
    assertTrue(figures.get("warm-up before saturation").contains("quiet"), figures.toString());
    if (java.nio.file.Files.isDirectory(Path.of("/proc/self/task"))) {
      assertTrue(
          figures
              .get("saturation: CPU per article without the JIT compiler threads")
              .matches("\\d+ ms in this JVM \\(JIT compiler threads .*"),
          figures.toString());
    }
    String saturation = figures.get("saturation: throughput at the sink");
    assertTrue(
        saturation != null && saturation.contains("(6 in "),
        "all 6 reached the sink's files: " + saturation);
    assertTrue(
        figures.get("saturation: throughput on the enriched topic").contains("(6 in "),
        figures.toString());
    assertTrue(
        figures.get("saturation: latency at the sink").contains("(n=6)"), figures.toString());
    assertTrue(
        figures
            .get("saturation: latency to the event update in the sink")
            .matches("p50 \\d+ ms.*\\(n=[1-6]\\) \\(first versions\\)"),
        figures.toString());
    String paced =
        figures.keySet().stream()
            .filter(k -> k.endsWith(": throughput at the sink") && k.startsWith("at 2.0"))
            .findFirst()
            .map(figures::get)
            .orElse("missing");
    assertTrue(
        paced.contains("(10 in "), "at 2 articles/s for 5 s, 10 offered and all arrived: " + paced);
    assertFalse(
        figures.values().stream().anyMatch(v -> v.contains("never arrived")), figures.toString());
    assertTrue(figures.get("bare NLP engine").contains("tokens/s"), figures.toString());
    assertTrue(
        figures.get("bare Kafka produce (ingest's producer settings)").contains("records/s"),
        figures.toString());
    assertTrue(
        json.path("notes").toString().contains("bench clusters"),
        "points to the clustering benchmark");
  }
}
