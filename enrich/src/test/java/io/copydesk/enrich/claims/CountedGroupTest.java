package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CountedGroupTest {

  @Test
  void pluralAndSingularAndCaseAreOneGroup() {
    assertEquals(CountedGroup.key("militiaman"), CountedGroup.key("Militiamen"));
    assertEquals("child", CountedGroup.key("children"));
    assertEquals("woman", CountedGroup.key("women"));
    assertEquals("palestinian", CountedGroup.key("Palestinians"));
    assertEquals("militia", CountedGroup.key("militias"));
    assertEquals("bus", CountedGroup.key("bus"));
    assertNotEquals(CountedGroup.key("militiamen"), CountedGroup.key("contractor"));
  }

  @Test
  void peopleOthersAndAnUnsaidGroupAreTheGenericCount() {
    assertEquals("", CountedGroup.key("People"));
    assertEquals("", CountedGroup.key("others"));
    assertEquals("", CountedGroup.key(null));
    assertEquals("", CountedGroup.key("casualties"));
  }
}
