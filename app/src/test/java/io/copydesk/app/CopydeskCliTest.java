package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The product's launcher alone (no tools jar on the classpath, as in the Docker image). */
class CopydeskCliTest {
  @Test
  void withoutTheToolsJarTheCommandHasOnlyTheProductsSubcommands() {
    assertEquals(
        List.of("run", "ingest", "enrich", "sink", "reset", "topics", "help"),
        List.copyOf(CopydeskCli.commandLine().getSubcommands().keySet()));
  }
}
