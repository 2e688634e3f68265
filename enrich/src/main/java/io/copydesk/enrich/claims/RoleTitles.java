package io.copydesk.enrich.claims;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Mention;
import io.copydesk.schema.TextField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The titles the article gives each named person, so that a later definite description ("the
 * senator", "the GOP nominee", "the former secretary of state") points back to that person: the
 * words right before a mention ("Republican nominee Donald Trump", "Indiana Gov. Mike Pence"), a
 * short appositive after it ("Hillary Clinton, the former secretary of state,") and the actor's
 * role. A title's head is its last noun ("nominee", "governor"), or the noun before "of"
 * ("secretary of state"); abbreviated titles are read in full ("Sen." is "senator").
 */
final class RoleTitles {
  /** How much text before a mention may hold its title. */
  private static final int BEFORE = 80;

  private static final int MAX_TITLE_WORDS = 6;

  /** English abbreviations of titles that stand before a name. */
  private static final Map<String, String> ABBREVIATIONS = abbreviations();

  private static Map<String, String> abbreviations() {
    Map<String, String> m = new HashMap<>();
    for (String pair :
        ("sen=senator gov=governor rep=representative gen=general pres=president sec=secretary"
                + " atty=attorney amb=ambassador lt=lieutenant col=colonel adm=admiral"
                + " supt=superintendent insp=inspector")
            .split(" ")) {
      m.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return Map.copyOf(m);
  }

  private static final Pattern APPOSITIVE =
      Pattern.compile("^,\\s+((?:the|a|an)\\s+)?([^,.;:()\"“”]{2,80})[,.;]");

  private static final Set<String> LINKS = Set.of("of", "for", "from", "at", "to", "on", "in");

  private static final Set<String> NOT_TITLES = Set.of("who", "which", "whose", "that", "whom");

  /** Per canonical name: the heads of its titles, and every word of them. */
  private final Map<String, Set<String>> heads = new HashMap<>();

  private final Map<String, Set<String>> words = new HashMap<>();

  RoleTitles(List<Actor> actors, String text, Function<Actor, String> canonical) {
    for (Actor a : actors) {
      if (a.getType() != ActorType.PERSON) {
        continue;
      }
      String name = canonical.apply(a);
      List<String> role = a.getRole() == null ? List.of() : words(a.getRole());
      if (!role.isEmpty()) {
        add(name, role, normalHead(role));
      }
      for (Mention m : a.getMentions()) {
        if (m.getField() != TextField.body) {
          continue;
        }
        List<String> title = before(text, m.getStart());
        if (!title.isEmpty()) {
          // Before a name, the title's head is the word next to it: "GOP nominee Donald Trump".
          add(name, title, title.get(title.size() - 1));
        }
        Matcher ap = APPOSITIVE.matcher(text.substring(m.getEnd()));
        if (ap.find()) {
          List<String> appositive = words(ap.group(2));
          if (!appositive.isEmpty()
              && appositive.size() <= MAX_TITLE_WORDS + 2
              && !NOT_TITLES.contains(appositive.get(0))) {
            add(name, appositive, normalHead(appositive));
          }
        }
      }
    }
  }

  /**
   * How well a description ("GOP nominee", "former president") fits the person: -1 when its head is
   * none of the person's titles, else how many of its other words the titles hold.
   */
  int fit(String name, String description) {
    List<String> d = words(description);
    String[] written = description.split("\\s+");
    if (d.isEmpty()
        || Character.isUpperCase(written[written.length - 1].codePointAt(0))
        || !heads.getOrDefault(name, Set.of()).contains(normalHead(d))) {
      return -1;
    }
    Set<String> all = words.getOrDefault(name, Set.of());
    // Of its proper words one at least must be the person's: "the Pentagon spokesman".
    boolean properWords = false;
    boolean properMatch = false;
    for (String w : description.split("\\s+")) {
      List<String> proper = words(w);
      if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0)) && !proper.isEmpty()) {
        properWords = true;
        properMatch |= all.contains(proper.get(0));
      }
    }
    if (properWords && !properMatch) {
      return -1;
    }
    return (int) d.stream().filter(all::contains).count() - 1;
  }

  /** The head, with a spokesman, spokeswoman, spokesperson and press secretary as one. */
  private static String normalHead(List<String> title) {
    String h = head(title);
    return h.startsWith("spokes") || (h.equals("secretary") && title.contains("press"))
        ? "spokesperson"
        : h;
  }

  /** The title's head: its last word, or the word before a linking preposition. */
  static String head(List<String> title) {
    for (int i = 1; i < title.size(); i++) {
      if (LINKS.contains(title.get(i))) {
        return title.get(i - 1);
      }
    }
    return title.get(title.size() - 1);
  }

  private void add(String name, List<String> title, String head) {
    heads
        .computeIfAbsent(name, k -> new HashSet<>())
        .add(head.startsWith("spokes") ? "spokesperson" : head);
    words.computeIfAbsent(name, k -> new HashSet<>()).addAll(title);
  }

  /** The last words before a mention, back to the sentence's start or a punctuation mark. */
  private static List<String> before(String text, int start) {
    String window = text.substring(Math.max(0, start - BEFORE), start);
    List<String> kept = words(window.substring(Math.max(lastMark(window), 0)));
    return kept.size() > MAX_TITLE_WORDS
        ? kept.subList(kept.size() - MAX_TITLE_WORDS, kept.size())
        : kept;
  }

  /** Where the clause holding the end of the window starts: after , ; : quotes, or ". ". */
  private static int lastMark(String window) {
    int at = -1;
    for (int i = 0; i < window.length(); i++) {
      char c = window.charAt(i);
      if (",;:()\"“”\n".indexOf(c) >= 0) {
        at = i + 1;
      } else if ((c == '.' || c == '!' || c == '?')
          && i + 1 < window.length()
          && Character.isWhitespace(window.charAt(i + 1))
          && !abbreviationEndsAt(window, i)) {
        at = i + 1;
      }
    }
    return at;
  }

  private static boolean abbreviationEndsAt(String window, int period) {
    int s = period;
    while (s > 0 && Character.isLetter(window.charAt(s - 1))) {
      s--;
    }
    String w = window.substring(s, period).toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.containsKey(w) || w.equals("mr") || w.equals("mrs") || w.equals("ms");
  }

  // Compiled once: words() runs for every actor's role and every description read.
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}.'’-]+");
  private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
  private static final Pattern EDGE_MARKS = Pattern.compile("^[.'’-]+|[.'’-]+$");

  /** Lower-case words, abbreviated titles in full, possessives and dots dropped. */
  static List<String> words(String phrase) {
    List<String> out = new java.util.ArrayList<>();
    for (String w : NOT_WORD.split(phrase.toLowerCase(Locale.ROOT))) {
      String t = EDGE_MARKS.matcher(POSSESSIVE.matcher(w).replaceAll("")).replaceAll("");
      if (!t.isEmpty() && !t.equals("the") && !t.equals("a") && !t.equals("an")) {
        out.add(ABBREVIATIONS.getOrDefault(t, t));
      }
    }
    return out;
  }
}
