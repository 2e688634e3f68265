package io.copydesk.enrich.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContradictionsTest {
  private static ArticleProfile about(Map<String, Double> actors) {
    return new ArticleProfile("a", Map.of("word", 1), actors, null, Set.of(), Set.of(), Set.of());
  }

  @Test
  void thePersonEachIsMostAboutMustAppearInTheOther() {
    ArticleProfile a =
        about(Map.of("PERSON:Okafor", 3.0, "PERSON:Moreno", 1.0, "ORG:Council", 9.0));
    // The other's leading person (Tanaka) is absent from the article: they contradict.
    assertTrue(Contradictions.person(a, Map.of("PERSON:Tanaka", 2.0, "PERSON:Okafor", 1.0)));
    // Each leading person appears in the other: no contradiction, whatever the organisations.
    assertFalse(Contradictions.person(a, Map.of("PERSON:Okafor", 2.0, "ORG:Police", 5.0)));
    // No person on one side: nothing to contradict.
    assertFalse(Contradictions.person(a, Map.of("ORG:Police", 5.0)));
  }

  @Test
  void aTieForTheLeadingActorGoesToTheFirstInKeyOrder() {
    // Okafor and Moreno tie; Moreno comes first in key order and leads, whatever order the map
    // iterates in, so an event that holds Moreno but not Okafor agrees with the article.
    for (int round = 0; round < 20; round++) {
      ArticleProfile a = about(Map.of("PERSON:Okafor", 2.0, "PERSON:Moreno", 2.0));
      assertFalse(Contradictions.person(a, Map.of("PERSON:Moreno", 1.0)));
      assertTrue(Contradictions.person(a, Map.of("PERSON:Okafor", 1.0)));
    }
  }

  @Test
  void thePlaceIsTheLeadingLocationOrGeopoliticalEntity() {
    ArticleProfile a =
        about(Map.of("GPE:Lagos", 1.0, "LOC:Niger Delta", 4.0, "PERSON:Okafor", 9.0));
    assertTrue(Contradictions.place(a, Map.of("GPE:Lagos", 3.0)));
    assertFalse(Contradictions.place(a, Map.of("LOC:Niger Delta", 3.0, "GPE:Lagos", 1.0)));
  }
}
