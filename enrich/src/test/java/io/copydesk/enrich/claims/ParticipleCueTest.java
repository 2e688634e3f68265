package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.schema.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every cue's "-ing" form goes on in the clause's voice after a comma or an adverb after one;
 * sentences written for this test.
 */
class ParticipleCueTest {
  private static final Continuation PATTERN = new Continuation();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Ana Lima toured the farms, promising to cut the fuel tax by spring.        | Ana Lima    | to cut the fuel tax by spring
      Ana Lima toured the farms, accusing the ministry of hiding the losses.     | Ana Lima    | the ministry of hiding the losses
      Omar Haddad criticised the bank, even suggesting it had misled investors.  | Omar Haddad | it had misled investors
      Omar Haddad backed the ruling, citing the risk to public health.           | Omar Haddad | the risk to public health
      Omar Haddad praised the deal, calling for a vote within a week.            | Omar Haddad | for a vote within a week
      """)
  void aCuesParticipleContinuesTheClause(String body, String speaker, String text) {
    PatternTable.assertReads(body, speaker, text, PATTERN);
  }

  @Test
  void aQuotationClosedByACommaGoesOnInTheSameClaim() {
    List<Claim> claims =
        PatternTable.read(
            "Omar Haddad called the raids “defensive,” saying they answered attacks on the base.",
            PATTERN,
            new ReportingVerb());
    assertEquals(1, claims.size(), PatternTable.summary(claims));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The survey covered nine towns, showing that rents had doubled.",
        "The storm hit the coast at dawn, flooding the old harbour.",
        "Ana Lima toured the farms while promising nothing to anyone there."
      })
  void findingsAndOtherParticiplesAreNoContinuation(String body) {
    PatternTable.assertNothing(body, PATTERN);
  }
}
