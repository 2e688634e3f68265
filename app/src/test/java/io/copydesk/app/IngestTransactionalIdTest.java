package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.ingest.IngestSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Ingest's transactional id: the same for a restarted instance, different for another folder, the
 * configured one first.
 */
class IngestTransactionalIdTest {
  private final CopydeskConfig config = CopydeskConfig.defaults();

  @Test
  void stableForTheSameFolderDistinctForAnotherAndConfigurable() {
    String id = IngestStage.transactionalId(IngestSettings.from(config), Path.of("/data/inbox"));
    assertTrue(id.startsWith("copydesk-ingest-"), id);
    assertEquals(
        id,
        IngestStage.transactionalId(IngestSettings.from(config), Path.of("/data/./inbox")),
        "a restart finds the same id");
    assertNotEquals(
        id,
        IngestStage.transactionalId(IngestSettings.from(config), Path.of("/data/inbox-2")),
        "another instance's folder, another id");
    assertEquals(
        "ingest-a",
        IngestStage.transactionalId(
            IngestSettings.from(config.with("ingest.transactional.id", "ingest-a")),
            Path.of("/data/inbox")));
  }
}
