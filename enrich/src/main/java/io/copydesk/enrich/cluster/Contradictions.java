package io.copydesk.enrich.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What tells two similar reports apart as different incidents: the person or the place each is most
 * about is absent from the other, they name only different years, or they put their event on
 * different days. Pure functions over profiles.
 */
final class Contradictions {
  private static final String PERSON = "PERSON:";
  private static final List<String> PLACES = List.of("GPE:", "LOC:");

  private Contradictions() {}

  /** The person each is most about is absent from the other. */
  static boolean person(ArticleProfile a, Map<String, Double> otherActors) {
    return leadingAbsent(a, otherActors, List.of(PERSON));
  }

  /** The place each is most about (the leading LOC or GPE actor) is absent from the other. */
  static boolean place(ArticleProfile a, Map<String, Double> otherActors) {
    return leadingAbsent(a, otherActors, PLACES);
  }

  /** Both name years, and only different ones. */
  static boolean year(ArticleProfile a, Set<String> otherYears) {
    return !a.years().isEmpty() && !otherYears.isEmpty() && disjoint(a.years(), otherYears);
  }

  /** Both put their event on days, and on different ones. */
  static boolean day(ArticleProfile a, Set<String> otherDays) {
    return !a.days().isEmpty() && !otherDays.isEmpty() && EventDays.conflict(a.days(), otherDays);
  }

  /** How many of person, year and day contradict: the hand-set pair score is cut once for each. */
  static int count(
      ArticleProfile a,
      Map<String, Double> otherActors,
      Set<String> otherYears,
      Set<String> otherDays) {
    return (person(a, otherActors) ? 1 : 0)
        + (year(a, otherYears) ? 1 : 0)
        + (day(a, otherDays) ? 1 : 0);
  }

  /**
   * The days most of an event's reports give: a stray mention does not make every day compatible.
   */
  static Set<String> mainDays(Map<String, Integer> days) {
    int top = days.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Set<String> main = new TreeSet<>();
    days.forEach(
        (d, n) -> {
          if (2 * n >= top) {
            main.add(d);
          }
        });
    return main;
  }

  static boolean disjoint(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    return small.stream().noneMatch(large::contains);
  }

  private static boolean leadingAbsent(
      ArticleProfile a, Map<String, Double> otherActors, List<String> types) {
    String mine = leading(a.actors(), types);
    String theirs = leading(otherActors, types);
    return mine != null
        && theirs != null
        && (!otherActors.containsKey(mine) || !a.actors().containsKey(theirs));
  }

  /**
   * The most salient actor whose key has one of these type prefixes; ties go to the first in key
   * order, so the choice is deterministic. One pass over the map, without sorting a copy of it:
   * this runs for every candidate event and every report compared.
   */
  private static String leading(Map<String, Double> actors, List<String> types) {
    String best = null;
    double top = 0;
    for (Map.Entry<String, Double> x : actors.entrySet()) {
      double salience = x.getValue();
      String key = x.getKey();
      boolean higher =
          salience > top || (best != null && salience == top && key.compareTo(best) < 0);
      if (higher && hasPrefix(key, types)) {
        best = key;
        top = salience;
      }
    }
    return best;
  }

  private static boolean hasPrefix(String key, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
