package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An HTTP intake on a non-loopback interface without a token stops the start, before any broker or
 * connection.
 */
class HttpIntakeExposureTest {

  @Test
  void runRefusesAnOpenIntakeBeyondLoopbackBeforeAnythingStarts(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path out = dir.resolve("out");
    Path config =
        Files.writeString(dir.resolve("copydesk.properties"), "ingest.http.host=0.0.0.0\n");
    int exit =
        new CommandLine(new CopydeskCli())
            .execute(
                "run",
                "--input",
                input.toString(),
                "--out",
                out.toString(),
                "--once",
                "--config",
                config.toString(),
                "--http-port",
                Integer.toString(OpsTestSupport.freePort()));
    assertEquals(1, exit);
    assertFalse(Files.exists(out), "no broker, no data directory: refused before anything started");
  }
}
