package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "X said …" in its word orders, with sentences written for this test. */
class ReportingVerbTest {
  private static final ReportingVerb PATTERN = new ReportingVerb();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Mayor Carla Mendes said the bridge would reopen in May.            | Carla Mendes | the bridge would reopen in May                | indirect | speech
      The bridge will reopen in May, Mayor Carla Mendes said on Monday.  | Carla Mendes | The bridge will reopen in May                 | indirect | speech
      “The bridge will reopen in May,” said Carla Mendes.                | Carla Mendes | The bridge will reopen in May                 | direct   | speech
      Carla Mendes said: “The bridge will reopen in May.”                | Carla Mendes | The bridge will reopen in May.                | direct   | speech
      Omar Haddad told reporters in Cairo that the loan had been approved. | Omar Haddad | the loan had been approved                    | indirect | speech
      Ana Lima described the budget as “a betrayal of the poor.”         | Ana Lima     | described the budget as “a betrayal of the poor. | mixed | speech
      Mayor Carla Mendes believes the bridge will reopen in May.         | Carla Mendes | the bridge will reopen in May                 | indirect | belief
      Mayor Carla Mendes wrote that the bridge would reopen in May.      | Carla Mendes | the bridge would reopen in May                | indirect | writing
      The rebels vowed revenge for the raid.                             | rebels       | vowed revenge for the raid                    | indirect | intention
      A survey by the city found that most drivers avoid the bridge.     | a survey by the city | most drivers avoid the bridge         | indirect | finding
      The ministry issued a statement that the border would stay closed. | ministry     | the border would stay closed                  | indirect | speech
      “The count was fair,” Rep. Ana Kowalski (D-Ohio), a member of the panel, said in a phone interview. | Ana Kowalski | The count was fair | direct | speech
      Paulo Reis spoke first. He’s claiming that the count was rigged.   | Paulo Reis   | the count was rigged                          | indirect | speech
      Paulo Reis has long said that the count was rigged.                | Paulo Reis   | the count was rigged                          | indirect | speech
      Tom Clarke ran the mine. The mine was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999. | Tom Clarke | The mine was a juggernaut … until it went bankrupt in 1999 | indirect | speech
      But the deal is off, Mayor Carla Mendes said.                      | Carla Mendes | the deal is off                               | indirect | speech
      Omar Haddad said the loan was approved, which surprised the markets. | Omar Haddad | the loan was approved, which surprised the markets | indirect | speech
      Omar Haddad said the loan was approved; the markets fell.          | Omar Haddad  | the loan was approved                         | indirect | speech
      Omar Haddad said the loan was approved ― a first for the country.  | Omar Haddad  | the loan was approved                         | indirect | speech
      Omar Haddad said the loan, which was large, was approved.          | Omar Haddad  | the loan, which was large, was approved       | indirect | speech
      Using the tax that way “is a misguided approach,” Leonard Burman said. | Leonard Burman | Using the tax that way “is a misguided approach | mixed | speech
      Asked about the device, commissioner Ana Ruiz said, “Not going to go into that.” | Ana Ruiz | Not going to go into that. | direct | speech
      Omar Haddad told reporters this week he would resign.              | Omar Haddad  | he would resign                               | indirect | speech
      Omar Haddad, appearing after Carla Mendes at the forum, said the loan was late. | Omar Haddad | the loan was late | indirect | speech
      Senator Ana Lima, like Omar Haddad, has said the tax is unfair.   | Ana Lima     | the tax is unfair                             | indirect | speech
      A ministry spokeswoman, Ana Lima, said the tax is unfair.         | Ana Lima     | the tax is unfair                             | indirect | speech
      Border protocol called for the convoy to stop at the checkpoint, officials said. | officials | Border protocol called for the convoy to stop at the checkpoint | indirect | speech
      But a campaign aide decided to cancel the rally in the rain, a source said. | a source | a campaign aide decided to cancel the rally in the rain | indirect | speech
      The ministry plans to reopen the border crossing soon, a spokesman announced on Monday. | a spokesman | The ministry plans to reopen the border crossing soon | indirect | speech
      The plan will pass, said Omar Haddad, a senior minister in the cabinet. | Omar Haddad | The plan will pass                     | indirect | speech
      Senator Ana Lima called the budget “a betrayal of the poor” on Monday. | Ana Lima | the budget “a betrayal of the poor” on Monday | mixed | speech
      The mayor, Carla Mendes, continues to insist that the bridge is safe. | Carla Mendes | the bridge is safe                        | indirect | speech
      Omar Haddad went on to explain that the loan had been approved.    | Omar Haddad  | the loan had been approved                    | indirect | speech
      Ana Lima, who said the bridge was unsafe, resigned on Monday.      | Ana Lima     | the bridge was unsafe                         | indirect | speech
      The city hired Omar Haddad, who said the loan had been approved.   | Omar Haddad  | the loan had been approved                    | indirect | speech
      The bank fired Omar Haddad, who said the loan was sound, even as markets fell. | Omar Haddad | the loan was sound           | indirect | speech
      The bank fired Omar Haddad -- who said the loan was sound -- last spring. | Omar Haddad | the loan was sound             | indirect | speech
      The board sided with Ana Lima, who in 2019 said the bridge was unsafe. | Ana Lima   | the bridge was unsafe                         | indirect | speech
      The audit -- which notes that the bridge is unsafe -- was released Monday. | audit    | the bridge is unsafe                          | indirect | speech
      Senator Ana Lima asked whether the bridge was safe.                | Ana Lima     | asked whether the bridge was safe             | indirect | speech
      Senator Ana Lima gave an interview in which she said the plant would close. | Ana Lima | the plant would close                  | indirect | speech
      Senator Ana Lima has called the tax a betrayal of the poor.        | Ana Lima     | the tax a betrayal of the poor                | indirect | speech
      Chairman Omar Haddad called Friday's ruling a huge win for farmers. | Omar Haddad | Friday's ruling a huge win for farmers        | indirect | speech
      “Will the bridge reopen in May?” Carla Mendes asked.               | Carla Mendes | Will the bridge reopen in May?                | direct   | speech
      “Will the bridge reopen in May?” said Carla Mendes.                | Carla Mendes | Will the bridge reopen in May?                | direct   | speech
      “Not in May!” Carla Mendes said, looking at the river.             | Carla Mendes | Not in May!                                   | direct   | speech
      The vote is near. Said Carla Mendes: “The bridge will reopen in May.” | Carla Mendes | The bridge will reopen in May.          | direct   | speech
      On Sunday’s broadcast of “Meet the Press,” Mayor Carla Mendes said the bridge would reopen. | Carla Mendes | the bridge would reopen | indirect | speech
      Carla Mendes said that “the bridge is safe” in every season, citing the survey.  | Carla Mendes | the bridge is safe” in every season | mixed | speech
      Mayor Carla Mendes maintains that the bridge is safe.              | Carla Mendes | the bridge is safe                            | indirect | speech
      The bridge is safe, Mayor Carla Mendes maintains.                  | Carla Mendes | The bridge is safe                            | indirect | speech
      Judge Omar Haddad ruled that the count was fair.                   | Omar Haddad  | the count was fair                            | indirect | speech
      Senator Ana Lima assumed the bank had the backing of the state.    | Ana Lima     | the bank had the backing of the state         | indirect | belief
      Senator Ana Lima learned that the bank had failed.                 | Ana Lima     | the bank had failed                           | indirect | belief
      Senator Ana Lima pointed to the flood as proof that the dam had failed. | Ana Lima | the flood as proof that the dam had failed | indirect | speech
      Senator Ana Lima declined to comment on the vote in May.           | Ana Lima     | declined to comment on the vote in May        | indirect | intention
      """)
  void readsTheVerbsSubjectAndContent(
      String body, String speaker, String text, ClaimKind kind, AttributionType type) {
    Claim c = PatternTable.assertReads(body, speaker, text, PATTERN);
    assertEquals(kind, c.getKind());
    assertEquals(type, c.getAttribution());
  }

  /** body, speaker, text: a colon ending its paragraph introduces the next one. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
      Mayor Carla Mendes said:||“The bridge will reopen in May. The river is down.”   ; Carla Mendes ; The bridge will reopen in May. The river is down.
      Mayor Carla Mendes added:||The bridge will reopen in May. The river is down.||The council left. ; Carla Mendes ; The bridge will reopen in May. The river is down.
      """)
  void aColonEndingItsParagraphIntroducesTheNext(String body, String speaker, String text) {
    String b = body.replace('|', '\n');
    Claim c = PatternTable.assertReads(b, speaker, text, PATTERN);
    assertEquals(ClaimKind.direct, c.getKind());
    assertEquals(1, PatternTable.read(b, PATTERN).size(), "nothing read inside the quotation");
  }

  @Test
  void aColonWithinItsLineIntroducesNothingBeyondIt() {
    PatternTable.assertNothing("The agenda said:\n", PATTERN);
  }

  @Test
  void aColonClosingTheParagraphIntroducesTheNextOne() {
    String block =
        "Omar Haddad spoke for an hour. He added:\n\nThe loan is safe and the bank is sound."
            + " Nobody will lose a cent.\n\nThe hearing ended at noon.";
    PatternTable.assertReads(
        block,
        "Omar Haddad",
        "The loan is safe and the bank is sound. Nobody will lose a cent.",
        PATTERN);
    String quoted =
        "Omar Haddad spoke for an hour. He said:\n\n“The loan is safe. Nobody will lose a"
            + " cent.”\n\nThe hearing ended at noon.";
    PatternTable.assertReads(
        quoted, "Omar Haddad", "The loan is safe. Nobody will lose a cent.", PATTERN);
  }

  @Test
  void aQuotationClosingThePreviousParagraphIsNotTheNextSpeakers() {
    String body =
        "Omar Haddad spoke first. “The loan is safe. Nobody will lose a cent.”\n"
            + "Bank spokeswoman Carla Mendes added, “The board will meet on Friday.”";
    List<String> read =
        PatternTable.read(body, PATTERN).stream()
            .map(c -> c.getSpeaker() + ": " + c.getText())
            .collect(java.util.stream.Collectors.toList());
    assertEquals(List.of("Carla Mendes: The board will meet on Friday."), read);
  }

  @Test
  void aQuestionInAWhenClauseSetsTheSceneAndIsNoClaim() {
    List<Claim> claims =
        PatternTable.read(
            "“Be careful,” Omar Haddad said when a reporter asked what the plan was.", PATTERN);
    assertTrue(
        claims.stream().noneMatch(c -> c.getText().contains("plan")), PatternTable.summary(claims));
  }

  @Test
  void goingOnSpeakingIsACueWhereAQuotationShowsIt() {
    PatternTable.assertReads(
        "Ana Lima spoke at noon. She continued, “We will not give up the farms.”",
        "Ana Lima",
        "We will not give up the farms.",
        PATTERN);
    PatternTable.assertReads(
        "Ana Lima spoke at noon. “We will not give up the farms,” she continued.",
        "Ana Lima",
        "We will not give up the farms",
        PATTERN);
    PatternTable.assertNothing(
        "Omar Haddad left the bank in May. Its shares continued to fall all summer.", PATTERN);
  }

  @Test
  void twoClausesWithTheirOwnSubjectsAreTwoClaims() {
    String body =
        "Syria condemned the raid, and the state news agency SANA reported that five people were killed.";
    PatternTable.assertReads(body, "SANA", "five people were killed", PATTERN);
    List<Claim> claims = PatternTable.read(body, PATTERN);
    assertTrue(
        claims.stream().noneMatch(c -> c.getText().contains("SANA")),
        "the first clause ends before the second: " + PatternTable.summary(claims));
  }

  @Test
  void nestedSpeechKeepsTheInnerSpeakerAndNamesTheOuterAsSource() {
    Claim c =
        PatternTable.assertReads(
            "The Associated Press reported that officials said the dam had cracked.",
            "officials",
            "the dam had cracked",
            PATTERN);
    assertEquals("Associated Press", c.getSource());
  }

  @Test
  void anAttributionOpeningAParagraphReadsNoQuotationOfThePreviousOne() {
    String body =
        "Omar Haddad met the farmers. “The loan is late. The fields are flooded.”\n"
            + "Her spokesman added, “The minister will visit the farms.”";
    List<Claim> claims = PatternTable.read(body, PATTERN);
    assertEquals(1, claims.size(), PatternTable.summary(claims));
    assertEquals("The minister will visit the farms.", claims.get(0).getText());
  }

  @Test
  void aReportingVerbInsideTheContentIsPartOfIt() {
    List<Claim> claims =
        PatternTable.read("Psaki said the government believes the talks will resume.", PATTERN);
    assertEquals(1, claims.size(), PatternTable.summary(claims));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The minister has not said whether taxes will rise.",
        "The reported deal would cost millions.",
        "Twenty-seven states sued the agency over the rule.",
        "The senator is expected to resign after the vote.",
        "It was the message he intended to send to the board.",
        "The architect who said he was never paid left town.",
        "Mayor Carla Mendes maintains a program for young farmers.",
        "Senator Ana Lima accepted that invitation on Monday.",
        "Senator Ana Lima assumed the role of mayor in May.",
        "Judge Omar Haddad charges a fee for every filing.",
        "Senator Ana Lima learned of the meeting from a friend.",
        "The real senator showed up at the debate on Monday.",
        "Some peacekeepers find themselves in the thick of the fighting.",
        "The index rose by two points to 4 percent on Monday.",
        "After that the toll would decline by four percent each year.",
        "After that the toll would decline by fifteen percent each year.",
        "The mayor's approval has declined slightly from 58 percent to 55 percent.",
        "The mayors -- several of whom had retired -- who cited the budget were thanked.",
        "Paulo Reis didn’t say whether the count was rigged.",
        "The council met the residents and let them know that the road would close.",
        "With party leaders worried about turnout, the campaign changed course."
      })
  void readsNothingWhereNoVerbAttributes(String body) {
    PatternTable.assertNothing(body, PATTERN);
  }
}
