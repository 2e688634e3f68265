package io.copydesk.enrich.cluster;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.EnrichedArticle;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What clustering compares of an article: its content terms (headline counted twice), its actors
 * weighted by salience, its publication time when the input gave one, and what dates it: the years
 * and event days it names and the specific numbers it reports.
 *
 * @param actors keyed {@code TYPE:name}; people by surname, so "Palin" in one report and "Sarah
 *     Palin" in another are one person
 * @param numbers numbers specific enough that two reports sharing one likely count the same thing
 *     (a toll of 14,000, a magnitude of 6.1); not years, times of day or small counts
 */
public record ArticleProfile(
    String id,
    Map<String, Integer> terms,
    Map<String, Double> actors,
    Instant publishedAt,
    Set<String> years,
    Set<String> days,
    Set<String> numbers) {
  static final int HEADLINE_WEIGHT = 2;
  private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");

  /** A number not glued to a word, a time ("10:55") or a decimal point before it. */
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.:,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\w:])");

  /** Integers below this are too common ("two officials", "3 facilities") to tell events apart. */
  private static final int SPECIFIC_FROM = 10;

  public ArticleProfile {
    terms = Map.copyOf(terms);
    actors = Map.copyOf(actors);
    years = Set.copyOf(years);
    days = Set.copyOf(days);
    numbers = Set.copyOf(numbers);
  }

  public static ArticleProfile of(EnrichedArticle e) {
    String headline = e.getArticle().getHeadline() == null ? "" : e.getArticle().getHeadline();
    String body = e.getArticle().getBody() == null ? "" : e.getArticle().getBody();
    Map<String, Integer> terms = new HashMap<>(Terms.of(body, 1));
    Terms.of(headline, HEADLINE_WEIGHT).forEach((t, n) -> terms.merge(t, n, Integer::sum));
    String text = headline + "\n" + body;
    Instant published = e.getArticle().getPublishedAt();
    return new ArticleProfile(
        e.getArticle().getId(),
        terms,
        actors(e.getActors()),
        published,
        years(text),
        mainDays(EventDays.of(text, published)),
        numbers(text));
  }

  /** Years the text names: two reports naming only different years are about different events. */
  static Set<String> years(String text) {
    Set<String> years = new TreeSet<>();
    Matcher m = YEAR.matcher(text);
    while (m.find()) {
      years.add(m.group(1));
    }
    return years;
  }

  static Set<String> numbers(String text) {
    Set<String> numbers = new TreeSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String whole = m.group(1).replace(",", "");
      boolean decimal = m.group(2) != null;
      if (whole.length() > 9 || YEAR.matcher(whole).matches() && !decimal) {
        continue;
      }
      if (decimal || Long.parseLong(whole) >= SPECIFIC_FROM) {
        numbers.add(decimal ? whole + m.group(2) : whole);
      }
    }
    return numbers;
  }

  /** The day cues a report repeats most: the day of its event, not of the background it gives. */
  static Set<String> mainDays(Map<String, Integer> cues) {
    int top = cues.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Set<String> main = new TreeSet<>();
    cues.forEach(
        (cue, n) -> {
          if (n == top) {
            main.add(cue);
          }
        });
    return main;
  }

  /** Actors that identify an event: who and where, by salience; generic places count less. */
  static Map<String, Double> actors(List<Actor> actors) {
    Map<String, Double> weights = new HashMap<>();
    for (Actor a : actors) {
      double w = Math.max(0.05, a.getSalience());
      if (a.getType() == ActorType.GPE) {
        w *= 0.5; // countries recur across unrelated events
      }
      weights.merge(key(a), w, Double::sum);
    }
    return weights;
  }

  private static String key(Actor a) {
    String name = a.getName().toLowerCase(Locale.ROOT).trim();
    if (a.getType() == ActorType.PERSON) {
      // Reports name a person in full or by surname alone; the surname is what they share.
      name = name.substring(name.lastIndexOf(' ') + 1);
    }
    return a.getType() + ":" + name;
  }
}
