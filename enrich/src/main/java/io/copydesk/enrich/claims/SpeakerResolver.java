package io.copydesk.enrich.claims;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.Mention;
import io.copydesk.schema.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the words before (or after) a reporting verb into a speaker: a named actor's canonical
 * name, a pronoun's antecedent, the person a definite role description points to, or the
 * description itself for an unnamed source. Remembers recent speakers for pronouns.
 */
final class SpeakerResolver {
  /** A resolved speaker; {@code surface} is the article's words for it. */
  record Speaker(String name, String surface, String source, ActorType type) {}

  private static final Set<String> DETERMINERS = Set.of("the");

  /** Sentence adverbs that may open a clause before its subject: "Later the spokesman added". */
  private static final Set<String> OPENERS =
      Set.of(
          "later",
          "earlier",
          "meanwhile",
          "separately",
          "also",
          "however",
          "then",
          "still",
          "instead",
          "now",
          "yet",
          "indeed",
          "moreover",
          "previously",
          "afterwards",
          "and",
          "but",
          "perhaps",
          "maybe");

  private static final Set<String> PLURAL_PEOPLE_HINTS =
      Set.of(
          "officials",
          "sources",
          "factions",
          "groups",
          "militias",
          "forces",
          "leaders",
          "authorities",
          "residents",
          "witnesses",
          "police",
          "analysts",
          "activists",
          "lawmakers",
          "officers",
          "diplomats",
          "people",
          "they");

  private final List<Actor> actors;
  private Speaker lastPerson;
  private int lastPersonAt = -1;
  private int lastMentionAt = -1;

  /** Spans of what was reported: a person named there is talked about, not talking. */
  private final java.util.List<int[]> reported = new java.util.ArrayList<>();

  private Speaker lastGroup;
  private Speaker lastThing;

  private final String text;

  private final PersonGender genders;

  private final PersonGender ownGenders;

  SpeakerResolver(List<Actor> actors, String text) {
    this(actors, text, List.of());
  }

  SpeakerResolver(List<Actor> actors, String text, List<QuoteSpans.Span> quotes) {
    this.actors = actors;
    this.text = text;
    this.quotes = quotes;
    // Each name's own evidence first, so that "Mr. Obama" is not taken for "Michelle Obama".
    this.ownGenders = new PersonGender(actors, text, quotes, Actor::getName);
    this.genders = new PersonGender(actors, text, quotes, this::canonical);
    this.titles = new RoleTitles(actors, text, this::canonical);
  }

  private final RoleTitles titles;

  /** The article's quotations: a person named inside one is quoted about, not a pronoun's. */
  private final List<QuoteSpans.Span> quotes;

