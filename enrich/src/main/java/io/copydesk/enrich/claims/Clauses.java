package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.AttributionType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a clause's subject, attribution and content lie among a sentence's tokens: what the
 * patterns share.
 */
final class Clauses {
  static final int MAX_SUBJECT_TOKENS = 12;

  private Clauses() {}

  /**
   * A subject's tokens [start, end), and an appositive's [appositiveStart, appositiveEnd) when one
   * sits before the verb.
   */
  record Subject(int start, int end, int appositiveStart, int appositiveEnd) {}

  /**
   * Where the verb group of the cue starts: "has also said" starts at "has"; a raising or aspect
   * verb with "to" belongs to it ("continues to insist", "appeared to suggest", "went on to
   * explain").
   */
  static int verbStart(List<Token> tokens, int cue) {
    int verbStart = cue;
    while (verbStart > 0
        && (Cues.isAuxiliary(tokens.get(verbStart - 1).word())
            || isAdverb(tokens.get(verbStart - 1).word()))) {
      verbStart--;
    }
    int catenative = catenativeBefore(tokens, verbStart);
    return catenative < verbStart ? verbStart(tokens, catenative) : verbStart;
  }

  /**
   * Verbs of aspect and raising that pass their subject to an infinitive ("continued to say",
   * "seems to think"), in every form; "went on to" is read with its particle.
   */
  private static final Set<String> CATENATIVES = new java.util.HashSet<>();

  static {
    for (String lemma :
        List.of("continue", "appear", "seem", "begin:began:begun", "start", "tend")) {
      CATENATIVES.addAll(Inflection.forms(lemma));
    }
    CATENATIVES.addAll(List.of("tried", "tries", "try", "trying", "used"));
  }

  /**
   * Where a catenative verb before the infinitive at {@code verbStart} starts ("continues to",
   * "went on to"), or {@code verbStart} when there is none.
   */
  private static int catenativeBefore(List<Token> tokens, int verbStart) {
    if (verbStart < 2 || !tokens.get(verbStart - 1).word().equalsIgnoreCase("to")) {
      return verbStart;
    }
    String before = tokens.get(verbStart - 2).word().toLowerCase(Locale.ROOT);
    if (CATENATIVES.contains(before)) {
      return verbStart - 2;
    }
    boolean goOn =
        before.equals("on")
            && verbStart >= 3
            && Set.of("went", "goes", "go", "going", "gone")
                .contains(tokens.get(verbStart - 3).word().toLowerCase(Locale.ROOT));
    return goOn ? verbStart - 3 : verbStart;
  }

