package io.copydesk.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.app.CopydeskCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * With the tools jar on the classpath, the launcher's one command line has bench and eval, as
 * before the move.
 */
class ToolCommandsTest {
  @Test
  void theLauncherFindsBenchAndEvalBetweenTheProductsCommandsAndHelp() {
    CommandLine cli = CopydeskCli.commandLine();
    assertEquals(
        List.of("run", "ingest", "enrich", "sink", "reset", "topics", "eval", "bench", "help"),
        List.copyOf(cli.getSubcommands().keySet()));
    assertEquals(
        List.of("nlp", "clusters", "e2e"),
        List.copyOf(cli.getSubcommands().get("bench").getSubcommands().keySet()));
    assertEquals(
        List.of("actors", "claims", "clusters", "engine", "fit-clusters"),
        List.copyOf(cli.getSubcommands().get("eval").getSubcommands().keySet()));
  }

  @Test
  void fittingRefusesToMeasurePairsAgainstNoCandidatesBeforeLoadingAnything() {
    CommandLine cli = CopydeskCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int exit =
        cli.execute(
            "eval",
            "fit-clusters",
            "--set",
            "x=no-such-dir,no-such-gold",
            "--pair-candidates",
            "0");
    assertNotEquals(0, exit);
    assertTrue(err.toString().contains("--pair-candidates takes 1 or more, not 0"), err.toString());
  }
}