  Speaker resolve(String words, int start, int end) {
    String w = words.strip();
    String[] first = SentenceScan.WHITESPACE.split(w, 2);
    while (first.length == 2 && OPENERS.contains(first[0].toLowerCase(Locale.ROOT))) {
      start += w.indexOf(first[1]);
      w = first[1];
      first = SentenceScan.WHITESPACE.split(w, 2);
    }
    // "NBC News first reported", "The Times on Saturday wrote": time and manner are not the source.
    String trimmed = withoutTrailingTime(w);
    if (!trimmed.isEmpty() && trimmed.length() < w.length()) {
      end = start + trimmed.length();
      w = trimmed;
    }
    String lower = w.toLowerCase(Locale.ROOT);
    if (lower.equals("he") || lower.equals("she")) {
      Speaker subject = earlierSubject(start, lower);
      if (subject != null) {
        return subject;
      }
      // The nearer of the last person quoted and the last person named, of the pronoun's gender.
      Speaker named = personBefore(start, lower);
      if (lastPerson == null
          || !genders.agrees(lastPerson.name(), lower)
          || (named != null && lastPersonAt < lastMentionAt)) {
        return named;
      }
      return lastPerson;
    }
    if (lower.equals("they")) {
      return lastGroup != null ? lastGroup : lastThing;
    }
    if (lower.equals("it")) {
      return lastThing;
    }
    if (lower.equals("i") || lower.equals("we") || lower.equals("you")) {
      return null; // first and second person only make sense inside the quote
    }
    if (endsQuotation(start, end)) {
      return null; // "“… people fight over resources,” she said, …": the quotation's last words
    }
    if (clauseShaped(lower)) {
      return null; // "he had fought in Vietnam": a clause, not a noun phrase
    }
    if (first.length == 2 && RELATIVES.contains(first[0].toLowerCase(Locale.ROOT))) {
      // "Dr. Jane Roe, who was the White House physician under President Bill Clinton, said":
      // the relative clause is about the name before it, which speaks.
      return antecedentOfRelative(start);
    }
    // A named person in the phrase is the speaker: "Pentagon spokesman John Kirby".
    Actor person = actorInside(start, end, ActorType.PERSON);
    if (person != null) {
      return new Speaker(canonical(person), w, null, ActorType.PERSON);
    }
    String description = stripDeterminer(w);
    // An organisation or state that is the whole phrase: "The Pentagon", "Iran".
    Actor whole = actorCovering(start, end);
    if (whole != null) {
      return new Speaker(canonical(whole), w, null, whole.getType());
    }
    // "the Pentagon spokesman": the person the article gave that role.
    if ((lower.startsWith("the ") || lower.startsWith("this ")) && !isPlural(description)) {
      // "the senators" are several people: none of them alone
      Actor holder = roleHolder(description, start);
      if (holder != null) {
        return new Speaker(canonical(holder), w, null, ActorType.PERSON);
      }
    }
    if (!Character.isLetterOrDigit(description.isEmpty() ? ' ' : description.charAt(0))
        || SentenceScan.WHITESPACE.split(description).length > 8
        || !nounPhraseShaped(description)) {
      return null;
    }
    if (Character.isUpperCase(description.codePointAt(0))
        && !startsWithName(start, end, description)
        && usedInLowerCase(SentenceScan.WHITESPACE.split(description, 2)[0])) {
      // "Police said" and "police said" are one source: a common word is capitalised only to open
      // the sentence.
      description = Character.toLowerCase(description.charAt(0)) + description.substring(1);
    }
    boolean definite = !description.equals(w);
    if (!definite
        && SentenceScan.WHITESPACE.split(description).length == 1
        && Character.isLowerCase(description.codePointAt(0))
        && !isPlural(description)) {
      return null; // a bare singular common word ("reporter said") is not a source; "the company"
      // is
    }
    return new Speaker(description, w, null, null);
  }

  private static final Set<String> RELATIVES = Set.of("who", "which");

  /** Words that may follow a subject pronoun inside its noun phrase: "they both", "we all". */
  private static final Set<String> PRONOUN_FOLLOWERS =
      Set.of("all", "both", "each", "himself", "herself", "itself", "themselves", "alone", "too");

  /**
   * Whether the words open with a subject pronoun and go on past it: a clause ("he had fought in
   * Vietnam"), which names nobody.
   */
  static boolean clauseShaped(String lower) {
    String[] ws = SentenceScan.WHITESPACE.split(lower);
    return ws.length > 1
        && Cues.SUBJECT_PRONOUNS.contains(ws[0])
        && !PRONOUN_FOLLOWERS.contains(ws[1].replaceAll("[^a-z]", ""));
  }

  /**
   * The actor named right before the comma that opens a relative clause at {@code clause} ("Jane
   * Roe, who …"), or null.
   */
  private Speaker antecedentOfRelative(int clause) {
    int j = clause;
    while (j > 0 && Character.isWhitespace(text.charAt(j - 1))) {
      j--;
    }
    if (j == 0 || text.charAt(j - 1) != ',') {
      return null;
    }
    int comma = j - 1;
    for (Actor a : actors) {
      if (a.getType() == ActorType.LOC) {
        continue;
      }
      for (Mention m : a.getMentions()) {
        if (m.getField() == TextField.body && m.getEnd() == comma) {
          return new Speaker(canonical(a), a.getName(), null, a.getType());
        }
      }
    }
    return null;
  }

