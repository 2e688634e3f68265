package io.copydesk.app;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code copydesk reset}: start over, so the next run reads everything again from scratch. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Start over: delete the data directory (embedded broker log, Streams state, ingest's record of processed files)",
      "and, with --out, the sink's output (articles/, events/, digest/, _sink/). Refuses while a copydesk process uses the data."
    })
final class ResetCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "The output folder of the run to reset; its data directory defaults to <out>/.copydesk.")
  Path out;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The data directory, if not <out>/.copydesk.")
  Path dataDir;

  @Option(
      names = "--keep-output",
      description = "Delete only the data directory; keep the files analysts read.")
  boolean keepOutput;

  @Override
  public Integer call() throws IOException {
    if (out == null && dataDir == null) {
      System.err.println("copydesk reset: give --out DIR or --data-dir DIR");
      return 2;
    }
    Path data = (dataDir != null ? dataDir : out.resolve(".copydesk")).toAbsolutePath();
    if (Files.isDirectory(data)) {
      try (DataDirLock lock = DataDirLock.acquire(data)) {
        // Held only to prove nobody else holds it.
      } catch (IllegalStateException e) {
        System.err.println("copydesk reset: " + e.getMessage());
        return 1;
      }
      deleteTree(data);
      System.out.println("deleted " + data);
    }
    if (out != null && !keepOutput) {
      for (String part : List.of("articles", "events", "digest", "_sink")) {
        Path p = out.resolve(part);
        if (Files.exists(p)) {
          deleteTree(p);
          System.out.println("deleted " + p);
        }
      }
    }
    return 0;
  }

  static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
