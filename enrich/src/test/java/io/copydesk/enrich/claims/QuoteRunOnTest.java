package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Quotations that go on in the last quoted voice, with texts written for this test. */
class QuoteRunOnTest {
  private static final AttributionPattern[] PATTERNS = {new ReportingVerb(), new QuoteRunOn()};

  /**
   * body (\n as "|"), speaker, the one claim's text: the parts of a split quotation joined by " …
   * ".
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
      “We lost the harvest,” farmer Joe Kline said. “The fields are a lake.”        ; Joe Kline ; We lost the harvest … The fields are a lake.
      “We lost the harvest,” farmer Joe Kline said, “and the fields are a lake.”    ; Joe Kline ; We lost the harvest … and the fields are a lake.
      Farmer Joe Kline said: “We lost the harvest.” “The fields are a lake.”        ; Joe Kline ; We lost the harvest. … The fields are a lake.
      Farmer Joe Kline said: “We lost the harvest.|“The fields are a lake.”         ; Joe Kline ; We lost the harvest. … The fields are a lake.
      “Yes,” farmer Joe Kline said. “The fields are a lake.”                        ; Joe Kline ; Yes … The fields are a lake.
      The harvest is lost, farmer Joe Kline said. “The fields are a lake.”          ; Joe Kline ; The harvest is lost … The fields are a lake.
      Farmer Joe Kline said the valley had lost its crops -- “the corn, the beans and the wheat.” ; Joe Kline ; the valley had lost its crops … the corn, the beans and the wheat.
      “That,” farmer Joe Kline added, “is the end of the farm.”                     ; Joe Kline ; That … is the end of the farm.
      “We lost it,” said Joe Kline, a farmer who has worked the valley since 1980 and who chairs the growers' association of the three northern counties, a group of family farms. “The fields are a lake.” ; Joe Kline ; We lost it … The fields are a lake.
      """)
  void aQuotationSplitByItsAttributionIsOneClaim(String body, String speaker, String text) {
    String b = body.replace('|', '\n');
    Claim c = PatternTable.assertReads(b, speaker, text, PATTERNS);
    assertEquals(1, PatternTable.read(b, PATTERNS).size());
    String first = text.substring(0, text.indexOf(ArticleScan.JOIN));
    String last = text.substring(text.indexOf(ArticleScan.JOIN) + ArticleScan.JOIN.length());
    assertEquals(b.indexOf(first), c.getStart(), "start is the first part's start");
    assertEquals(b.indexOf(last) + last.length(), c.getEnd(), "end is the last part's end");
  }

  @Test
  void aSecondAttributionAfterReportedSpeechGivesTheQuotationItsOwnClaim() {
    String body =
        "Ava Lin said she came home because the harvest was “lost to the rain,” she said. “The"
            + " fields are a lake.”";
    PatternTable.assertReads(body, "Ava Lin", "The fields are a lake.", PATTERNS);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"“Yes,” farmer Joe Kline said.", "“Yes,” farmer Joe Kline said.|“No.”"})
  void aShortQuotationAloneIsNoClaim(String body) {
    PatternTable.assertNothing(body.replace('|', '\n'), PATTERNS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
      “We lost the harvest,” farmer Joe Kline said.|“The fields are a lake.”         ; Joe Kline ; The fields are a lake.
      """)
  void aQuotationOpeningTheNextParagraphIsAClaimInTheSameVoice(
      String body, String speaker, String text) {
    String b = body.replace('|', '\n');
    PatternTable.assertReads(b, speaker, text, PATTERNS);
    assertEquals(2, PatternTable.read(b, PATTERNS).size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
      “We lost the harvest,” farmer Joe Kline said. “The fields are a lake,” his neighbour Ana Ruiz added.
      Farmer Joe Kline said the harvest was lost. “The fields are a lake.”
      Farmers have said the same, including Joe Kline -- “We lost it all” -- and Ana Ruiz.
      """)
  void aQuotationWithItsOwnAttributionOrAfterIndirectSpeechStaysApart(String body) {
    // and it is never joined to the reported speech before it
    assertTrue(
        PatternTable.read(body, PATTERNS).stream()
            .noneMatch(c -> c.getText().contains(ArticleScan.JOIN)));
    List<Claim> claims = PatternTable.read(body, PATTERNS);
    claims.forEach(
        c ->
            assertEquals(
                body.substring(c.getStart(), c.getEnd()),
                c.getText(),
                PatternTable.summary(claims)));
  }
}