  /** A sentence's end: not an abbreviation's period before a lower-case word ("U.N. envoy"). */
  private static final java.util.regex.Pattern SENTENCE_END =
      java.util.regex.Pattern.compile("[.!?][\"'”’)]*\\s+(?!\\p{Ll})|\\n");

  /** How many sentences back a pronoun's subject is looked for. */
  private static final int SUBJECT_SENTENCES = 3;

  /**
   * The subject a pronoun continues, as readers take it: the person whose name opens the sentence
   * before ("Christie blasted Clinton on a talk show. “…,” he said": Christie, not the show's
   * host), going back over sentences the same pronoun opens; when those lead to no name, the last
   * speaker ("“…,” Lynch said. She has faced … She said …": Lynch). Null when the sentences before
   * open otherwise, or with a person of the other gender.
   */
  private Speaker earlierSubject(int offset, String pronoun) {
    List<Integer> starts = new java.util.ArrayList<>();
    starts.add(0);
    java.util.regex.Matcher end =
        SENTENCE_END.matcher(text).region(0, Math.min(offset, text.length()));
    while (end.find()) {
      int at = end.start();
      int after = end.end();
      if (quotes.stream().noneMatch(q -> q.contains(at) && q.end() >= after)) {
        starts.add(after); // "“She's a disgrace. She …,” he said" is one sentence
      }
    }
    int own = starts.get(starts.size() - 1);
    if (personBetween(own, offset)) {
      return null; // "Trump, her opponent, said he thought …": the nearer name decides
    }
    boolean chain = false;
    // starts' last entry opens the pronoun's own sentence; look at those before it.
    for (int k = starts.size() - 2; k >= 0 && k >= starts.size() - 1 - SUBJECT_SENTENCES; k--) {
      int from = starts.get(k);
      while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      String opening = text.substring(from, Math.min(text.length(), from + 12));
      if (opening.toLowerCase(Locale.ROOT).matches(pronoun + "\\b.*")) {
        chain = true;
        continue;
      }
      Actor opener = personOpening(from);
      if (opener == null) {
        // "In response to the protests, Suu Kyi called …": the subject after an opening phrase.
        int comma = text.indexOf(", ", from);
        int next = k + 1 < starts.size() ? starts.get(k + 1) : offset;
        if (comma > from && comma < next) {
          opener = personOpening(comma + 2);
        }
      }
      if (opener != null) {
        return genders.agrees(canonical(opener), pronoun)
            ? new Speaker(canonical(opener), opener.getName(), null, ActorType.PERSON)
            : null;
      }
      break;
    }
    return chain && lastPerson != null && genders.agrees(lastPerson.name(), pronoun)
        ? lastPerson
        : null;
  }

