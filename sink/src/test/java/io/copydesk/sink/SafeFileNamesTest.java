package io.copydesk.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeFileNamesTest {
  @Test
  void plainIdsAreKept() {
    assertEquals("ev-0a1b2c", SafeFileNames.of("ev-0a1b2c"));
    assertEquals("copydesk.events", SafeFileNames.of("copydesk.events"));
  }

  @Test
  void hostileIdsCannotLeaveTheFolder() {
    for (String id :
        List.of(
            "../../etc/passwd",
            "..",
            ".",
            "a/b",
            "a\\b",
            "C:\\x",
            "nul\u0000byte",
            "tab\tand\nnewline",
            ".hidden")) {
      String name = SafeFileNames.of(id);
      assertFalse(
          name.contains("/") || name.contains("\\") || name.startsWith("."), id + " -> " + name);
      assertTrue(name.chars().allMatch(c -> c > 31 && c < 127), id + " -> " + name);
    }
  }

  @Test
  void differentIdsStayDifferentAndLongOnesAreBounded() {
    assertNotEquals(SafeFileNames.of("a/b"), SafeFileNames.of("a_b"));
    assertNotEquals(SafeFileNames.of("a/b"), SafeFileNames.of("a:b"));
    assertTrue(SafeFileNames.of("x".repeat(500)).length() <= 120);
  }
}
