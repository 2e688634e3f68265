package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UnknownConfigKeyTest {
  @Test
  void aMisspeltKeyFailsStartUpWithExitTwoAndTheNearestKey(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path out = dir.resolve("out");
    Path config = dir.resolve("copydesk.properties");
    Files.writeString(config, "cluster.treshold=0.3\n");
    StringWriter err = new StringWriter();
    CommandLine cli = CopydeskCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int exit =
        cli.execute(
            "run",
            "--input",
            input.toString(),
            "--out",
            out.toString(),
            "--once",
            "--config",
            config.toString());
    assertEquals(2, exit);
    assertTrue(
        err.toString().contains("unknown configuration key cluster.treshold"), err.toString());
    assertTrue(err.toString().contains("did you mean cluster.threshold"), err.toString());
    assertFalse(err.toString().contains("\tat "), "one line, no stack trace");
    assertFalse(Files.exists(out.resolve("articles")), "nothing started");
  }

  @Test
  void aBadValueOfAnyStageFailsStartUpWithExitTwoBeforeAnythingStarts(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    for (String setting :
        List.of(
            "cluster.threshold=15",
            "sink.rotate.records=none",
            "ingest.batch.files=0",
            "run.metrics.port=-1")) {
      Path out = dir.resolve("out");
      Path config = Files.writeString(dir.resolve("copydesk.properties"), setting + "\n");
      int exit =
          CopydeskCli.commandLine()
              .execute(
                  "run",
                  "--input",
                  input.toString(),
                  "--out",
                  out.toString(),
                  "--once",
                  "--config",
                  config.toString());
      assertEquals(2, exit, setting);
      assertFalse(Files.exists(out), setting + ": refused before a broker or a data directory");
    }
  }

  @Test
  void theStageServicesRefuseAnUnknownKeyOrABadValueOfTheirOwnBeforeConnecting(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Map<String, List<String>> cases =
        Map.of(
            "cluster.treshold=0.3", List.of("enrich"),
            "enrich.commit.interval.ms=soon", List.of("enrich"),
            "enrich.metrics.port=99999", List.of("enrich"),
            "sink.rotate.records=0", List.of("sink"),
            "ingest.http.rate.burst=-1", List.of("ingest", "--input", input.toString()));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      Path config = Files.writeString(dir.resolve("copydesk.properties"), c.getKey() + "\n");
      List<String> args = new ArrayList<>(c.getValue());
      // Nothing listens on port 1: a command that got as far as connecting would not return 2.
      args.addAll(List.of("--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1"));
      assertEquals(
          2,
          CopydeskCli.commandLine().execute(args.toArray(String[]::new)),
          c.getValue().get(0) + " with " + c.getKey());
    }
  }

  @Test
  void theKnownKeysAreEveryModulesOwnDefaults() {
    // One key of each module's copydesk-defaults.properties: schemas, ingest, enrich (with
    // cluster.*), sink, app.
    Set<String> keys = CopydeskConfig.defaults().asMap().keySet();
    for (String key :
        List.of(
            "topic.raw.name",
            "ingest.batch.files",
            "enrich.application.id",
            "cluster.threshold",
            "sink.format",
            "run.metrics.port",
            "metrics.host")) {
      assertTrue(keys.contains(key), key);
    }
    assertEquals(
        "0.3",
        CopydeskConfig.load(null, Map.of("COPYDESK_CLUSTER_THRESHOLD", "0.3"))
            .string("cluster.threshold"),
        "a key of a stage module is accepted from the environment");
  }
}
