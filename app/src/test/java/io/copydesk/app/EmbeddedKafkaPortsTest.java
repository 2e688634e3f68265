package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory's kafka.ports file: which number is which, written and read back. */
class EmbeddedKafkaPortsTest {
  @TempDir Path dir;

  @Test
  void theFileNamesEachPortAndIsReadBack() throws Exception {
    Path file = dir.resolve("kafka.ports");
    int[] first = EmbeddedKafka.rememberedPorts(file);
    String text = Files.readString(file);
    assertTrue(text.contains("broker=" + first[0] + "\n"), text);
    assertTrue(text.contains("controller=" + first[1] + "\n"), text);
    assertNotEquals(first[0], first[1]);
    assertArrayEquals(
        first, EmbeddedKafka.rememberedPorts(file), "the same ports on the next start");
  }

  @Test
  void theUnlabelledFileOfOlderVersionsIsStillRead() throws Exception {
    int broker = free();
    int controller = free();
    Path file = dir.resolve("kafka.ports");
    Files.writeString(file, broker + " " + controller + "\n");
    assertArrayEquals(new int[] {broker, controller}, EmbeddedKafka.rememberedPorts(file));
  }

  @Test
  void labelsMayComeInAnyOrderAndCommentsAreSkipped() {
    assertEquals(
        Map.of("broker", 9, "controller", 7),
        EmbeddedKafka.readPorts("# ports\ncontroller=7\nbroker = 9\n"));
    assertEquals(Map.of(), EmbeddedKafka.readPorts("broker=x\ncontroller=7\n"));
    assertEquals(1, EmbeddedKafka.readPorts("broker=9\n").size(), "half a file is not enough");
  }

  private static int free() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
