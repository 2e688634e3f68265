package io.copydesk.enrich.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarWordsTest {
  @Test
  void monthsAndWeekdaysAreTheTwelveAndTheSevenInLowerCase() {
    assertEquals(12, CalendarWords.MONTHS.size());
    assertTrue(CalendarWords.MONTHS.containsAll(Set.of("january", "may", "september")));
    assertEquals(7, CalendarWords.WEEKDAYS.size());
    assertTrue(CalendarWords.WEEKDAYS.containsAll(Set.of("monday", "sunday")));
    assertEquals(19, CalendarWords.MONTHS_AND_WEEKDAYS.size());
  }

  @Test
  void onlyMonthsLongerThanFiveLettersAreAbbreviatedAndSeptemberTwoWays() {
    assertEquals(
        Set.of("jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."),
        CalendarWords.MONTH_ABBREVIATIONS);
  }
}
