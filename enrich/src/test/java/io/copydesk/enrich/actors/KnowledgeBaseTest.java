package io.copydesk.enrich.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.ActorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
  private final KnowledgeBase kb = KnowledgeBase.load();

  @Test
  void theShippedFileLoadsAndNoFormBelongsToTwoEntries() {
    assertTrue(kb.entries().size() > 400, "countries, bodies, armed groups, news organisations");
    Map<String, String> owner = new HashMap<>();
    for (KnowledgeBase.Entry e : kb.entries()) {
      for (String form : concat(List.of(e.name()), e.aliases())) {
        String previous = owner.put(Names.key(form), e.name());
        assertTrue(
            previous == null || previous.equals(e.name()),
            form + " belongs to " + previous + " and " + e.name());
      }
    }
  }

  @Test
  void formsAreMatchedWhateverTheirDotsApostrophesAndArticle() {
    assertEquals("United States", kb.lookup("U.S.").orElseThrow().name());
    assertEquals("United States", kb.lookup("US").orElseThrow().name());
    assertEquals(ActorType.GPE, kb.lookup("US").orElseThrow().type());
    assertFalse(kb.lookup("us").isPresent(), "the pronoun is not the country");
    assertEquals("Kata'ib Hezbollah", kb.lookup("Kata’ib Hezbollah").orElseThrow().name());
    assertEquals("Associated Press", kb.lookup("The Associated Press").orElseThrow().name());
    assertEquals("Iran", kb.byDemonym("Iranian").orElseThrow().name());
    assertEquals("Iran", kb.byCapital("Tehran").orElseThrow().name());
    assertTrue(kb.mayStartAName("Kata"), "a prefix of a first word, as the tokenizer may split it");
    assertFalse(kb.mayStartAName("Zzyzx"));
  }

  @Test
  void aMalformedLineIsRefusedWithItsNumber() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KnowledgeBase.parse(List.of("# comment", "ORG\tOnly three\tcolumns")));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
