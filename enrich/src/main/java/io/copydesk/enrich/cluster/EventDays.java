package io.copydesk.enrich.cluster;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a report says its event happened: the weekdays and calendar dates in its text, as day cues.
 * Two reports of similar incidents ("arrested early Tuesday" and "arrested early Sunday") are told
 * apart by them when nothing else differs.
 *
 * <p>Cues are kept as strings so state stores and the event profile can count them: {@code
 * 2013-09-18} when the date is known, {@code wd:sunday} for a weekday that cannot be placed (no
 * publication time), {@code md:09-18} for a day of the month without a year. Weekdays that date a
 * statement ("said Monday", "told reporters on Monday") or another, earlier incident ("last
 * Monday") are not the event's day and are left out.
 */
final class EventDays {
  private static final String WEEKDAY =
      "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
  private static final String MONTH =
      "(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";
  private static final Pattern WEEKDAY_MENTION =
      Pattern.compile("\\b" + WEEKDAY + "\\b", Pattern.CASE_INSENSITIVE);

  /** "September 18, 2013", "Sept. 18", "FEB. 2, 2009". */
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?",
          Pattern.CASE_INSENSITIVE);

  /** "18 September 2013", "4 Aug 2013". */
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4}))?\\b",
          Pattern.CASE_INSENSITIVE);

  /** ISO dates. Slashed dates ("2/3/2009") are left out: day and month order differs by country. */
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

  /** Words that make the weekday after them the day something was said, not the day it happened. */
  private static final Set<String> SPEECH =
      Set.of(
          "said",
          "says",
          "say",
          "told",
          "announced",
          "stated",
          "added",
          "confirmed",
          "reported",
          "statement",
          "speaking",
          "interview",
          "briefing",
          "wrote",
          "tweeted",
          "posted",
          "updated");

  /** Words that make the weekday after them another occasion. */
  private static final Set<String> OTHER_OCCASION =
      Set.of("last", "next", "previous", "following", "until", "since", "by");

  /** How many words back a speech verb still claims a weekday ("said in a statement on Monday"). */
  private static final int SPEECH_REACH = 5;

  private static final int MAX_DAYS_BACK = 6;

  private EventDays() {}

  /** Day cues in the order the text gives them, each with how often it occurs. */
  static Map<String, Integer> of(String text, Instant publishedAt) {
    Map<String, Integer> days = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return days;
    }
    LocalDate published =
        publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
    Matcher m = WEEKDAY_MENTION.matcher(text);
    while (m.find()) {
      if (!eventDay(text, m.start())) {
        continue;
      }
      DayOfWeek day = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      days.merge(
          published == null ? weekday(day) : onOrBefore(published, day).toString(),
          1,
          Integer::sum);
    }
    calendarDates(text, published, days);
    return days;
  }

  /**
   * Whether two sets of day cues contradict each other: some cues can be compared (a weekday with a
   * weekday or a date; a date with anything) and no comparable pair is within a day. A weekday and
   * a day of the month without a year cannot be compared, so they never contradict.
   */
  static boolean conflict(Set<String> a, Set<String> b) {
    boolean compared = false;
    for (String x : a) {
      for (String y : b) {
        if (comparable(x, y)) {
          compared = true;
          if (sameDay(x, y)) {
            return false;
          }
        }
      }
    }
    return compared;
  }

  private static boolean comparable(String x, String y) {
    return date(x) != null || date(y) != null || x.regionMatches(0, y, 0, 3);
  }

  static boolean sameDay(String x, String y) {
    if (x.equals(y)) {
      return true;
    }
    LocalDate dx = date(x);
    LocalDate dy = date(y);
    if (dx != null && dy != null) {
      return Math.abs(dx.toEpochDay() - dy.toEpochDay()) <= 1;
    }
    if (dx != null || dy != null) {
      LocalDate d = dx != null ? dx : dy;
      String other = dx != null ? y : x;
      return other.equals(weekday(d.getDayOfWeek())) || other.equals(monthDay(d));
    }
    return false;
  }

  private static void calendarDates(String text, LocalDate published, Map<String, Integer> days) {
    List<String> found = new ArrayList<>();
    Matcher md = MONTH_DAY.matcher(text);
    while (md.find()) {
      add(found, month(md.group(1)), md.group(2), md.group(3), published);
    }
    Matcher dm = DAY_MONTH.matcher(text);
    while (dm.find()) {
      add(found, month(dm.group(2)), dm.group(1), dm.group(3), published);
    }
    Matcher iso = ISO.matcher(text);
    while (iso.find()) {
      add(found, Integer.parseInt(iso.group(2)), iso.group(3), iso.group(1), published);
    }
    found.forEach(d -> days.merge(d, 1, Integer::sum));
  }

  private static void add(
      List<String> found, int month, String day, String year, LocalDate published) {
    int d = Integer.parseInt(day);
    if (month < 1 || month > 12 || d < 1 || d > Month.of(month).maxLength()) {
      return;
    }
    if (year != null) {
      try {
        found.add(LocalDate.of(Integer.parseInt(year), month, d).toString());
      } catch (java.time.DateTimeException notADate) {
        // 29 February of a common year: not a date, so not a cue.
      }
      return;
    }
    if (published != null) {
      // A date without a year in a report is at most a few months from its publication.
      LocalDate candidate =
          LocalDate.of(
              published.getYear(),
              month,
              Math.min(d, Month.of(month).length(published.isLeapYear())));
      if (candidate.isAfter(published.plusMonths(6))) {
        candidate = candidate.minusYears(1);
      }
      found.add(candidate.toString());
      return;
    }
    found.add(String.format(Locale.ROOT, "md:%02d-%02d", month, d));
  }

  private static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Month m : Month.values()) {
      if (m.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
          .toLowerCase(Locale.ROOT)
          .startsWith(n.substring(0, 3))) {
        return m.getValue();
      }
    }
    return -1;
  }

  /** A weekday mention is the event's day unless a speech verb or "last"/"next" claims it. */
  private static boolean eventDay(String text, int at) {
    List<String> before = wordsBefore(text, at, SPEECH_REACH);
    if (!before.isEmpty() && OTHER_OCCASION.contains(before.get(before.size() - 1))) {
      return false;
    }
    if (before.stream().anyMatch(SPEECH::contains)) {
      return false;
    }
    // "…, the Pentagon said Monday." is claimed above; "Monday, officials said" by what follows.
    List<String> after = wordsAfter(text, at, 3);
    return after.stream().noneMatch(SPEECH::contains);
  }

  private static List<String> wordsBefore(String text, int at, int n) {
    List<String> words = new ArrayList<>();
    int i = at;
    while (words.size() < n && i > 0) {
      int end = i;
      while (end > 0 && !Character.isLetter(text.charAt(end - 1))) {
        char c = text.charAt(end - 1);
        if (c == '.' || c == '!' || c == '?' || c == '\n') {
          return words; // a sentence boundary ends the reach
        }
        end--;
      }
      int start = end;
      while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
        start--;
      }
      if (start == end) {
        break;
      }
      words.add(0, text.substring(start, end).toLowerCase(Locale.ROOT));
      i = start;
    }
    return words;
  }

  private static List<String> wordsAfter(String text, int at, int n) {
    List<String> words = new ArrayList<>();
    int i = at;
    while (i < text.length() && Character.isLetter(text.charAt(i))) {
      i++; // the weekday itself
    }
    while (words.size() < n && i < text.length()) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == '\n') {
        break;
      }
      if (Character.isLetter(c)) {
        int start = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
          i++;
        }
        words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
      } else {
        i++;
      }
    }
    return words;
  }

  private static LocalDate onOrBefore(LocalDate published, DayOfWeek day) {
    LocalDate d = published;
    for (int i = 0; i <= MAX_DAYS_BACK && d.getDayOfWeek() != day; i++) {
      d = d.minusDays(1);
    }
    return d;
  }

  private static String weekday(DayOfWeek day) {
    return "wd:" + day.name().toLowerCase(Locale.ROOT);
  }

  private static String monthDay(LocalDate d) {
    return String.format(Locale.ROOT, "md:%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
  }

  private static LocalDate date(String cue) {
    return cue.length() == 10 && Character.isDigit(cue.charAt(0)) ? LocalDate.parse(cue) : null;
  }
}
