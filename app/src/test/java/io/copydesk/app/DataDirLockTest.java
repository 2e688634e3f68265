package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
  @Test
  void aSecondUserOfTheDataDirectoryIsRefusedWithTheHoldersPid(@TempDir Path dir) throws Exception {
    try (DataDirLock first = DataDirLock.acquire(dir)) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> DataDirLock.acquire(dir));
      assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
      assertEquals(
          1,
          new picocli.CommandLine(new CopydeskCli()).execute("reset", "--data-dir", dir.toString()),
          "reset refuses while the data directory is in use");
    }
    try (DataDirLock again = DataDirLock.acquire(dir)) {
      assertTrue(Files.exists(dir.resolve("lock")), "released on close, so the next run may start");
    }
    assertEquals(
        0,
        new picocli.CommandLine(new CopydeskCli()).execute("reset", "--data-dir", dir.toString()));
    assertTrue(Files.notExists(dir));
  }
}
