package io.copydesk.enrich.claims;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Mention;
import io.copydesk.schema.TextField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which pronoun, "he" or "she", the article uses for each named person, learnt from the article
 * alone: a courtesy title before a mention ("Mr. Barrett", "Ms. Lynch") and the first subject or
 * reflexive pronoun after a mention, outside quotations, before anybody else is named ("Lynch said
 * she …"). Object and possessive pronouns are left out: "Trump, her opponent," is about somebody
 * else. The first name of a full name counts as much as a title, by CoreNLP's list of first names
 * ("Antonin Scalia" is male, whatever "she" follows the name). A person with no evidence, or
 * conflicting evidence, has no known gender and agrees with either pronoun.
 */
final class PersonGender {
  enum Gender {
    MALE,
    FEMALE
  }

  /** How far after a mention its pronoun is looked for. */
  private static final int WINDOW = 250;

  private static final Pattern PRONOUN =
      Pattern.compile("\\b(he|himself|she|herself)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MALE_TITLE = Pattern.compile("\\b(Mr|Mister|Sir)\\.?\\s+$");
  private static final Pattern FEMALE_TITLE =
      Pattern.compile("\\b(Mrs|Ms|Miss|Madam|Dame)\\.?\\s+$");

  private final Map<String, Gender> genders = new HashMap<>();

  /**
   * @param canonical the name a person is known by, so that "Clinton" and "Hillary Clinton" pool
   *     their evidence
   */
  PersonGender(
      List<Actor> actors,
      String text,
      List<QuoteSpans.Span> quotes,
      Function<Actor, String> canonical) {
    List<Mention> people = new ArrayList<>();
    Map<Mention, Actor> owner = new IdentityHashMap<>();
    for (Actor a : actors) {
      if (a.getType() != ActorType.PERSON) {
        continue;
      }
      for (Mention m : a.getMentions()) {
        if (m.getField() == TextField.body) {
          people.add(m);
          owner.put(m, a);
        }
      }
    }
    people.sort((x, y) -> Integer.compare(x.getStart(), y.getStart()));
    Map<String, int[]> votes = new HashMap<>();
    for (int i = 0; i < people.size(); i++) {
      Mention m = people.get(i);
      Actor a = owner.get(m);
      int[] v = votes.computeIfAbsent(canonical.apply(a), k -> new int[2]);
      Gender titled = titleBefore(text, m.getStart());
      if (titled == null) {
        // The mention may hold its title: "Mr. Barrett".
        int space = text.indexOf(' ', m.getStart());
        titled = space > 0 && space < m.getEnd() ? titleBefore(text, space + 1) : null;
      }
      if (titled != null) {
        v[titled.ordinal()] += 2;
      }
      if (inside(quotes, m.getStart()) || !subjectLike(text, m.getStart())) {
        continue; // "enthusiasm for Trump: “…,” she said" tells nothing of Trump
      }
      int limit = Math.min(text.length(), m.getEnd() + WINDOW);
      for (int j = i + 1; j < people.size(); j++) {
        Mention next = people.get(j);
        if (next.getStart() >= m.getEnd() && owner.get(next) != a) {
          limit = Math.min(limit, next.getStart());
          break;
        }
      }
      Gender g = firstPronoun(text, m.getEnd(), limit, quotes);
      if (g != null) {
        v[g.ordinal()]++;
      }
    }
    votes.forEach(
        (name, v) -> {
          Gender byName = byFirstName(name);
          if (byName != null) {
            v[byName.ordinal()] += 2; // as much as a title: "Antonin Scalia" is a man
          }
          if (v[0] != v[1]) {
            genders.put(name, v[0] > v[1] ? Gender.MALE : Gender.FEMALE);
          }
        });
  }

  /** Where CoreNLP's models keep first names with the gender they mostly go with. */
  private static final String FIRST_NAMES = "edu/stanford/nlp/models/dcoref/namegender.combine.txt";

  /** The list, read once per JVM on first use (holder idiom, as for {@code CueTagger}'s model). */
  private static final class FirstNames {
    static final Map<String, Gender> BY_NAME = loadFirstNames();
  }

  private static final Pattern FIRST_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+");

  /**
   * The gender a full name's first name goes with in CoreNLP's name list ("Antonin Scalia": male),
   * for a person the article gives no evidence for; null for a one-word name, a name listed with
   * both genders ("Jordan"), or one not listed.
   */
  static Gender byFirstName(String name) {
    String[] words = name.split("\\s+");
    if (words.length < 2 || !FIRST_NAME.matcher(words[0]).matches()) {
      return null;
    }
    return FirstNames.BY_NAME.get(words[0].toLowerCase(Locale.ROOT));
  }

  private static Map<String, Gender> loadFirstNames() {
    Map<String, Gender> names = new HashMap<>();
    java.util.Set<String> both = new java.util.HashSet<>();
    try (java.io.InputStream in =
        PersonGender.class.getClassLoader().getResourceAsStream(FIRST_NAMES)) {
      if (in == null) {
        return Map.of();
      }
      java.io.BufferedReader r =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        if (f.length != 2 || !(f[1].equals("MALE") || f[1].equals("FEMALE"))) {
          continue;
        }
        Gender g = Gender.valueOf(f[1]);
        Gender had = names.putIfAbsent(f[0], g);
        if (had != null && had != g) {
          both.add(f[0]);
        }
      }
    } catch (java.io.IOException e) {
      return Map.of(); // no list: the article's own evidence alone
    }
    both.forEach(names::remove);
    return Map.copyOf(names);
  }

  /** Words after which a name is an object or a modifier, never a clause's subject. */
  private static final java.util.Set<String> BEFORE_OBJECTS =
      java.util.Set.of(
          "for", "to", "of", "with", "by", "about", "against", "on", "at", "from", "in", "into",
          "than", "toward", "towards", "over", "under", "behind", "like", "upon", "the");

  /**
   * Whether the name at {@code start} may be a subject that a later "he" or "she" continues: not
   * after a preposition ("loyalists to Joe Biden", "enthusiasm for Trump"), an article ("on The
   * Laura Ingraham Show", "the Clinton campaign"), or as the second of two names ("Biden and
   * Sanders").
   */
  static boolean subjectLike(String text, int start) {
    int end = start;
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    int from = end;
    while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
      from--;
    }
    String before = text.substring(from, end);
    return !(BEFORE_OBJECTS.contains(before.toLowerCase(Locale.ROOT))
        || before.equals("and")
        || before.equals("or"));
  }

  /** The gender the article gives this person, or null when it does not tell. */
  Gender of(String name) {
    return genders.get(name);
  }

  /** Whether the pronoun ("he", "she", any case) may stand for the person. */
  boolean agrees(String name, String pronoun) {
    Gender wanted = ofPronoun(pronoun);
    Gender g = genders.get(name);
    return wanted == null || g == null || g == wanted;
  }

  static Gender ofPronoun(String pronoun) {
    return switch (pronoun.toLowerCase(Locale.ROOT)) {
      case "he", "him", "his", "himself" -> Gender.MALE;
      case "she", "her", "hers", "herself" -> Gender.FEMALE;
      default -> null;
    };
  }

  private static Gender titleBefore(String text, int offset) {
    String before = text.substring(Math.max(0, offset - 8), offset);
    if (MALE_TITLE.matcher(before).find()) {
      return Gender.MALE;
    }
    return FEMALE_TITLE.matcher(before).find() ? Gender.FEMALE : null;
  }

  private static Gender firstPronoun(String text, int from, int to, List<QuoteSpans.Span> quotes) {
    if (to <= from) {
      return null;
    }
    Matcher p = PRONOUN.matcher(text).region(from, to);
    while (p.find()) {
      if (!inside(quotes, p.start())) {
        return ofPronoun(p.group(1));
      }
    }
    return null;
  }

  private static boolean inside(List<QuoteSpans.Span> quotes, int offset) {
    for (QuoteSpans.Span q : quotes) {
      if (q.contains(offset)) {
        return true;
      }
    }
    return false;
  }
}
