package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunFormatOptionTest {

  @Test
  void anUnknownFormatIsAUsageErrorBeforeAnythingStarts(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path out = dir.resolve("out");
    int exit =
        new CommandLine(new CopydeskCli())
            .execute(
                "run",
                "--input",
                input.toString(),
                "--out",
                out.toString(),
                "--once",
                "--format",
                "csv");
    assertEquals(2, exit);
    assertFalse(
        Files.exists(out),
        "no broker, no data directory, no output for a run that cannot write its format");
  }
}
