package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    int exit = cli.execute("run", "--input", input.toString(), "--out", out.toString(), "--once", "--config", config.toString());
    assertEquals(2, exit);
    assertTrue(err.toString().contains("unknown configuration key cluster.treshold"), err.toString());
    assertTrue(err.toString().contains("did you mean cluster.threshold"), err.toString());
    assertFalse(err.toString().contains("\tat "), "one line, no stack trace");
    assertFalse(Files.exists(out.resolve("articles")), "nothing started");
  }
}
