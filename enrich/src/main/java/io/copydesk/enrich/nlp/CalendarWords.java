package io.copydesk.enrich.nlp;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The English names of months and weekdays, lower case, taken from {@code java.time} so that every
 * part of enrichment reads the calendar the same way.
 */
public final class CalendarWords {
  /** "january" … "december". */
  public static final Set<String> MONTHS =
      names(
          Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH)));

  /**
   * The abbreviations news style uses for months with more than five letters ("jan.", "aug.",
   * "sept." and "sep.", "dec."); shorter months are always spelt out.
   */
  public static final Set<String> MONTH_ABBREVIATIONS =
      names(
          Stream.concat(
              Arrays.stream(Month.values())
                  .filter(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).length() > 5)
                  .map(m -> m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + "."),
              Stream.of("Sept.")));

  /** "monday" … "sunday". */
  public static final Set<String> WEEKDAYS =
      names(
          Arrays.stream(DayOfWeek.values())
              .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)));

  /** Months and weekdays together. */
  public static final Set<String> MONTHS_AND_WEEKDAYS = union(MONTHS, WEEKDAYS);

  private CalendarWords() {}

  /** A set holding every word of the given sets. */
  public static Set<String> union(Set<String> first, Set<String> second) {
    return Stream.concat(first.stream(), second.stream()).collect(Collectors.toUnmodifiableSet());
  }

  private static Set<String> names(Stream<String> names) {
    return names.map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }
}
