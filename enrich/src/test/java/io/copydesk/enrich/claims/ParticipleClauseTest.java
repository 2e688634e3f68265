package io.copydesk.enrich.claims;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A cue's participle opening an adverbial clause, with sentences written for this test. */
class ParticipleClauseTest {
  private static final ParticipleClause PATTERN = new ParticipleClause();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Citing a risk to public health, Judge Ana Lima blocked the sale of the plant.  | Ana Lima    | a risk to public health
      Omar Haddad answered the council by saying he would never sell the plant.      | Omar Haddad | he would never sell the plant
      """)
  void theMainClausesSubjectSpeaks(String body, String speaker, String text) {
    PatternTable.assertReads(body, speaker, text, PATTERN);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Writing for a local paper, Omar Haddad covered the flood for a decade.",
        "The council widened the district by adding a few poor towns to it.",
        "Showing the damage to reporters, Omar Haddad walked along the river."
      })
  void adjunctsObjectsAndFindingsSayNothing(String body) {
    PatternTable.assertNothing(body, PATTERN);
  }
}
