package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "X's claim that …" and its owners, with sentences written for this test. */
class NominalCueTest {
  private static final NominalCue PATTERN = new NominalCue();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      The mayor rejected Omar Haddad's claim that the loan was illegal.      | Omar Haddad | the loan was illegal          | speech
      Critics pointed to Omar Haddad's earlier warning that the bridge was unsafe. | Omar Haddad | the bridge was unsafe | speech
      Investors welcomed a Reuters report that the merger would go ahead.     | Reuters     | the merger would go ahead     | speech
      Carla Mendes spoke on Monday. Her pledge that taxes would not rise won applause. | Carla Mendes | taxes would not rise won applause | intention
      """)
  void readsTheOwnerAndTheClause(String body, String speaker, String text, AttributionType type) {
    Claim c = PatternTable.assertReads(body, speaker, text, PATTERN);
    assertEquals(type, c.getAttribution());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The claim that the loan was illegal spread quickly.",
        "The ministry issued a statement on Monday.",
        "He read it in a report that ran to forty pages."
      })
  void aNounWithoutOwnerOrClauseIsNoClaim(String body) {
    PatternTable.assertNothing(body, PATTERN);
  }
}
