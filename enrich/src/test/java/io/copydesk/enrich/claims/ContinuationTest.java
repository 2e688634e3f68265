package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.schema.ClaimKind;
import org.junit.jupiter.api.Test;

/** "…, saying …" and "…, adding, “…”", with sentences written for this test. */
class ContinuationTest {
  private static final Continuation PATTERN = new Continuation();

  @Test
  void withNoClaimBeforeItTheNamedActorOpeningTheSentenceSpeaks() {
    PatternTable.assertReads(
        "Maria Costa defended the decision, saying the old bridge was unsafe.",
        "Maria Costa",
        "the old bridge was unsafe",
        PATTERN);
  }

  @Test
  void theClaimBeforeItEndsAtTheCommaAndLendsItsSpeaker() {
    String body = "Omar Haddad said growth would return, adding, “We are past the worst.”";
    PatternTable.assertReads(
        body, "Omar Haddad", "growth would return", PATTERN, new ReportingVerb());
    assertEquals(
        ClaimKind.direct,
        PatternTable.assertReads(
                body, "Omar Haddad", "We are past the worst.", PATTERN, new ReportingVerb())
            .getKind());
  }

  @Test
  void withNoClaimBeforeItTheSubjectOfTheClauseSpeaksNamedOrNot() {
    PatternTable.assertReads(
        "A city judge has rejected the request, saying the file must stay sealed.",
        "a city judge",
        "the file must stay sealed",
        PATTERN);
    PatternTable.assertReads(
        "During the rally, Mayor Carla Mendes attacked the plan, saying it cost too much.",
        "Carla Mendes",
        "it cost too much",
        PATTERN);
  }

  @Test
  void aParticipleThatReportsNothingIsNoContinuation() {
    PatternTable.assertNothing(
        "The storm hit the coast at dawn, flooding the old harbour.", PATTERN);
  }
}