  /** Whether a person is named in [from, to), outside quotations. */
  private boolean personBetween(int from, int to) {
    for (Actor a : actors) {
      if (a.getType() != ActorType.PERSON) {
        continue;
      }
      for (Mention m : a.getMentions()) {
        if (m.getField() == TextField.body
            && m.getStart() >= from
            && m.getEnd() <= to
            && !insideReported(m.getStart())
            && PersonGender.subjectLike(text, m.getStart())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The person whose body mention starts a sentence at this offset, maybe after a title word. */
  private Actor personOpening(int from) {
    int space = text.indexOf(' ', from);
    int titled = space < 0 ? from : space + 1;
    for (Actor a : actors) {
      if (a.getType() != ActorType.PERSON) {
        continue;
      }
      for (Mention m : a.getMentions()) {
        if (m.getField() == TextField.body
            && (m.getStart() == from
                || (m.getStart() == titled && text.charAt(titled - 2) == '.'))) {
          return a;
        }
      }
    }
    return null;
  }

  /** Words that end no noun phrase: "attorneys for the", "the research not only". */
  private static final Set<String> OPEN_ENDINGS =
      Set.of(
          "into", "for", "of", "to", "the", "a", "an", "and", "or", "but", "with", "from", "by",
          "at", "on", "in", "very", "not", "only", "as", "than", "that", "who", "which");

  /** Words that open no noun phrase: "to meet", "how experts", "perhaps", "having". */
  private static final Set<String> NOT_OPENINGS =
      Set.of("to", "how", "why", "whether", "please", "lest", "perhaps", "having", "if", "when");

  /** Whether a description could be a noun phrase at all, going by its first word. */
  private static boolean nounPhraseShaped(String description) {
    String[] ws = SentenceScan.WHITESPACE.split(description.toLowerCase(Locale.ROOT));
    return !NOT_OPENINGS.contains(ws[0])
        && !ws[ws.length - 1].endsWith("-")
        && description.chars().anyMatch(Character::isLetter);
  }

  /** Adverbs of time and manner that may follow a subject before its verb. */
  private static final Set<String> TRAILING_ADVERBS =
      Set.of(
          "often",
          "first",
          "also",
          "just",
          "again",
          "repeatedly",
          "previously",
          "initially",
          "later",
          "earlier",
          "then",
          "now",
          "still",
          "too",
          "once",
          "usually",
          "always",
          "recently",
          "already");

  private static final java.util.regex.Pattern TRAILING_TIME =
      java.util.regex.Pattern.compile(
          "(?i)\\s+(?:(?:on|last|this|next|early|late|earlier|later|that)\\s+)?"
              + "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year"
              + "|morning|afternoon|evening|night|weekend|today|yesterday|tonight)$");

  /**
   * The subject without adverbs, time phrases and dangling function words at its end ("Wells Fargo
   * just this month", "attorneys for the"); a time phrase stays after a participle ("a poll
   * released Friday").
   */
  static String withoutTrailingTime(String subject) {
    String s = subject;
    while (true) {
      String before = s;
      java.util.regex.Matcher time = TRAILING_TIME.matcher(s);
      if (time.find() && !s.substring(0, time.start()).endsWith("ed")) {
        s = s.substring(0, time.start());
      }
      int space = s.lastIndexOf(' ');
      String last = s.substring(space + 1);
      if (space > 0
          && (TRAILING_ADVERBS.contains(last)
              || OPEN_ENDINGS.contains(last.toLowerCase(Locale.ROOT)))) {
        s = s.substring(0, space);
      }
      if (s.equals(before)) {
        return s;
      }
    }
  }

  /**
   * The name the article knows the actor by in full: an actor named by one word ("Clinton",
   * "Hillary", "Ban") is the full-named actor of its type that word ends or opens ("Hillary
   * Clinton", "Ban Ki-moon"), a surname before a first name; when several do, the most salient.
   * Never one the article gives the other gender ("Mr. Obama" is not "Michelle Obama").
   */
  String canonical(Actor actor) {
    String name = actor.getName();
    if (actor.getType() == ActorType.PERSON && !name.contains(" ")) {
      PersonGender.Gender own = ownGenders.of(name);
      java.util.function.Predicate<Actor> sameGender =
          a -> {
            PersonGender.Gender g = ownGenders.of(a.getName());
            return own == null || g == null || g == own;
          };
      Actor bySurname = mostSalient(a -> a.getName().endsWith(" " + name) && sameGender.test(a));
      Actor byFirst =
          bySurname != null
              ? null
              : mostSalient(a -> a.getName().startsWith(name + " ") && sameGender.test(a));
      Actor full = bySurname != null ? bySurname : byFirst;
      return full == null ? name : full.getName();
    }
    return name;
  }

  private Actor mostSalient(java.util.function.Predicate<Actor> which) {
    Actor best = null;
    for (Actor a : actors) {
      if (a.getType() == ActorType.PERSON
          && which.test(a)
          && (best == null || a.getSalience() > best.getSalience())) {
        best = a;
      }
    }
    return best;
  }

  /**
   * Whether the description opens with a proper name (a body mention starts there, or the word is
   * in capitals).
   */
  private boolean startsWithName(int start, int end, String description) {
    String first = SentenceScan.WHITESPACE.split(description, 2)[0];
    if (first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT))) {
      return true; // "NATO officials", "CNN"
    }
    int at = start + Math.max(0, (end - start) - description.length());
    for (Actor a : actors) {
      for (Mention m : a.getMentions()) {
        if (m.getField() == TextField.body && m.getStart() <= at && m.getEnd() > at) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the article writes the word in lower case somewhere ("police", but never
   * "republicans").
   */
  private boolean usedInLowerCase(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.equals(word)) {
      return true;
    }
    // One search of the body per word and article: descriptions repeat their first word.
    return COMMON_OPENERS.contains(lower)
        || lowerCaseInText.computeIfAbsent(
            lower,
            w ->
                java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(w) + "\\b")
                    .matcher(text)
                    .find());
  }

  /** Per lower-case word, whether the body holds it: {@link #usedInLowerCase}'s searches. */
  private final java.util.Map<String, Boolean> lowerCaseInText = new java.util.HashMap<>();

  /** Determiners and numbers that open a description and are common words wherever they stand. */
  private static final Set<String> COMMON_OPENERS =
      Set.of(
          "a", "an", "the", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "several", "some", "many", "most", "few", "local", "senior", "other", "both", "one");

  /** Remembers who just spoke, for the pronouns that follow. */
  void spoke(Claim claim, int at) {
    reported.add(new int[] {claim.getStart(), claim.getEnd()});
    Speaker s =
        new Speaker(
            claim.getSpeaker(), claim.getSpeakerSurface(), null, typeOf(claim.getSpeaker()));
    if (s.type() == ActorType.PERSON) {
      lastPerson = s;
      lastPersonAt = at;
      if (coordinated(claim.getSpeakerSurface(), at)) {
        lastGroup = s; // "Mr. Grassley and Mr. Leahy say …": "they" next are the two
      }
    } else if (s.type() == null && isPlural(claim.getSpeaker())) {
      lastGroup = s;
    } else {
      lastThing = s;
      if (s.type() == ActorType.ORG) {
        lastGroup = s;
      }
    }
  }

  private static final java.util.regex.Pattern AND_BEFORE =
      java.util.regex.Pattern.compile("\\p{Lu}[\\p{L}.'’-]*\\s+(?:and|&)\\s+$");

  /**
   * Whether the speaker's words, the last before the cue at {@code at}, are the second of two
   * coordinated names ("Mr. Grassley and Mr. Leahy say").
   */
  private boolean coordinated(String surface, int at) {
    if (surface == null || surface.isEmpty() || at <= 0) {
      return false;
    }
    int i = text.lastIndexOf(surface, Math.min(at, text.length() - 1));
    return i > 0
        && at - (i + surface.length()) < 40
        && AND_BEFORE.matcher(text.substring(Math.max(0, i - 40), i)).find();
  }

  private ActorType typeOf(String name) {
    return actors.stream()
        .filter(a -> a.getName().equals(name))
        .map(Actor::getType)
        .findFirst()
        .orElse(null);
  }

  private static boolean isPlural(String description) {
    String last = description.substring(description.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    return PLURAL_PEOPLE_HINTS.contains(last) || (last.endsWith("s") && !last.endsWith("ss"));
  }

  /**
   * The last person mentioned before this offset whom the pronoun may stand for, for a pronoun with
   * no earlier speaker.
   */
  private Speaker personBefore(int offset, String pronoun) {
    Actor best = null;
    int bestAt = -1;
    for (Actor a : actors) {
      if (a.getType() != ActorType.PERSON || !genders.agrees(canonical(a), pronoun)) {
        continue;
      }
      for (Mention m : a.getMentions()) {
        if (m.getField() == TextField.body
            && m.getEnd() <= offset
            && m.getStart() > bestAt
            && !insideReported(m.getStart())
            && PersonGender.subjectLike(text, m.getStart())) {
          best = a;
          bestAt = m.getStart();
        }
      }
    }
    lastMentionAt = bestAt;
    return best == null
        ? null
        : new Speaker(canonical(best), best.getName(), null, ActorType.PERSON);
  }

  /** Whether [start, end) is the end of a quotation's words. */
  private boolean endsQuotation(int start, int end) {
    return quotes.stream().anyMatch(q -> q.contains(start) && end <= q.end() && q.end() - end <= 2);
  }

  private boolean insideQuotation(int offset) {
    return quotes.stream().anyMatch(q -> q.contains(offset));
  }

  private boolean insideReported(int offset) {
    return reported.stream().anyMatch(r -> offset >= r[0] && offset < r[1])
        || insideQuotation(offset);
  }

  /**
   * The last actor of this type named in [start, end) as the phrase's head, not as a modifier of a
   * noun after it ("McConnell aides", "Trump's spokesman", "the George Bush Center" are not the
   * person's words).
   */
  private Actor actorInside(int start, int end, ActorType type) {
    Actor found = null;
    int foundAt = -1;
    for (Actor a : actors) {
      if (a.getType() != type) {
        continue;
      }
      for (Mention m : a.getMentions()) {
        if (m.getField() == TextField.body
            && m.getStart() >= start
            && m.getEnd() <= end
            && m.getStart() > foundAt
            && heads(start, m.getStart(), m.getEnd(), end)) {
          found = a;
          foundAt = m.getStart();
        }
      }
    }
    return found;
  }

  /**
   * Whether a name at [nameStart, nameEnd) heads the phrase [start, end), rather than modifying the
   * noun after it: not before a possessive ("Trump's spokesman"), not after "the" with words
   * following ("the Obama administration", "The George Bush Center in Dallas"), not before one
   * plural noun that ends the phrase ("McConnell aides", "Clinton supporters"). Otherwise the name
   * heads it, whatever follows ("Rep. Jim Jordan (R-Ohio)", "Jane Roe of the agency").
   */
  private boolean heads(int start, int nameStart, int nameEnd, int end) {
    String rest = text.substring(nameEnd, end).strip();
    if (rest.isEmpty()) {
      return true;
    }
    if (rest.startsWith("'s") || rest.startsWith("’s")) {
      return false;
    }
    String before = text.substring(start, nameStart).strip().toLowerCase(Locale.ROOT);
    if ((before.equals("the") || before.endsWith(" the")) && Character.isLetter(rest.charAt(0))) {
      return false;
    }
    return !(rest.matches("\\p{Ll}+") && rest.endsWith("s") && !rest.endsWith("ss"));
  }

  /**
   * An organisation or state that heads the phrase: its mention ends it ("the state-run news agency
   * SANA").
   */
  private Actor actorCovering(int start, int end) {
    for (Actor a : actors) {
      if (a.getType() == ActorType.LOC) {
        continue; // places do not speak
      }
      for (Mention m : a.getMentions()) {
        if (m.getField() == TextField.body && m.getEnd() == end && m.getStart() >= start) {
          return a;
        }
      }
    }
    return null;
  }

  /**
   * The person a definite description stands for: of the people named before it whose titles
   * (RoleTitles) have its head ("the senator": "Sen. Jane Roe"), the one whose titles share most of
   * its other words, then the one named last.
   */
  private Actor roleHolder(String description, int before) {
    Actor best = null;
    int bestFit = -1;
    int bestAt = -1;
    for (Actor a : actors) {
      if (a.getType() != ActorType.PERSON) {
        continue;
      }
      int fit = titles.fit(canonical(a), description);
      int at = lastMentionBefore(a, before);
      if (fit >= 0 && at >= 0 && (fit > bestFit || (fit == bestFit && at > bestAt))) {
        best = a;
        bestFit = fit;
        bestAt = at;
      }
    }
    return best;
  }

  private static int lastMentionBefore(Actor a, int offset) {
    int last = -1;
    for (Mention m : a.getMentions()) {
      if (m.getField() == TextField.body && m.getStart() < offset) {
        last = Math.max(last, m.getStart());
      }
    }
    return last;
  }

  private static String stripDeterminer(String words) {
    String[] parts = SentenceScan.WHITESPACE.split(words, 2);
    return parts.length == 2 && DETERMINERS.contains(parts[0].toLowerCase(Locale.ROOT))
        ? parts[1]
        : words;
  }
}