  /** Whether the verb group before the cue negates it: "has not blamed", "never said". */
  static boolean negated(List<Token> tokens, int verbStart, int cue) {
    for (int j = verbStart; j < cue; j++) {
      String w = tokens.get(j).word().toLowerCase(Locale.ROOT);
      if (w.equals("not") || w.equals("never") || w.equals("n't") || w.equals("n’t")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A subject directly before the verb: a name, pronoun or noun phrase. When an appositive sits
   * between ("Nancy Pelosi, the House Speaker, said"; "The Forces, an umbrella of militias — … —
   * said"), the subject is the sentence's opening phrase and the appositive is kept apart.
   */
  static Subject subjectBefore(List<Token> tokens, int verbStart) {
    int end = verbStart;
    if (end > 0 && isAppositiveClose(tokens.get(end - 1).word())) {
      int open = end - 2;
      while (open > 0 && !tokens.get(open).word().equals(",")) {
        open--;
      }
      if (open <= 0) {
        return null;
      }
      int start = phraseStart(tokens, open);
      return start == open || !nounPhrase(tokens, start, open)
          ? null
          : new Subject(start, open, open + 1, end - 1);
    }
    int start = phraseStart(tokens, end);
    if (start < end && !nounPhrase(tokens, start, end)) {
      end = beforeVerbGroup(tokens, start, end); // "Cruz has long said": the subject is "Cruz"
    }
    if (start == end || !nounPhrase(tokens, start, end)) {
      return null;
    }
    if (end - start > 1 && isPronoun(tokens.get(end - 1).word())) {
      return null; // "the message he intended to send": a relative clause, not a subject
    }
    return new Subject(start, end, 0, 0);
  }

  /**
   * Where the phrase ending before {@code end} starts, reading back to a boundary or a cue; a
   * parenthesis is read over whole ("Rep. Jim Jordan (R-Ohio)").
   */
  private static int phraseStart(List<Token> tokens, int end) {
    int start = end;
    while (start > 0 && end - start < MAX_SUBJECT_TOKENS) {
      String w = tokens.get(start - 1).word();
      if (w.equals(")") || w.equals("-RRB-")) {
        int open = start - 2;
        while (open >= 0
            && !(tokens.get(open).word().equals("(") || tokens.get(open).word().equals("-LRB-"))) {
          open--;
        }
        if (open <= 0 || start - open > 6) {
          break;
        }
        start = open;
        continue;
      }
      if (Cues.isBoundary(w) || Cues.isVerb(w)) {
        break;
      }
      start--;
    }
    return start;
  }

  /**
   * Words that open no subject: prepositions, infinitive "to", and "let"; a subject opening with
   * them is a misread.
   */
  private static final Set<String> NOT_SUBJECT_START =
      Set.of(
          "in",
          "at",
          "on",
          "for",
          "to",
          "from",
          "with",
          "without",
          "by",
          "of",
          "about",
          "among",
          "including",
          "during",
          "into",
          "through",
          "under",
          "over",
          "let",
          "like",
          "unlike",
          "there");

  /** Finite verbs: a phrase holding one is a clause, not a subject ("her right foot was"). */
  private static final Set<String> FINITE =
      Set.of(
          "is", "was", "are", "were", "am", "has", "have", "had", "does", "did", "do", "will",
          "would", "can", "could", "should", "shall", "may", "might", "must", "'s", "’s");

  /**
   * Object pronouns end no subject after a verb ("let them"); after a preposition they may ("those
   * close to him").
   */
  private static final Set<String> OBJECT_PRONOUNS = Set.of("them", "him", "us", "me", "whom");

  private static final Set<String> PREPOSITIONS =
      Set.of(
          "to", "of", "for", "with", "about", "from", "by", "near", "like", "around", "behind",
          "beside", "among", "against", "than");

  /**
   * Words after an "-ing" form that make it a verb taking an object or particle ("saying the …",
   * "dialing back").
   */
  private static final Set<String> AFTER_VERB =
      Set.of(
          "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "that", "this",
          "these", "those", "it", "them", "him", "us", "me", "back", "up", "out", "off", "down",
          "to", "on", "in");

  /**
   * Whether tokens [start, end) can be a subject: not opened by a preposition, "to" or a verb's
   * "-ing" form ("saying the courts …", but "restructuring experts" is a subject), holding no
   * finite verb and not ending with an object pronoun after a verb.
   */
  static boolean nounPhrase(List<Token> tokens, int start, int end) {
    String first = tokens.get(start).word();
    String lowerFirst = first.toLowerCase(Locale.ROOT);
    boolean verbIng =
        lowerFirst.endsWith("ing")
            && (end - start == 1
                || AFTER_VERB.contains(tokens.get(start + 1).word().toLowerCase(Locale.ROOT)));
    if (NOT_SUBJECT_START.contains(lowerFirst)
        || (Character.isLowerCase(first.codePointAt(0)) && verbIng)) {
      return false;
    }
    for (int j = start; j < end; j++) {
      String w = tokens.get(j).word().toLowerCase(Locale.ROOT);
      boolean possessive =
          (w.equals("'s") || w.equals("’s")) && !(j > start && isPronoun(tokens.get(j - 1).word()));
      if (FINITE.contains(w) && !possessive) {
        return false;
      }
    }
    boolean afterPreposition =
        end - start > 1
            && PREPOSITIONS.contains(tokens.get(end - 2).word().toLowerCase(Locale.ROOT));
    return afterPreposition
        || !OBJECT_PRONOUNS.contains(tokens.get(end - 1).word().toLowerCase(Locale.ROOT));
  }

  /**
   * Where a verb group the auxiliaries left over starts ("has long", "has often"): at a finite verb
   * with at most two words after it; {@code end} when there is none.
   */
  private static int beforeVerbGroup(List<Token> tokens, int start, int end) {
    for (int j = Math.max(start + 1, end - 3); j < end; j++) {
      if (FINITE.contains(tokens.get(j).word().toLowerCase(Locale.ROOT))
          && !isPronoun(tokens.get(j - 1).word())) {
        return j;
      }
    }
    return end;
  }

  /** Relative pronouns that stand for the subject of their clause: "Cruz, who said …". */
  private static final Set<String> SUBJECT_RELATIVES = Set.of("who", "which");

  /**
   * The antecedent of a non-restrictive relative clause whose verb starts at {@code verbStart}:
   * "Ted Cruz, who said …" and "the agency, which reported …" speak through "who" and "which". The
   * antecedent is the name or short noun phrase right before the comma; null when the verb has no
   * such relative subject.
   */
  static Subject relativeAntecedent(List<Token> tokens, int verbStart) {
    if (verbStart < 3
        || !SUBJECT_RELATIVES.contains(tokens.get(verbStart - 1).word().toLowerCase(Locale.ROOT))
        || !tokens.get(verbStart - 2).word().equals(",")) {
      return null;
    }
    int end = verbStart - 2;
    int start = end;
    while (start > 0
        && end - start < MAX_SUBJECT_TOKENS
        && isNameWord(tokens.get(start - 1).word())) {
      start--;
    }
    if (start < end) {
      return new Subject(start, end, 0, 0); // "Ted Cruz, who …"
    }
    start = phraseStart(tokens, end);
    return end - start >= 2 && end - start <= 4 && nounPhrase(tokens, start, end)
        ? new Subject(start, end, 0, 0) // "the state agency, which …"
        : null;
  }

  /** A capitalised word or a title's full stop: "Sen.", "Ted", "Cruz". */
  static boolean isNameWord(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.codePointAt(0)) && !Cues.isBoundary(w);
  }

  /**
   * Where content of a relative clause ("Cruz, who said A, resigned …") ends: before the comma that
   * hands back to the main clause's verb, else where {@link #contentEnd} puts it.
   */
  static int relativeContentEnd(List<Token> tokens, int from, ArticleScan article) {
    int end = contentEnd(tokens, from, article);
    for (int k = from + 1; k < tokens.size() - 1 && tokens.get(k).begin() < end; k++) {
      if (tokens.get(k).word().equals(",")
          && !article.insideQuote(tokens.get(k).begin())
          && mainVerb(tokens.get(k + 1).word())) {
        return tokens.get(k - 1).end();
      }
    }
    return end;
  }

  /** A finite verb that may resume a main clause: "is", "would", "resigned", "told". */
  private static boolean mainVerb(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return FINITE.contains(l)
        || (w.equals(l) && ((l.length() > 3 && l.endsWith("ed")) || CueLexicon.isPast(l)));
  }

  /**
   * Whether the cue at {@code cue} has its particle right after it: "called for", "pointed out".
   */
  static boolean particleFollows(List<Token> tokens, int cue) {
    return cue + 1 < tokens.size()
        && CueLexicon.particles(tokens.get(cue).word())
            .contains(tokens.get(cue + 1).word().toLowerCase(Locale.ROOT));
  }

  /** The first token after the cue and its particle, if it has one. */
  static int afterCue(List<Token> tokens, int cue) {
    return particleFollows(tokens, cue) ? cue + 2 : cue + 1;
  }

  /** Quotation marks that open a quotation. */
  private static final Set<String> QUOTE_OPENS = Set.of("“", "\"", "``", "‘", "'", "''");

  /** Words after a verb of naming that make it no naming: "called a meeting", "called off". */
  private static final Set<String> NOT_NAMED =
      Set.of("a", "an", "off", "up", "back", "in", "out", "for", "on", "to", "by", "at");

  /**
   * Whether the verb of naming at {@code cue} has an object and then what it is called, within the
   * clause: a quotation ("called the plan “a disaster”") or an indefinite noun phrase after the
   * object ("called him a liar"), but not "called a meeting", "called his brother on Sunday".
   */
  static boolean namesWithComplement(List<Token> tokens, int cue) {
    if (cue + 2 >= tokens.size()
        || NOT_NAMED.contains(tokens.get(cue + 1).word().toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int j = cue + 2; j < Math.min(tokens.size(), cue + 14); j++) {
      String w = tokens.get(j).word();
      String l = w.toLowerCase(Locale.ROOT);
      if (QUOTE_OPENS.contains(w)) {
        return true;
      }
      if ((l.equals("a") || l.equals("an"))
          && !PREPOSITIONS.contains(tokens.get(j - 1).word().toLowerCase(Locale.ROOT))
          && !NOT_SUBJECT_START.contains(tokens.get(j - 1).word().toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (Cues.isBoundary(w) || w.equals(".")) {
        return false;
      }
    }
    return false;
  }

  /** "…,” said Kirby." : the subject after the verb, up to the end of the clause. */
  static Subject subjectAfter(List<Token> tokens, int cue) {
    int start = cue + 1;
    int end = start;
    while (end < tokens.size()
        && end - start < MAX_SUBJECT_TOKENS
        && !Cues.isBoundary(tokens.get(end).word())
        && !tokens.get(end).word().equals(".")) {
      end++;
    }
    return end > start ? new Subject(start, end, 0, 0) : null;
  }

  /**
   * Where "and SUBJECT VERB" starts, if the verb at {@code cue} opens a coordinated clause with its
   * own subject.
   */
  static int coordinatedClauseStart(List<Token> tokens, int cue) {
    Subject subject = subjectBefore(tokens, verbStart(tokens, cue));
    if (subject == null || subject.start() == 0 || subject.appositiveEnd() > 0) {
      return -1;
    }
    String before = tokens.get(subject.start() - 1).word().toLowerCase(Locale.ROOT);
    return before.equals("and") || before.equals("but") || before.equals("while")
        ? subject.start() - 1
        : -1;
  }

  /**
   * "denied the presence of weapons", "vowed revenge": when the verb takes an object, not a clause,
   * the verb is part of what was claimed. Verbs of saying, belief and finding, and verbs with a
   * particle ("called for"), take what follows as their content.
   */
  static int withVerbIfObject(List<Token> tokens, int cue, int from, int after) {
    boolean clause = from > 0 && tokens.get(from - 1).word().equalsIgnoreCase("that");
    String verb = tokens.get(cue).word().toLowerCase(Locale.ROOT);
    AttributionType type = CueLexicon.type(verb);
    boolean takesContent =
        Cues.SPEECH.contains(verb)
            || Cues.RELAYS.contains(verb)
            || after > cue + 1
            || CueLexicon.isNaming(verb)
            || type == AttributionType.belief
            || type == AttributionType.finding;
    return clause || takesContent ? tokens.get(from).begin() : tokens.get(cue).begin();
  }

  /**
   * Only verbs of saying and writing put their subject after them: "“…,” said Kirby", never "“…,”
   * believes Kirby".
   */
  static boolean invertible(String verb) {
    AttributionType type = CueLexicon.type(verb);
    return type == AttributionType.speech || type == AttributionType.writing;
  }

  /**
   * The verb and the reporting phrase that names its channel: "said in a joint statement", "told
   * The Associated Press".
   */
  static String cuePhrase(String text, List<Token> tokens, int cue) {
    int end = afterCue(tokens, cue); // "called for": the particle is part of the cue
    if (end == cue + 1
        && end + 2 < tokens.size()
        && tokens.get(end).word().equalsIgnoreCase("in")
        && (tokens.get(end + 1).word().equalsIgnoreCase("a")
            || tokens.get(end + 1).word().equalsIgnoreCase("an"))) {
      int j = end + 2;
      while (j < tokens.size()
          && j - end < 5
          && !tokens.get(j).word().equalsIgnoreCase("statement")
          && Character.isLowerCase(tokens.get(j).word().codePointAt(0))) {
        j++;
      }
      if (j < tokens.size() && tokens.get(j).word().equalsIgnoreCase("statement")) {
        end = j + 1;
      }
    } else if (tokens.get(cue).word().equalsIgnoreCase("told")) {
      int j = end;
      while (j < tokens.size()
          && j - end < 5
          && (Character.isUpperCase(tokens.get(j).word().codePointAt(0))
              || tokens.get(j).word().equalsIgnoreCase("the"))) {
        j++;
      }
      end = j;
    }
    return text.substring(tokens.get(cue).begin(), tokens.get(end - 1).end());
  }

  /**
   * After the verb: skip the addressee, time, place and channel ("told reporters in Rome on Monday
   * that", "said in a statement that") and "that"; content starts right after the verb otherwise.
   */
  static int skipToContent(List<Token> tokens, int from) {
    int limit = Math.min(tokens.size(), from + 12);
    for (int j = from; j < limit; j++) {
      String w = tokens.get(j).word();
      if (w.equalsIgnoreCase("that")) {
        return j + 1;
      }
      boolean adjunctWord =
          Character.isUpperCase(w.codePointAt(0))
              || Character.isDigit(w.codePointAt(0))
              || Cues.ADJUNCT_STARTS.contains(w.toLowerCase(Locale.ROOT))
              || CHANNEL_WORDS.contains(w.toLowerCase(Locale.ROOT));
      if (!adjunctWord) {
        break;
      }
    }
    int j = from;
    // "said in a joint statement they would …": the channel is not what was said.
    if (j + 2 < tokens.size()
        && tokens.get(j).word().equalsIgnoreCase("in")
        && (tokens.get(j + 1).word().equalsIgnoreCase("a")
            || tokens.get(j + 1).word().equalsIgnoreCase("an"))) {
      for (int k = j + 2; k < Math.min(tokens.size(), j + 6); k++) {
        if (tokens.get(k).word().equalsIgnoreCase("statement")) {
          j = k + 1;
          break;
        }
      }
    }
    while (j < tokens.size()
        && (tokens.get(j).word().equals(":") || tokens.get(j).word().equals(","))) {
      j++;
    }
    return j;
  }

  /** Who one tells, and when: "reporters", "him", "this weekend". */
  private static final Set<String> ADDRESSEE_WORDS =
      Set.of(
          "reporters",
          "journalists",
          "lawmakers",
          "supporters",
          "voters",
          "crowd",
          "audience",
          "him",
          "her",
          "them",
          "us",
          "me",
          "the",
          "a",
          "an",
          "his",
          "their",
          "week",
          "weekend",
          "month",
          "year",
          "day",
          "last",
          "this",
          "next",
          "ago");

  /**
   * After "told"/"tells" with no "that": where the content starts past the addressee and time
   * ("told African-Americans this weekend he would …": at "he"); {@code from} for other verbs.
   */
  static int afterAddressee(List<Token> tokens, int cue, int from) {
    String verb = tokens.get(cue).word().toLowerCase(Locale.ROOT);
    if (!(verb.equals("told") || verb.equals("tells") || verb.equals("tell"))) {
      return from;
    }
    int j = from;
    while (j < tokens.size() - 1 && j - from < 8) {
      String w = tokens.get(j).word();
      boolean addressee =
          Character.isUpperCase(w.codePointAt(0))
              || ADDRESSEE_WORDS.contains(w.toLowerCase(Locale.ROOT))
              || Cues.ADJUNCT_STARTS.contains(w.toLowerCase(Locale.ROOT));
      if (!addressee) {
        break;
      }
      j++;
    }
    // Only when a clause follows: "told reporters he would …", not "told reporters about the plan".
    return j > from && j < tokens.size() && isSubjectWord(tokens.get(j).word()) ? j : from;
  }

  private static boolean isSubjectWord(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return l.equals("he")
        || l.equals("she")
        || l.equals("they")
        || l.equals("it")
        || l.equals("we")
        || l.equals("i")
        || l.equals("the")
        || l.equals("there");
  }

  /** Words of a channel or audience phrase between a reporting verb and its content. */
  private static final Set<String> CHANNEL_WORDS =
      Set.of(
          "a",
          "an",
          "the",
          "statement",
          "joint",
          "written",
          "emailed",
          "news",
          "conference",
          "interview",
          "briefing",
          "reporters",
          "journalists",
          "lawmakers",
          "television",
          "radio",
          "post",
          "speech",
          "letter",
          "meeting",
          "call",
          "phone",
          "telephone",
          "by",
          "with",
          "of");

  /**
   * Whether the attribution closes the clause: nothing after the verb, or only time, place or
   * channel ("on Monday", "in a statement", "told The Military Times"), never an object or clause.
   */
  static boolean attributionEndsClause(List<Token> tokens, int after, String verb) {
    if (after >= tokens.size()) {
      return true;
    }
    String first = tokens.get(after).word();
    if (first.equals(".") || first.equals(",") || first.equals(";")) {
      return true;
    }
    boolean told = verb.equalsIgnoreCase("told") || verb.equalsIgnoreCase("tells");
    boolean adjunct =
        Cues.ADJUNCT_STARTS.contains(first.toLowerCase(Locale.ROOT))
            || (told
                && (Character.isUpperCase(first.codePointAt(0))
                    || first.equalsIgnoreCase("reporters")));
    if (!adjunct) {
      return false;
    }
    for (int j = after; j < tokens.size(); j++) {
      String w = tokens.get(j).word();
      if (w.equals(".") || w.equals(",") || w.equals(";")) {
        return true;
      }
      if (w.equalsIgnoreCase("that") || Cues.isVerb(w)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Conjunctions that open a sentence without being part of what was said: "But the deal is off, he
   * said."
   */
  private static final Set<String> OPENING_CONJUNCTIONS =
      Set.of("but", "and", "yet", "so", "still");

  /** The first token after an opening conjunction and its comma ("But, …"), or {@code from}. */
  static int afterConjunction(List<Token> tokens, int from) {
    int j = from;
    if (j + 1 < tokens.size()
        && OPENING_CONJUNCTIONS.contains(tokens.get(j).word().toLowerCase(Locale.ROOT))) {
      j++;
      if (j + 1 < tokens.size() && tokens.get(j).word().equals(",")) {
        j++;
      }
    }
    return j;
  }

  /**
   * Words after which a clause following an attribution is not what was said: "…, he said, and the
   * talks ended".
   */
  private static final Set<String> CLAUSE_LINKS =
      Set.of(
          "and",
          "but",
          "or",
          "while",
          "whereas",
          "although",
          "though",
          "as",
          "after",
          "before",
          "when",
          "because",
          "since",
          "so",
          "which",
          "who",
          "according");

  /**
   * Where the content resumes when the attribution is a parenthesis inside the sentence ("X, Mr.
   * Obama said, a majority …" or "As for the network, he said, “…”"): the first token after the
   * comma closing it, when a clause of three or more words follows that is not a continuation ("…,
   * he said, adding …") or another clause ("…, he said, and …"); -1 otherwise.
   */
  static int afterParenthetical(List<Token> tokens, int attributionEnd) {
    int comma = attributionEnd;
    while (comma < tokens.size() && !tokens.get(comma).word().equals(",")) {
      if (tokens.get(comma).word().equals(".") || tokens.get(comma).word().equals(";")) {
        return -1;
      }
      comma++;
    }
    if (comma + 1 >= tokens.size()) {
      return -1;
    }
    String next = tokens.get(comma + 1).word();
    String lower = next.toLowerCase(Locale.ROOT);
    if (Cues.isContinuation(next)
        || CLAUSE_LINKS.contains(lower)
        || (lower.endsWith("ing") && Character.isLowerCase(next.codePointAt(0)))) {
      return -1;
    }
    int from = skipToContent(tokens, comma + 1);
    int words = 0;
    for (int j = from; j < tokens.size(); j++) {
      if (Character.isLetterOrDigit(tokens.get(j).word().codePointAt(0))) {
        words++;
      }
    }
    return words >= 3 ? from : -1;
  }

  /**
   * Words that open a clause about the content's words, not part of what was said: "…, which he
   * denies", "…, even as …".
   */
  private static final Set<String> TRAILING =
      Set.of(
          "which",
          "who",
          "whose",
          "where",
          "but",
          "though",
          "although",
          "while",
          "whereas",
          "according",
          "even",
          "especially",
          "known");

  /** Words ending in "-ing" that are no participle opening a phrase of its own. */
  private static final Set<String> NOT_PARTICIPLE =
      Set.of("during", "including", "nothing", "something", "anything", "everything", "according");

  /** Marks that end a clause: a semicolon, or a dash opening an aside. */
  private static final Set<String> CLAUSE_STOPS = Set.of(";", "—", "―", "--", "–");

  /**
   * Where content that starts at token {@code from} and runs on in the sentence ends: at a
   * semicolon or a dash outside quotation marks ("…; they only learned …", "… ― as was true …"),
   * before a comma opening a trailing clause about it (a relative clause "…, which makes him an
   * outlier", a participle phrase "…, contradicting the earlier account") unless the content's own
   * verb follows that clause ("the plan, which costs $5 billion, would fail"), else at the
   * sentence's end.
   */
  static int contentEnd(List<Token> tokens, int from, ArticleScan article) {
    for (int j = from + 1; j < tokens.size() - 1; j++) {
      if (CLAUSE_STOPS.contains(tokens.get(j).word())
          && !article.insideQuote(tokens.get(j).begin())) {
        return tokens.get(j - 1).end();
      }
    }
    for (int j = from + 3; j < tokens.size() - 1; j++) {
      if (tokens.get(j).word().equals(",")
          && !article.insideQuote(tokens.get(j).begin())
          && opensTrailingClause(tokens.get(j + 1).word())
          && !resumesAfter(tokens, j + 1)) {
        return tokens.get(j - 1).end();
      }
    }
    return endOfClause(tokens);
  }

  /** A relative or contrastive word, or a participle ("saying", "citing"), in lower case. */
  private static boolean opensTrailingClause(String w) {
    if (w.isEmpty() || !Character.isLowerCase(w.codePointAt(0))) {
      return false;
    }
    return TRAILING.contains(w)
        || (w.length() > 5 && w.endsWith("ing") && !NOT_PARTICIPLE.contains(w));
  }

  /**
   * Whether a comma after {@code from} hands back to a finite verb: "…, which costs $5bn, would".
   */
  private static boolean resumesAfter(List<Token> tokens, int from) {
    for (int k = from + 1; k < tokens.size() - 1; k++) {
      if (tokens.get(k).word().equals(",")
          && FINITE.contains(tokens.get(k + 1).word().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The end of the sentence's last word before its full stop. */
  static int endOfClause(List<Token> tokens) {
    Token last = tokens.get(tokens.size() - 1);
    return last.word().equals(".") && tokens.size() > 1
        ? tokens.get(tokens.size() - 2).end()
        : last.end();
  }

  static boolean isCommaOrQuote(String w) {
    return w.equals(",") || w.equals("”") || w.equals("\"") || w.equals("''");
  }

  static boolean isAppositiveClose(String w) {
    return w.equals(",") || w.equals("—") || w.equals("–") || w.equals("--");
  }

  static boolean isAdverb(String w) {
    return w.length() > 4 && w.endsWith("ly") && Character.isLowerCase(w.codePointAt(0));
  }

  static boolean isPronoun(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return l.equals("he") || l.equals("she") || l.equals("they") || l.equals("it");
  }
}
