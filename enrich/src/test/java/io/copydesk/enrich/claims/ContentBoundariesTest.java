package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where indirect content starts and ends: what belongs to what was said, believed or intended, and
 * what is the writer's or the attribution's (sentences written for this test).
 */
class ContentBoundariesTest {
  private static final ReportingVerb PATTERN = new ReportingVerb();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Senator Ana Lima praised the new budget but also voted against the tax bill. | Ana Lima | praised the new budget
      Governor Paulo Reis signaled support for the plan but has been met with criticism. | Paulo Reis | signaled support for the plan
      The council condemned the attack as protesters gathered outside the hall.    | council | condemned the attack
      Mayor Carla Mendes refused to sign the order until the audit was finished.   | Carla Mendes | refused to sign the order
      Mayor Carla Mendes criticized the contract during a visit to the harbor.     | Carla Mendes | criticized the contract
      Mayor Carla Mendes called for more school funding in a statement on Friday.  | Carla Mendes | more school funding
      Omar Haddad said the loan was approved in a brief interview with reporters.  | Omar Haddad | the loan was approved
      Omar Haddad complained he was never consulted about the loan.                | Omar Haddad | he was never consulted about the loan
      The union accused Mr. Ortiz, who was born and raised in Lisbon, of fraud.    | union       | accused Mr. Ortiz, who was born and raised in Lisbon, of fraud
      Omar Haddad said the board had met as the markets closed on Friday.          | Omar Haddad | the board had met as the markets closed on Friday
      Police say the driver fled the scene and refused to stop.                    | Police      | the driver fled the scene and refused to stop
      Ana Lima described the budget as the worst plan she had seen.                | Ana Lima    | described the budget as the worst plan she had seen
      In a statement, the ministry condemned Friday's raid as reckless.           | ministry    | condemned Friday's raid as reckless
      Through a spokesman, Mayor Carla Mendes declined to comment.                 | Carla Mendes | declined to comment
      On Sunday’s broadcast of “Face the Nation,” Senator Ana Lima said the budget would fail. | Ana Lima | the budget would fail
      Omar Haddad spoke first. In recent days, Mr. Haddad said, the talks have stalled. | Omar Haddad | In recent days … the talks have stalled
      Omar Haddad said the loan was approved, which he said surprised the markets. | Omar Haddad | the loan was approved
      Omar Haddad said the loan was approved, which, even now, surprises the markets. | Omar Haddad | the loan was approved, which, even now, surprises the markets
      Senator Ana Lima praised the new budget, which cuts taxes for farmers.      | Ana Lima    | praised the new budget
      While Mayor Carla Mendes has admitted using the loophole, she does not defend it. | Carla Mendes | admitted using the loophole
      Omar Haddad told police officials that he had never seen the letter.       | Omar Haddad | he had never seen the letter
      Omar Haddad told a clerk who asked that the office was closed.              | Omar Haddad | a clerk who asked that the office was closed
      Ana Lima urges her brother to leave the car and repeatedly says that the road is closed. | Ana Lima | urges her brother to leave the car
      The port authority agreed to lend the town $2 million, and the fishermen's union also stepped in. | port authority | agreed to lend the town $2 million
      Mayor Carla Mendes praised the harbor plan, but the council voted it down on Monday. | Carla Mendes | praised the harbor plan
      Mayor Carla Mendes praised the harbor plan, and the engineers who drew it up.  | Carla Mendes | praised the harbor plan, and the engineers who drew it up
      While a state judge found the new map unfair, his ruling was overturned in May. | a state judge | the new map unfair
      As the survey asked about all three candidates, Omar Haddad was ahead by four points. | survey | asked about all three candidates
      After the vote, Omar Haddad said the loan was approved, and the bank was pleased. | Omar Haddad | the loan was approved, and the bank was pleased
      Omar Haddad said the new port would open trade routes, allowing farmers to sell abroad. | Omar Haddad | the new port would open trade routes, allowing farmers to sell abroad
      Omar Haddad said the new port would open trade routes, adding that farmers would gain. | Omar Haddad | the new port would open trade routes
      Mayor Carla Mendes praised the harbor plan, drawing applause from the crowd.   | Carla Mendes | praised the harbor plan
      Omar Haddad said the United States and its partners will seek new loans for the port. | Omar Haddad | the United States and its partners will seek new loans for the port
      """)
  void endsWhereTheWriterTakesOver(String body, String speaker, String text) {
    PatternTable.assertReads(body, speaker, text, PATTERN);
  }

  @Test
  void theCueOfToldEndsBeforeAnAddresseesArticle() {
    assertEquals(
        "told",
        PatternTable.assertReads(
                "Senator Ana Lima told the debate audience that taxes would fall.",
                "Ana Lima",
                "taxes would fall",
                PATTERN)
            .getCue());
  }
}
