package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.DisputedFigure;
import io.copydesk.schema.EventFigure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dispute needs two sources giving values of one quantity of this event that cannot both be true.
 */
class FigureDisputesTest {

  private static EventFigure killed(
      String article, double value, String qualifier, String whom, String speaker) {
    return EventFigure.newBuilder()
        .setArticleId(article)
        .setWhat("killed")
        .setWhom(whom)
        .setValue(value)
        .setQualifier(qualifier)
        .setSpeaker(speaker)
        .build();
  }

  private static EventFigure background(EventFigure f) {
    return EventFigure.newBuilder(f).setBackground(true).build();
  }

  @Test
  void twoSourcesGivingTollsOfTheSameGroupThatCannotBothBeTrueAreADispute() {
    List<DisputedFigure> d =
        FigureDisputes.of(
            List.of(
                killed("a", 4, null, "militiamen", "two army officers"),
                killed("b", 7, "at least", "gunmen", "the monitoring group"),
                killed("b", 7, "at least", "Militiamen", "the monitoring group")));
    assertEquals(1, d.size(), d.toString());
    assertEquals("killed", d.get(0).getWhat());
    assertEquals("militiamen", d.get(0).getWhom());
    assertEquals(
        List.of(4.0, 7.0), d.get(0).getValues().stream().map(EventFigure::getValue).toList());
  }

  @Test
  void unattributedFiguresAreListedButNeverMakeADispute() {
    assertTrue(
        FigureDisputes.of(
                List.of(
                    killed("a", 4, null, "people", "police"),
                    killed("b", 9, null, "people", null),
                    killed("c", 11, null, "people", " ")))
            .isEmpty());
  }

  @Test
  void aFigureAboutAnEarlierIncidentIsNoValueOfThisOne() {
    assertTrue(
        FigureDisputes.of(
                List.of(
                    killed("a", 24, null, "people", "the disaster agency"),
                    background(killed("b", 170_000, null, "people", "the disaster agency")),
                    background(killed("c", 230_000, "about", "people", "a UN agency"))))
            .isEmpty());
  }

  @Test
  void differentGroupsAreDifferentQuantities() {
    assertTrue(
        FigureDisputes.of(
                List.of(
                    killed("a", 4, null, "militiamen", "two army officers"),
                    killed("b", 1, null, "contractor", "the ministry")))
            .isEmpty(),
        "a contractor is not a count of the militiamen");
    assertTrue(
        FigureDisputes.of(
                List.of(
                    killed("a", 4, null, "militiamen", "two army officers"),
                    killed("b", 9, null, "people", "the ministry")))
            .isEmpty(),
        "people may count more than the militiamen");
    List<DisputedFigure> generic =
        FigureDisputes.of(
            List.of(
                killed("a", 9, null, "people", "the ministry"),
                killed("b", 15, null, null, "a hospital director")));
    assertEquals(1, generic.size(), "people and an unsaid group are both the generic count");
    assertNull(generic.get(0).getWhom());
  }

  @Test
  void valuesThatCanBothBeTrueAreNoDispute() {
    assertTrue(
        FigureDisputes.of(
                List.of(
                    killed("a", 42, null, "people", "the hospital"),
                    killed("b", 40, "more than", "people", "doctors"),
                    killed("c", 45, "about", "people", "the mayor")))
            .isEmpty());
    assertEquals(
        1,
        FigureDisputes.of(
                List.of(
                    killed("a", 42, null, "people", "the hospital"),
                    killed("b", 30, "some", "people", "the mayor")))
            .size(),
        "some 30 is not 42");
  }

  @Test
  void oneSourceInTwoSpellingsOrWithSeveralCountsIsNotSetAgainstItself() {
    assertTrue(
        FigureDisputes.of(
                List.of(
                    killed("a", 4, null, "people", "Police"),
                    killed("b", 6, null, "people", "police")))
            .isEmpty(),
        "Police and police are one source");
    assertTrue(
        FigureDisputes.of(
                List.of(
                    killed("a", 10, null, "people", "the agency"),
                    killed("a", 24, null, "people", "the agency"),
                    killed("b", 24, "at least", "people", "officials")))
            .isEmpty(),
        "the agency's district count of 10 does not set it against officials who agree on its total");
  }
}
