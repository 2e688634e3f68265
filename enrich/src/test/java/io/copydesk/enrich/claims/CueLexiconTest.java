package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.AttributionType;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CueLexiconTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "said, speech",
    "Says, speech",
    "acknowledged, speech",
    "criticized, speech",
    "tweeted, writing",
    "wrote, writing",
    "believes, belief",
    "thought, belief",
    "fears, belief",
    "wants, intention",
    "planned, intention",
    "vowing, intention",
    "shows, finding",
    "found, finding",
    "denies, speech",
    "worried, belief",
    "admitted, speech",
    "asked, speech"
  })
  void formsCarryWhatTheyAttribute(String word, AttributionType type) {
    assertEquals(type, CueLexicon.type(word));
  }

  @Test
  void wordsThatAreNoCueAreNotListed() {
    assertNull(CueLexicon.type("walked"));
    assertNull(
        CueLexicon.type("respond"), "\"respond to attacks\" reacts; only \"responded\" answers");
    assertNull(CueLexicon.type("called"), "\"called\" cues only with its particle");
    assertEquals(Set.of("for", "on"), CueLexicon.particles("calls"));
    assertTrue(CueLexicon.isCue("pointed"));
  }

  @Test
  void aParticleOrReflexiveUndoesAFinding() {
    assertTrue(CueLexicon.undoneBy("showed", "up"));
    assertTrue(CueLexicon.undoneBy("find", "themselves"));
    assertFalse(CueLexicon.undoneBy("found", "that"));
    assertFalse(CueLexicon.undoneBy("described", "herself"), "a speech verb keeps its reflexive");
  }

  @Test
  void regularFormsAreInflected() {
    assertEquals(Set.of("argue", "argues", "argued", "arguing"), Inflection.forms("argue"));
    assertEquals(Set.of("deny", "denies", "denied", "denying"), Inflection.forms("deny"));
    assertEquals(Set.of("stress", "stresses", "stressed", "stressing"), Inflection.forms("stress"));
    assertTrue(Inflection.forms("say:said").contains("said"));
    assertTrue(Inflection.forms("plan:planned:planning").contains("planning"));
  }
}
