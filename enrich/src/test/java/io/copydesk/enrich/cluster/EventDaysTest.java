package io.copydesk.enrich.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventDaysTest {
  @Test
  void theDayOfTheEventCountsAndTheDayOfAStatementDoesNot() {
    Map<String, Integer> days =
        EventDays.of(
            "Jets struck three sites on Sunday. \"We acted,\" the minister said on Monday. Officials said Monday that all hit.",
            null);
    assertEquals(Map.of("wd:sunday", 1), days);
  }

  @Test
  void anEarlierIncidentIsNotTheEventsDay() {
    assertEquals(
        Map.of("wd:thursday", 1),
        EventDays.of("Aircraft struck on Thursday after last Monday's bombing.", null));
  }

  @Test
  void aWeekdayIsPlacedOnTheCalendarWhenThePublicationTimeIsKnown() {
    // Published Tuesday 2021-06-29: "Sunday" is 2021-06-27.
    Map<String, Integer> days =
        EventDays.of("Strikes hit two sites Sunday night.", Instant.parse("2021-06-29T08:00:00Z"));
    assertEquals(Map.of("2021-06-27", 1), days);
  }

  @Test
  void writtenDatesInTheUsualShapesAreFound() {
    assertEquals(
        Map.of("2013-09-18", 2),
        EventDays.of("18 September 2013 - Microsoft released a fix on Sept. 18, 2013.", null));
    assertEquals(
        Map.of("md:02-03", 1), EventDays.of("The player was arrested Feb. 3 in the city.", null));
    assertTrue(
        EventDays.of("Shares fell 3 per cent in 2/3 of markets.", null).isEmpty(),
        "slashed numbers are not dates");
  }

  @Test
  void dayCuesConflictOnlyWhenTheyCanBeCompared() {
    assertTrue(EventDays.conflict(Set.of("wd:sunday"), Set.of("wd:thursday")));
    assertFalse(EventDays.conflict(Set.of("wd:sunday"), Set.of("wd:sunday", "wd:monday")));
    assertFalse(
        EventDays.conflict(Set.of("wd:friday"), Set.of("md:08-29")),
        "a weekday and a yearless date cannot be compared");
    assertFalse(
        EventDays.conflict(Set.of("2013-09-18"), Set.of("wd:wednesday")),
        "18 September 2013 was a Wednesday");
    assertTrue(EventDays.conflict(Set.of("2013-09-18"), Set.of("2008-12-17")));
    assertFalse(
        EventDays.conflict(Set.of("2013-09-18"), Set.of("2013-09-19")),
        "reports a day apart (time zones, late copy)");
  }
}
