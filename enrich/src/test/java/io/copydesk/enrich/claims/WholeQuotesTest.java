package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quotations of several sentences read whole, with sentences written for this test. */
class WholeQuotesTest {
  private static final AttributionPattern[] PATTERNS = {
    new AccordingTo(), new ReportingVerb(), new WholeQuotes()
  };

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Ana Ruiz told her radio audience on Monday, “The vote was rigged. The count must start again.” | Ana Ruiz | The vote was rigged. The count must start again. | direct
      According to Ana Ruiz, “the vote was rigged. The count must start again.”                       | Ana Ruiz | the vote was rigged. The count must start again. | direct
      Ana Ruiz said the vote “was rigged. The count must start again.”                                 | Ana Ruiz | the vote “was rigged. The count must start again. | mixed
      """)
  void aClaimCutAtAQuotationsOwnFullStopRunsToItsEnd(
      String body, String speaker, String text, ClaimKind kind) {
    Claim c = PatternTable.assertReads(body, speaker, text, PATTERNS);
    assertEquals(kind, c.getKind());
    assertEquals(body.indexOf(text), c.getStart());
    assertEquals(body.indexOf(text) + text.length(), c.getEnd());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Ana Ruiz said the vote was “rigged.” The count was slow. | Ana Ruiz | the vote was “rigged.
      Ana Ruiz said: “The vote was rigged.” Then she left.                | Ana Ruiz | The vote was rigged.
      """)
  void aClaimEndingWithItsQuotationStaysAsItIs(String body, String speaker, String text) {
    PatternTable.assertReads(body, speaker, text, PATTERNS);
  }
}
