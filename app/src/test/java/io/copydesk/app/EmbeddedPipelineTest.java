package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds scenario on a real Kafka broker inside the test JVM: what CI runs. */
class EmbeddedPipelineTest {

  @Test
  void seedsRunEndToEndOnTheEmbeddedBrokerAndARerunAddsNothing(@TempDir Path dir) throws Exception {
    Path input = SeedsScenario.copyOfSeeds(dir);
    Path out = dir.resolve("out");

    assertEquals(0, SeedsScenario.runOnce(input, out));
    SeedsScenario.assertSeedsOutput(out);
    assertTrue(Files.isDirectory(out.resolve(".copydesk/kafka")), "the broker's log lives in the data directory");

    // Same command again: the data directory resumes; nothing is duplicated.
    assertEquals(0, SeedsScenario.runOnce(input, out));
    SeedsScenario.assertSeedsOutput(out);

    // A byte-identical redelivery under another file name is the same article: no second record.
    Files.copy(input.resolve("000_068f58b77f76df07.txt"), input.resolve("000-redelivered.txt"));
    assertEquals(0, SeedsScenario.runOnce(input, out));
    SeedsScenario.assertSeedsOutput(out);
  }

  @Test
  void seedsRunAgainstAnExternalBroker(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      Path out = dir.resolve("out");
      assertEquals(0, SeedsScenario.runOnce(SeedsScenario.copyOfSeeds(dir), out, "--bootstrap-servers", kafka.bootstrapServers()));
      SeedsScenario.assertSeedsOutput(out);
      assertTrue(!Files.exists(out.resolve(".copydesk/kafka")), "no embedded broker when one is given");
    }
  }
}
