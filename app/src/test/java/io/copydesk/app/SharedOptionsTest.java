package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.copydesk.contract.CopydeskConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * --bootstrap-servers, --config and --metrics-port: one declaration each, read the same way by
 * every command.
 */
class SharedOptionsTest {
  @Test
  void theClusterGivenOnTheCommandLineWinsOverTheConfigFile(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("copydesk.properties"),
            "kafka.bootstrap.servers=file:9092\ntopic.raw.partitions=3\n");
    for (String[] args :
        new String[][] {
          {
            "run",
            "--input",
            "in",
            "--out",
            "out",
            "--config",
            file.toString(),
            "--bootstrap-servers",
            "cli:9092"
          },
          {"enrich", "--config", file.toString(), "--bootstrap-servers", "cli:9092"},
          {"topics", "list", "--config", file.toString(), "--bootstrap-servers", "cli:9092"}
        }) {
      CopydeskConfig config = kafkaOptions(args).load();
      assertEquals("cli:9092", config.string("kafka.bootstrap.servers"), String.join(" ", args));
      assertEquals(3, config.integer("topic.raw.partitions"), "the file is read too");
    }
    assertEquals(
        "file:9092",
        kafkaOptions("sink", "--config", file.toString()).load().string("kafka.bootstrap.servers"));
  }

  @Test
  void theMetricsPortGoesUnderTheCommandsOwnKey() {
    CopydeskConfig defaults = CopydeskConfig.defaults();
    MetricsPortOption port = new MetricsPortOption();
    new CommandLine(port).parseArgs("--metrics-port", "9404");
    assertEquals(9404, port.applyTo(defaults, "enrich").integer("enrich.metrics.port"));
    assertEquals(9404, port.applyTo(defaults, "run").integer("run.metrics.port"));
    MetricsPortOption none = new MetricsPortOption();
    new CommandLine(none).parseArgs();
    assertNull(none.port);
    assertSame(defaults, none.applyTo(defaults, "run"), "not given: the configuration as it was");
  }

  /** The shared options of the (sub)command the arguments name, as picocli filled them in. */
  private static KafkaOptions kafkaOptions(String... args) {
    CommandLine.ParseResult parsed = CopydeskCli.commandLine().parseArgs(args);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    Object mixin =
        parsed.commandSpec().mixins().containsKey("kafkaOptions")
            ? parsed.commandSpec().mixins().get("kafkaOptions").userObject()
            : parsed
                .commandSpec()
                .mixins()
                .get("connection")
                .mixins()
                .get("kafkaOptions")
                .userObject();
    return (KafkaOptions) mixin;
  }
}
