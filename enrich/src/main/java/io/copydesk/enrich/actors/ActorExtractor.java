package io.copydesk.enrich.actors;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Mention;
import io.copydesk.schema.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns entity-labelled text into actors: one per real-world entity per article, with a canonical
 * name, a type, the surface forms seen, every mention, a role where the text gives one, and a
 * salience. Plain Java over the NLP layer's tokens; the rules are about English news prose:
 *
 * <ul>
 *   <li>Known actors (the curated knowledge base) are found by name or alias even where the NER
 *       misses or splits them, and get the knowledge base's canonical name and type.
 *   <li>Titles are not names: the words before a person that make a title ("Pentagon Press
 *       Secretary") become the person's role, as does an appositive ("Nancy Pelosi, the House
 *       Speaker,"); entity labels inside a title are not actors of their own.
 *   <li>People are canonicalised within the article: "Biden" is the "Joe Biden" named elsewhere.
 *   <li>Demonyms and capitals stand for their state when the phrase makes them act ("Iranian
 *       officials", "Tehran said").
 *   <li>A name starts with a word and ends with a name word: "-- Ann Cole" is Ann Cole, "Jiangsu
 *       province" is Jiangsu. States shouted in capitals ("EL SALVADOR") are the known states.
 *   <li>A city or county that wins or loses in a report with a score is its club ({@link
 *       TeamsActing}).
 *   <li>Headlines and title-case lines fool the NER ("Iraq-Syria Airstrikes"): what is found only
 *       there counts only if the body confirms it or the knowledge base knows it.
 * </ul>
 */
public final class ActorExtractor {
  private final KnowledgeBase kb;

  public ActorExtractor(KnowledgeBase kb) {
    this.kb = kb;
  }

  /**
   * A mention before grouping. {@code entry} is set for knowledge-base actors. An {@code implied}
   * mention names its actor only by implication ("Iranian" in "Iranian officials" is Iran acting):
   * it joins the actor as an alias but is not a span where the actor is named, and makes no actor
   * on its own.
   */
  record Found(
      TextField field,
      int begin,
      int end,
      String surface,
      ActorType type,
      KnowledgeBase.Entry entry,
      String role,
      boolean needsConfirmation,
      boolean implied) {
    /** The same span read as another type: no longer the knowledge base's actor. */
    Found retyped(ActorType newType) {
      return new Found(field, begin, end, surface, newType, null, role, needsConfirmation, false);
    }
  }

  /** A run of tokens [start, end) in a sentence. */
  private record Span(int start, int end, String label, KnowledgeBase.Entry entry) {
    boolean overlaps(Span o) {
      return start < o.end && o.start < end;
    }

    boolean contains(Span o) {
      return start <= o.start && o.end <= end;
    }
  }

  public List<Actor> extract(AnnotatedText headline, AnnotatedText body) {
    List<Found> found = new ArrayList<>();
    if (headline != null) {
      scan(headline, TextField.headline, found);
    }
    scan(body, TextField.body, found);
    CommonWords common = CommonWords.of(headline, body);
    List<Found> consistent =
        DocumentConsistency.apply(confirmed(found, common), headline, body, common);
    List<Found> listed = ListConsistency.apply(Surnames.apply(consistent, common), body, common);
    return group(TeamsActing.apply(listed, body), body.text().length());
  }

  private void scan(AnnotatedText text, TextField field, List<Found> out) {
    for (Sentence sentence : text.sentences()) {
      List<Token> tokens = sentence.tokens();
      boolean unreliable = field == TextField.headline || isTitleCase(tokens);
      List<Span> known = gazetteer(text.text(), tokens);
      List<Span> roles = new ArrayList<>();
      Map<Span, String> roleOf = new HashMap<>();
      List<Span> entities = new ArrayList<>();
      for (Span run : entityRuns(tokens)) {
        Span trimmed = trimEdges(tokens, run);
        if (trimmed == null) {
          continue;
        }
        Span s = trimmed.label().equals("PERSON") ? stripLeadingTitles(tokens, trimmed) : trimmed;
        if (s != null && keep(tokens, s)) {
          entities.add(s);
        }
      }
      for (Span person : entities) {
        if (person.label().equals("PERSON")) {
          Span role = roleBefore(tokens, person.start());
          if (role == null) {
            role = appositiveAfter(tokens, person.end());
          }
          if (role != null) {
            roles.add(role);
            roleOf.put(
                person,
                text.text()
                    .substring(tokens.get(role.start()).begin(), tokens.get(role.end() - 1).end()));
          }
        }
      }
      List<Span> kept = new ArrayList<>();
      for (Span k : known) {
        boolean labelled = entities.stream().anyMatch(k::overlaps);
        if (labelled || unreliable || !leadsALongerName(tokens, k)) {
          kept.add(
              k); // in prose, "the U.S. Open" and "the Hong Kong Open" are not mentions of a state
        }
      }
      for (Span e : entities) {
        if (e.end() - e.start() == 1
            && Lexicon.isTitleWord(tokens.get(e.start()).word())
            && roles.stream().anyMatch(r -> r.contains(e))) {
          continue; // "State" in "Secretary of State"; "Real Madrid" in "Real Madrid coach" is the
          // club
        }
        Optional<Span> overlapping = known.stream().filter(k -> k.overlaps(e)).findFirst();
        if (overlapping.isPresent()) {
          Span k = overlapping.get();
          boolean nerIsLonger = e.contains(k) && (e.end() - e.start()) > (k.end() - k.start());
          boolean personNamedLikeAPlace =
              e.label().equals("PERSON")
                  && e.start() == k.start()
                  && e.end() == k.end()
                  && (k.entry().type() == ActorType.GPE || k.entry().type() == ActorType.LOC);
          if ((nerIsLonger && (e.label().equals("PERSON") || !onlyGenericExtra(tokens, e, k)))
              || personNamedLikeAPlace) {
            kept.remove(
                k); // "Michael Jordan" is not Jordan; "East Syria" is a region; "Holland" the
            // player
            kept.add(e);
          }
          continue;
        }
        kept.add(e);
      }
      for (Span s : kept) {
        String surface =
            text.text().substring(tokens.get(s.start()).begin(), tokens.get(s.end() - 1).end());
        Span asCapital = s.entry() == null ? capitalActing(tokens, s, surface) : null;
        if (asCapital != null) {
          out.add(
              new Found(
                  field,
                  tokens.get(s.start()).begin(),
                  tokens.get(s.end() - 1).end(),
                  surface,
                  ActorType.GPE,
                  asCapital.entry(),
                  null,
                  false,
                  false));
          continue;
        }
        ActorType type = s.entry() != null ? s.entry().type() : typeOf(s.label());
        out.add(
            new Found(
                field,
                tokens.get(s.start()).begin(),
                tokens.get(s.end() - 1).end(),
                surface,
                type,
                s.entry(),
                roleOf.get(s),
                unreliable && s.entry() == null,
                false));
      }
      demonymsActing(text.text(), tokens, field, out);
    }
  }

  /** Maximal runs of tokens with the same entity label. */
  private static List<Span> entityRuns(List<Token> tokens) {
    List<Span> runs = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (!t.isEntity()) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size() && tokens.get(j).entity().equals(t.entity())) {
        j++;
      }
      runs.add(new Span(i, j, t.entity(), null));
      i = j;
    }
    return runs;
  }

  /**
   * A name starts with a word and ends with a name word: leading punctuation ("-- Ann Cole" in a
   * sign-off) and trailing lower-case words ("Jiangsu province", "the Atlas mountains") are not
   * part of it. Null when nothing is left.
   */
  private static Span trimEdges(List<Token> tokens, Span run) {
    int start = run.start();
    int end = run.end();
    while (start < end && !isWord(tokens.get(start).word())) {
      start++;
    }
    while (end - 1 > start
        && isLowerCaseWord(tokens.get(end - 1).word())
        && tokens.get(end - 2).end() < tokens.get(end - 1).begin()) {
      end--; // a separate word: "Li In-mo" keeps "mo"
    }
    if (start == end) {
      return null;
    }
    return start == run.start() && end == run.end() ? run : new Span(start, end, run.label(), null);
  }

  private static boolean isLowerCaseWord(String w) {
    return w.codePoints().allMatch(Character::isLowerCase);
  }

  /** Knowledge-base names and aliases in the sentence, longest match first, token-aligned. */
  private List<Span> gazetteer(String text, List<Token> tokens) {
    List<Span> matches = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String first = tokens.get(i).word();
      if (!Character.isUpperCase(first.codePointAt(0))) {
        i++; // names are capitalised; "us" is not the US
        continue;
      }
      // A word in capitals may start a name in title case ("EL SALVADOR" is El Salvador).
      boolean plain = kb.mayStartAName(first);
      boolean shouted = isUpperCase(first) && kb.mayStartAName(titleCase(first));
      if (!plain && !shouted) {
        i++;
        continue;
      }
      Span best = null;
      for (int n = Math.min(kb.longestFormTokens() * 2 + 1, tokens.size() - i);
          n >= 1 && best == null;
          n--) {
        if (!isWord(tokens.get(i + n - 1).word())) {
          continue; // "Iran ." is Iran, but the full stop is not part of the mention
        }
        String candidate = text.substring(tokens.get(i).begin(), tokens.get(i + n - 1).end());
        Optional<KnowledgeBase.Entry> e = plain ? kb.lookup(candidate) : Optional.empty();
        if (e.isEmpty() && shouted && isShouted(candidate)) {
          e = kb.lookup(titleCase(candidate)).filter(ActorExtractor::isPlace);
        }
        if (e.isPresent()) {
          best = new Span(i, i + n, e.get().type().name(), e.get());
        }
      }
      if (best != null) {
        matches.add(best);
        i = best.end();
      } else {
        i++;
      }
    }
    return matches;
  }

  /**
   * Written in capitals, as headlines and results lines shout place names ("CANADA BEAT EL
   * SALVADOR"): at least four letters and none in lower case, so that acronyms ("US", "UN") keep
   * their own reading.
   */
  private static boolean isShouted(String s) {
    return s.codePoints().filter(Character::isLetter).count() >= 4 && isUpperCase(s);
  }

  private static boolean isUpperCase(String s) {
    return s.codePoints().noneMatch(Character::isLowerCase);
  }

  /** "EL SALVADOR" as the knowledge base writes it: "El Salvador". */
  private static String titleCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean wordStart = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(wordStart ? c : Character.toLowerCase(c));
      wordStart = !Character.isLetter(c);
    }
    return b.toString();
  }

  /** States and places: the only knowledge-base entries a shouted name is looked up for. */
  private static boolean isPlace(KnowledgeBase.Entry e) {
    return e.type() == ActorType.GPE || e.type() == ActorType.LOC;
  }

  /**
   * A capitalised word other than a title right after the span: "U.S. Open", but not "U.S.
   * President".
   */
  private static boolean leadsALongerName(List<Token> tokens, Span s) {
    if (s.end() >= tokens.size()) {
      return false;
    }
    String next = tokens.get(s.end()).word();
    return Character.isUpperCase(next.codePointAt(0))
        && next.chars().anyMatch(Character::isLowerCase)
        && !Lexicon.isTitleWord(next)
        && !Lexicon.CALENDAR.contains(next.toLowerCase(Locale.ROOT));
  }

  private static boolean isWord(String token) {
    return token.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Drops calendar words, sentence-initial adverbs and other shapes that are never actors. */
  private static boolean keep(List<Token> tokens, Span s) {
    if (s.end() - s.start() == 1) {
      String w = tokens.get(s.start()).word();
      if (Lexicon.CALENDAR.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
      boolean sentenceInitial = s.start() == 0 || isOpeningQuote(tokens.get(s.start() - 1).word());
      if (sentenceInitial
          && w.length() > 6
          && w.toLowerCase(Locale.ROOT).endsWith("ly")
          && !s.label().equals("LOCATION")) {
        return false; // "Definitely, ..." at the start of a quote
      }
    }
    for (int i = s.start(); i < s.end(); i++) {
      if (Character.isUpperCase(tokens.get(i).word().codePointAt(0))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOpeningQuote(String w) {
    return w.equals("\"")
        || w.equals("“")
        || w.equals("``")
        || w.equals("'")
        || w.equals("‘")
        || w.equals("(");
  }

  /** "Spokesman John Kirby" tagged as one person: the title words are not the name. */
  private static Span stripLeadingTitles(List<Token> tokens, Span person) {
    int start = person.start();
    while (start < person.end() - 1 && Lexicon.isTitleWord(tokens.get(start).word())) {
      start++;
    }
    return start == person.start() ? person : new Span(start, person.end(), person.label(), null);
  }

  /**
   * The title phrase right before a person: capitalised words, title words and connectors,
   * containing at least one title head ("Pentagon Press Secretary", "foreign ministry spokesman",
   * "Secretary of State", "former President").
   */
  private static Span roleBefore(List<Token> tokens, int personStart) {
    int start = personStart;
    boolean head = false;
    for (int j = personStart - 1; j >= 0; j--) {
      String w = tokens.get(j).word();
      boolean titleWord = Lexicon.isTitleWord(w);
      boolean capitalised =
          Character.isUpperCase(w.codePointAt(0)) && w.chars().anyMatch(Character::isLowerCase);
      boolean acronym =
          w.length() >= 2 && w.replace(".", "").chars().allMatch(Character::isUpperCase);
      if (!(titleWord || capitalised || acronym)) {
        break;
      }
      head |= Lexicon.isTitleHead(w);
      start = j;
    }
    while (start < personStart && isConnector(tokens.get(start).word())) {
      start++;
    }
    if (!head || start == personStart) {
      return null;
    }
    // The phrase must end in a title word: "Iraq's" or "Biden" right before a name is not a role.
    return Lexicon.isTitleWord(tokens.get(personStart - 1).word())
        ? new Span(start, personStart, "ROLE", null)
        : null;
  }

  /** "Nancy Pelosi, the House Speaker," : a short appositive with a title head. */
  private static Span appositiveAfter(List<Token> tokens, int personEnd) {
    if (personEnd >= tokens.size() || !tokens.get(personEnd).word().equals(",")) {
      return null;
    }
    int start = personEnd + 1;
    if (start < tokens.size() && isConnector(tokens.get(start).word())) {
      start++;
    }
    boolean head = false;
    int end = start;
    while (end < tokens.size() && end - start < 6) {
      String w = tokens.get(end).word();
      if (w.equals(",") || w.equals(".") || w.equals(";")) {
        break;
      }
      if (!Lexicon.isTitleWord(w) && !Character.isUpperCase(w.codePointAt(0))) {
        return null;
      }
      head |= Lexicon.isTitleHead(w);
      end++;
    }
    boolean closed =
        end < tokens.size()
            && (tokens.get(end).word().equals(",") || tokens.get(end).word().equals("."));
    return head && closed && end > start ? new Span(start, end, "ROLE", null) : null;
  }

  private static boolean isConnector(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return l.equals("the")
        || l.equals("a")
        || l.equals("an")
        || l.equals("of")
        || l.equals("and")
        || l.equals("for");
  }

  /** An organisation name that is a known one plus generic words ("CNN News") is the known one. */
  private static boolean onlyGenericExtra(List<Token> tokens, Span ner, Span known) {
    for (int i = ner.start(); i < ner.end(); i++) {
      if (i >= known.start() && i < known.end()) {
        continue;
      }
      String w = tokens.get(i).word().toLowerCase(Locale.ROOT);
      if (!Lexicon.ORG_GENERIC_TAILS.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** "Tehran said", "Washington and Tehran are planning": a capital acting for its state. */
  private Span capitalActing(List<Token> tokens, Span s, String surface) {
    Optional<KnowledgeBase.Entry> state = kb.byCapital(surface);
    if (state.isEmpty() || !s.label().equals("LOCATION")) {
      return null;
    }
    int j = s.end();
    while (j + 1 < tokens.size()
        && tokens.get(j).word().equalsIgnoreCase("and")
        && kb.byCapital(tokens.get(j + 1).word()).isPresent()) {
      j += 2;
    }
    if (j < tokens.size()
        && Lexicon.STATE_VERBS.contains(tokens.get(j).word().toLowerCase(Locale.ROOT))) {
      return new Span(s.start(), s.end(), "GPE", state.get());
    }
    return null;
  }

  /** "Iranian officials", "the Iraqi military": a demonym acting for its state. */
  private void demonymsActing(String text, List<Token> tokens, TextField field, List<Found> out) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      Optional<KnowledgeBase.Entry> state = kb.byDemonym(t.word());
      if (state.isPresent()
          && Lexicon.STATE_AGENTS.contains(tokens.get(i + 1).word().toLowerCase(Locale.ROOT))) {
        out.add(
            new Found(
                field,
                t.begin(),
                t.end(),
                text.substring(t.begin(), t.end()),
                state.get().type(),
                state.get(),
                null,
                false,
                true));
      }
    }
  }

  /**
   * A headline or subhead inside the body, where the NER is unreliable: most long words capitalised
   * and no sentence-final punctuation (a sentence with many names still ends in a full stop).
   */
  static boolean isTitleCase(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    String last = tokens.get(tokens.size() - 1).word();
    if (last.equals(".")
        || last.equals("!")
        || last.equals("?")
        || last.equals("\"")
        || last.equals("”")
        || last.equals("''")) {
      return false;
    }
    int words = 0;
    int capitalised = 0;
    for (Token t : tokens) {
      String w = t.word();
      if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
        words++;
        if (Character.isUpperCase(w.codePointAt(0))) {
          capitalised++;
        }
      }
    }
    return words >= 3 && capitalised >= 0.8 * words;
  }

  /**
   * Mentions from unreliable lines: in the headline they survive only if the body names the same
   * actor elsewhere; in a title-case line of the body (a subhead, a results or table line) they
   * survive unless a capitalised word in them is one the article also writes in lower case, the
   * sign that the line's style, not a name, gave it its capital ("Airstrikes Against Militia").
   */
  private static List<Found> confirmed(List<Found> found, CommonWords common) {
    Set<String> reliable = new HashSet<>();
    for (Found f : found) {
      if (!f.needsConfirmation()) {
        reliable.add(Names.key(f.surface()).toLowerCase(Locale.ROOT));
        if (f.type() == ActorType.PERSON) {
          List<String> parts = Names.tokens(f.surface());
          reliable.add("person:" + parts.get(parts.size() - 1).toLowerCase(Locale.ROOT));
        }
      }
    }
    List<Found> kept = new ArrayList<>();
    for (Found f : found) {
      if (!f.needsConfirmation()) {
        kept.add(f);
        continue;
      }
      List<String> parts = Names.tokens(f.surface());
      boolean confirmed =
          reliable.contains(Names.key(f.surface()).toLowerCase(Locale.ROOT))
              || (f.type() == ActorType.PERSON
                  && reliable.contains(
                      "person:" + parts.get(parts.size() - 1).toLowerCase(Locale.ROOT)));
      if (confirmed || (f.field() == TextField.body && !common.capitalisedIn(f.surface()))) {
        kept.add(f);
      }
    }
    return kept;
  }

  private static ActorType typeOf(String nerLabel) {
    return switch (nerLabel) {
      case "PERSON" -> ActorType.PERSON;
      case "ORGANIZATION" -> ActorType.ORG;
      case "LOCATION" -> ActorType.LOC;
      default -> ActorType.OTHER;
    };
  }

  /** Groups mentions into actors and names them. */
  private static List<Actor> group(List<Found> found, int bodyLength) {
    Map<String, List<Found>> groups = new LinkedHashMap<>();
    List<String> personNames =
        found.stream()
            .filter(f -> f.entry() == null && f.type() == ActorType.PERSON)
            .map(Found::surface)
            .distinct()
            .sorted(Comparator.comparingInt((String n) -> Names.tokens(n).size()).reversed())
            .toList();
    Map<String, String> personGroup = new HashMap<>();
    for (String name : personNames) {
      personGroup.put(name, fullNameFor(name, personNames));
    }
    for (Found f : found) {
      String key;
      if (f.entry() != null) {
        key = "kb:" + f.entry().name();
      } else if (f.type() == ActorType.PERSON) {
        key = "person:" + Names.key(personGroup.get(f.surface()));
      } else {
        key = f.type() + ":" + Names.key(f.surface()).toLowerCase(Locale.ROOT);
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    List<Actor> actors = new ArrayList<>();
    for (List<Found> mentions : groups.values()) {
      if (mentions.stream().anyMatch(m -> !m.implied())) {
        actors.add(actorOf(mentions, bodyLength));
      }
    }
    actors.sort(
        Comparator.comparingDouble(Actor::getSalience).reversed().thenComparing(Actor::getName));
    return actors;
  }

  /**
   * The longest person name in the article that ends with (or is) this one; the name itself if none
   * or ambiguous.
   */
  private static String fullNameFor(String name, List<String> names) {
    List<String> tokens = Names.tokens(name);
    List<String> candidates = new ArrayList<>();
    for (String other : names) {
      List<String> o = Names.tokens(other);
      if (o.size() > tokens.size()
          && o.subList(o.size() - tokens.size(), o.size()).equals(tokens)) {
        candidates.add(other);
      }
    }
    if (candidates.isEmpty()) {
      return name;
    }
    int longest = Names.tokens(candidates.get(0)).size();
    List<String> best =
        candidates.stream()
            .filter(c -> Names.tokens(c).size() == longest)
            .map(Names::key)
            .distinct()
            .toList();
    return best.size() == 1 ? candidates.get(0) : name;
  }

  private static Actor actorOf(List<Found> mentions, int bodyLength) {
    Found first = mentions.get(0);
    String name;
    ActorType type;
    if (first.entry() != null) {
      name = first.entry().name();
      type = first.entry().type();
    } else {
      name =
          mentions.stream()
              .map(Found::surface)
              .max(
                  Comparator.comparingInt((String s) -> Names.tokens(s).size())
                      .thenComparingLong(
                          s -> mentions.stream().filter(m -> m.surface().equals(s)).count()))
              .orElseThrow();
      name = stripArticle(name.replaceAll("\\s+", " "));
      type = first.type();
    }
    List<String> aliases = new ArrayList<>();
    List<Mention> spans = new ArrayList<>();
    Map<String, Integer> roles = new LinkedHashMap<>();
    boolean inHeadline = false;
    int firstBody = Integer.MAX_VALUE;
    for (Found m : mentions) {
      String surface = stripArticle(m.surface().replaceAll("\\s+", " "));
      if (!surface.equals(name) && !aliases.contains(surface)) {
        aliases.add(surface);
      }
      if (!m.implied()) {
        spans.add(
            Mention.newBuilder().setField(m.field()).setStart(m.begin()).setEnd(m.end()).build());
      }
      if (m.role() != null) {
        roles.merge(m.role(), 1, Integer::sum);
      }
      if (m.field() == TextField.headline) {
        inHeadline = true;
      } else {
        firstBody = Math.min(firstBody, m.begin());
      }
    }
    String role =
        roles.entrySet().stream()
            .max(
                Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> e.getKey().length()))
            .map(Map.Entry::getKey)
            .orElse(null);
    double position =
        firstBody == Integer.MAX_VALUE || bodyLength == 0
            ? 0
            : 1.0 - (double) firstBody / bodyLength;
    double salience =
        0.5 * Math.min(1.0, mentions.size() / 6.0) + 0.3 * (inHeadline ? 1 : 0) + 0.2 * position;
    return Actor.newBuilder()
        .setName(name)
        .setType(type)
        .setAliases(aliases)
        .setMentions(spans)
        .setRole(role)
        .setSalience(Math.round(salience * 1000) / 1000.0)
        .build();
  }

  private static String stripArticle(String s) {
    return s.startsWith("the ") || s.startsWith("The ") ? s.substring(4) : s;
  }
}
