package io.copydesk.enrich.claims;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Subjects the word rules miss, read from tags, with sentences written for this test. */
class TaggedSubjectTest {
  private static final ReportingVerb PATTERN = new ReportingVerb();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      In a radio interview Governor Ana Lima declared that the strike was over.  | Ana Lima    | the strike was over
      It was the second time Omar Haddad said the loan had been approved.        | Omar Haddad | the loan had been approved
      Omar Haddad toured the flooded district and said the levee had held.       | Omar Haddad | the levee had held
      Omar Haddad toured the district on Monday but has said little would change. | Omar Haddad | little would change
      Omar Haddad backed the mayor, who let him run in 2019, and said the levee had held. | Omar Haddad | the levee had held
      Omar Haddad criticized rules that favor banks, and has called for a new audit.  | Omar Haddad | a new audit
      Ana Lima spoke to farmers in May. The tax stays unless she wants a new fight. | Ana Lima | wants a new fight
      """)
  void readsTheSubjectFromTags(String body, String speaker, String text) {
    PatternTable.assertReads(body, speaker, text, PATTERN);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The plan would cost little at first but would eventually add $5 billion to the debt.",
        "The new rules he has proposed would cut the deficit.",
        "The rate he has proposed for the wealthy is lower than today's.",
        "In the end the rebels who had held the town for a year and wanted a truce left."
      })
  void givesNoSubjectWhereNoneSpeaks(String body) {
    PatternTable.assertNothing(body, PATTERN);
  }
}
