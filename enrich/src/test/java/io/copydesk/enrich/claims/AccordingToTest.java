package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.schema.AttributionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "according to X", before and after its content, with sentences written for this test. */
class AccordingToTest {
  private static final AccordingTo PATTERN = new AccordingTo();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      The ferry sank in calm water, according to the coast guard.   | coast guard | The ferry sank in calm water
      According to Reuters, the talks collapsed late on Sunday.     | Reuters     | the talks collapsed late on Sunday
      And the ferry sank in calm water, according to a city survey released on Monday. | a city survey released on Monday | the ferry sank in calm water
      According to a twelve-count civil complaint filed by the state attorney general and two county prosecutors, the ferry company hid the losses. | a twelve-count civil complaint | the ferry company hid the losses
      """)
  void readsTheSourceAndTheOtherSide(String body, String speaker, String text) {
    PatternTable.assertReads(body, speaker, text, PATTERN);
  }

  @Test
  void aPollsWordsAreItsFinding() {
    assertEquals(
        AttributionType.finding,
        PatternTable.assertReads(
                "Most drivers avoid the bridge, according to a new city survey.",
                "a new city survey",
                "Most drivers avoid the bridge",
                PATTERN)
            .getAttribution());
  }

  @Test
  void aPlanIsNoSource() {
    PatternTable.assertNothing("The launch went ahead according to plan.", PATTERN);
  }
}
