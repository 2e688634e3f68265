package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FigureQualifierTest {

  @Test
  void boundsAgreeWhenTheirRangesMeet() {
    assertFalse(FigureQualifier.agree(4, null, 7, "at least"), "4 against at least 7");
    assertTrue(FigureQualifier.agree(42, null, 40, "more than"));
    assertTrue(FigureQualifier.agree(80, null, 100, "up to"));
    assertFalse(FigureQualifier.agree(120, null, 100, "as many as"));
    assertTrue(FigureQualifier.agree(38, null, 40, "nearly"));
    assertFalse(FigureQualifier.agree(41, null, 40, "nearly"), "nearly 40 is under 40");
    assertTrue(FigureQualifier.agree(230_000, "about", 220_000, "some"));
    assertFalse(FigureQualifier.agree(30, "some", 40, "more than"));
    assertFalse(FigureQualifier.agree(5, null, 6, null));
    assertTrue(
        FigureQualifier.agree(5, "an unknown qualifier", 5, null),
        "unknown words leave the figure exact");
  }

  @Test
  void qualifiersAreReadInAnyCase() {
    assertEquals(FigureQualifier.AT_LEAST, FigureQualifier.of(" At least"));
    assertEquals("as many as", FigureQualifier.AS_MANY_AS.text());
    assertNull(FigureQualifier.of(null));
  }
}
