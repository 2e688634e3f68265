package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The seeds scenario against Apache Kafka's own image. Skipped where no Docker engine runs (our CI
 * machines have none; {@link EmbeddedPipelineIT} runs the same scenario there).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIT {
  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

  @Test
  void seedsRunEndToEndAgainstAKafkaContainer(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    assertEquals(
        0,
        SeedsScenario.runOnce(
            SeedsScenario.copyOfSeeds(dir),
            out,
            "--bootstrap-servers",
            KAFKA.getBootstrapServers()));
    SeedsScenario.assertSeedsOutput(out);
  }
}
