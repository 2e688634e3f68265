package io.copydesk.enrich.actors;

import io.copydesk.enrich.actors.ActorExtractor.Found;
import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.TextField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Clubs named after places. In sports copy a city, state or county that wins, loses or leads is its
 * team: "Riverton beat Glenford", "Lakemont has won six of its last eight", "Portvale's third
 * loss", "a 3-1 victory over Elmwood". The NER reads such a name as a place; when one occurrence
 * acts as a team in a report that gives a score, every occurrence of the name in the article is the
 * organisation (one name, one reading), except where it is the venue ("in Riverton", a dateline).
 * States in the knowledge base keep their type: a national side is named after its country, and
 * news calls it by the country.
 */
final class TeamsActing {
  /** A score ("3-1", "75-19"), not a date, a range of years or a fraction. */
  private static final Pattern SCORE =
      Pattern.compile("(?<![\\d.,/-])\\d{1,3}-\\d{1,3}(?![\\d.,/-])");

  /** What a team does to its result or to another team, right after its name. */
  static final Set<String> RESULT_VERBS =
      Set.of(
          "beat",
          "beats",
          "defeated",
          "defeats",
          "edged",
          "routed",
          "drew",
          "won",
          "lost",
          "trailed",
          "rallied",
          "clinched",
          "thrashed",
          "crushed",
          "hammered",
          "downed",
          "blanked",
          "overcame",
          "outscored",
          "whipped",
          "swept",
          "shut");

  /** What a team does to another, right before that one's name. */
  private static final Set<String> BEATING =
      Set.of(
          "beat",
          "beats",
          "beating",
          "defeated",
          "defeating",
          "edged",
          "routed",
          "blanked",
          "outscored",
          "thrashed",
          "crushed",
          "hammered",
          "downed",
          "whipped",
          "swept");

  /** "victory over Elmwood", "lead over Glenford". */
  private static final Set<String> OVER = Set.of("victory", "win", "winners", "lead", "triumph");

  /** "Texas's lead", "Boston's seventh loss". */
  private static final Set<String> STANDING =
      Set.of(
          "lead", "win", "victory", "defeat", "loss", "first", "second", "third", "fourth", "fifth",
          "sixth", "seventh", "eighth", "ninth", "tenth", "winning", "losing");

  private static final Set<String> VENUE_PREPOSITIONS = Set.of("in", "at", "near", "outside");

  private static final Pattern ORDINAL = Pattern.compile("\\d+(?:st|nd|rd|th)");

  private TeamsActing() {}

  static List<Found> apply(List<Found> found, AnnotatedText body) {
    if (body == null || !SCORE.matcher(body.text()).find()) {
      return found;
    }
    Map<Integer, Found> placeAt = new HashMap<>();
    for (Found f : found) {
      if (f.field() == TextField.body && isUnknownPlace(f)) {
        placeAt.put(f.begin(), f);
      }
    }
    if (placeAt.isEmpty()) {
      return found;
    }
    Set<String> teams = new HashSet<>();
    Set<Found> venues = new HashSet<>();
    for (Sentence sentence : body.sentences()) {
      List<Token> tokens = sentence.tokens();
      for (int i = 0; i < tokens.size(); i++) {
        Found f = placeAt.get(tokens.get(i).begin());
        if (f == null) {
          continue;
        }
        int end = i;
        while (end < tokens.size() && tokens.get(end).end() <= f.end()) {
          end++;
        }
        if (isVenue(tokens, i)) {
          venues.add(f);
        } else if (actsAsATeam(tokens, i, end)) {
          teams.add(f.surface());
        }
      }
    }
    if (teams.isEmpty()) {
      return found;
    }
    List<Found> out = new ArrayList<>(found.size());
    for (Found f : found) {
      out.add(
          isUnknownPlace(f) && teams.contains(f.surface()) && !venues.contains(f)
              ? f.retyped(ActorType.ORG)
              : f);
    }
    return out;
  }

  /**
   * The place where something happens, not the team: "In Riverton, ...", "at Lakemont", and the
   * place of a dateline or address ("ARLINGTON, Texas").
   */
  static boolean isVenue(List<Token> tokens, int start) {
    String p1 = word(tokens, start - 1);
    if (VENUE_PREPOSITIONS.contains(p1)) {
      return true;
    }
    return p1.equals(",")
        && start >= 2
        && Character.isUpperCase(tokens.get(start - 2).word().codePointAt(0));
  }

  private static boolean isUnknownPlace(Found f) {
    return f.entry() == null
        && !f.implied()
        && (f.type() == ActorType.LOC || f.type() == ActorType.GPE);
  }

  /** Whether the name in tokens [start, end) wins, loses or leads in its sentence. */
  static boolean actsAsATeam(List<Token> tokens, int start, int end) {
    String n1 = word(tokens, end);
    String n2 = word(tokens, end + 1);
    String p1 = word(tokens, start - 1);
    String p2 = word(tokens, start - 2);
    if (RESULT_VERBS.contains(n1)) {
      return true;
    }
    if ((n1.equals("has") || n1.equals("have") || n1.equals("had")) && RESULT_VERBS.contains(n2)) {
      return true;
    }
    if ((n1.equals("'s") || n1.equals("’s"))
        && (STANDING.contains(n2) || ORDINAL.matcher(n2).matches())) {
      return true;
    }
    return BEATING.contains(p1) || (p1.equals("over") && OVER.contains(p2));
  }

  private static String word(List<Token> tokens, int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i).word().toLowerCase(Locale.ROOT) : "";
  }
}
