package io.copydesk.enrich.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Name: …" lines and quotations signed "― Name", with texts written for this test. */
class LabelledQuotesTest {
  private static final LabelledQuotes PATTERN = new LabelledQuotes();

  @Test
  void aNameAndAColonOpeningALineLabelIt() {
    PatternTable.assertReads(
        "Mendes: The bridge will be rebuilt by spring\n\nMayor Carla Mendes spoke in Lisbon.",
        "Carla Mendes",
        "The bridge will be rebuilt by spring",
        PATTERN);
  }

  @Test
  void aTranscriptsCapitalsAreThePersonOfThatSurname() {
    PatternTable.assertReads(
        "Mayor Carla Mendes spoke first.\n\nMENDES: We have the money and the engineers.",
        "Carla Mendes",
        "We have the money and the engineers.",
        PATTERN);
  }

  @Test
  void aQuotationSignedWithADashIsTheSigners() {
    PatternTable.assertReads(
        "Voters wrote in.\n\n“The bridge matters more than the stadium.” ― Paulo Reis\n",
        "Paulo Reis",
        "The bridge matters more than the stadium.",
        PATTERN);
  }

  @Test
  void aSignatureAfterNoBreakSpacesIsRead() {
    PatternTable.assertReads(
        "Voters wrote in.\n“The bridge matters more.”\u00a0― Paulo Reis\u00a0\n“Fix the roads.” ― Ana Lima\n",
        "Paulo Reis",
        "The bridge matters more.",
        PATTERN);
  }

  @Test
  void aSurnameLabelBeforeTheFullNameIsThatPerson() {
    PatternTable.assertReads(
        "Kowalski: The count was fair and the vote is over.\n\nSenator Ana Kowalski said so.",
        "Ana Kowalski",
        "The count was fair and the vote is over.",
        PATTERN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A warning from Ana Kowalski: ‘The count must start again.’\n\nSenator Ana Kowalski spoke.",
        "Kowalski Hits Back at Critics: “The count must start again.”\n\nSenator Ana Kowalski spoke."
      })
  void aLeadInNamingAPersonBeforeAQuotedLineIsTheirs(String body) {
    PatternTable.assertReads(body, "Ana Kowalski", "The count must start again.", PATTERN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Two questions: who pays, and when?",
        "Photo: Getty/Instagram",
        "A lesson for the city: ‘Build the bridge first.’"
      })
  void aLabelThatNamesNobodyIsNoSpeaker(String body) {
    PatternTable.assertNothing(body, PATTERN);
  }
}
