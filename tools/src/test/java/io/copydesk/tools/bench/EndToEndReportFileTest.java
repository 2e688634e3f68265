package io.copydesk.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Where {@code bench e2e --report} writes: the file given, or without one a dated file under
 * docs/benchmarks.
 */
class EndToEndReportFileTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

  @Test
  void withoutAFileTheReportIsDatedUnderTheCheckoutsDocs() {
    EndToEndCommand e2e = parse("--skip-cold-start", "--report", "--skip-scale-out");
    Path checkout = Path.of("/src/copydesk");
    assertEquals(
        checkout.resolve("docs/benchmarks/2026-12-05-e2e.md"),
        EndToEndCommand.reportFile(e2e.report, checkout, DAY));
    assertEquals(
        Path.of("docs/benchmarks/2026-12-05-e2e.md"),
        EndToEndCommand.reportFile(e2e.report, null, DAY),
        "no checkout found: under the current folder");
  }

  @Test
  void aFileGivenIsTakenAsItIs() {
    EndToEndCommand e2e = parse("--report", "out/figures.json");
    assertEquals(
        Path.of("out/figures.json"),
        EndToEndCommand.reportFile(e2e.report, Path.of("/src/copydesk"), DAY));
  }

  @Test
  void noReportOptionNoFile() {
    assertNull(parse("--articles", "10").report);
  }

  private static EndToEndCommand parse(String... args) {
    EndToEndCommand e2e = new EndToEndCommand();
    new CommandLine(e2e).parseArgs(args);
    return e2e;
  }
}
