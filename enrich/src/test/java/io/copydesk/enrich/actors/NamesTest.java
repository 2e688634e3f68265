package io.copydesk.enrich.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void theKeyFoldsApostrophesDotsHyphensSpacesAndALeadingThe() {
    assertEquals("Kataib Hezbollah", Names.key("Kata’ib  Hezbollah"));
    assertEquals("US", Names.key("U.S."));
    assertEquals("Jean-Marc Ayrault", Names.key("Jean – Marc Ayrault"));
    assertEquals("Pentagon", Names.key("the Pentagon"));
    assertEquals("Joe Biden", Names.key(" Joe\tBiden "));
    assertEquals("Joe Biden", Names.key("Joe Biden"));
  }

  /** The shortcut for names that need no folding gives what the folding gives, on any string. */
  @Test
  void theShortcutForPlainNamesAgreesWithTheFoldingOnAnyString() {
    List<String> pieces =
        List.of(
            "a", "Z", "7", " ", "  ", "\t", "\n", ".", "'", "`", "’", "ʼ", "´", "-", "–", "‐", "&",
            ",", "é", "ﬁ", "the ", "The ", "the", "Al", "\u00A0", "\u3000", "½");
    Random random = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder s = new StringBuilder();
      int parts = random.nextInt(7);
      for (int k = 0; k < parts; k++) {
        s.append(pieces.get(random.nextInt(pieces.size())));
      }
      String name = s.toString();
      assertEquals(Names.fold(name), Names.key(name), () -> "[" + name + "]");
    }
  }
}
