package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
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
      // "Gloria Hatch, of Silver Spring, Md., said", "Jean Roux, the foreign minister of France, a
      // member of the council, said": the appositive has commas of its own; the name speaks.
      while (start > 1 && start < open && tokens.get(start - 1).word().equals(",")) {
        int before = phraseStart(tokens, start - 1);
        boolean place = tokens.get(start).word().equalsIgnoreCase("of");
        if (!place && !allPerson(tokens, before, start - 1)) {
          break;
        }
        open = start - 1;
        start = before;
      }
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

  /** Prepositions and conjunctions that open an aside between a subject and its verb. */
  private static final Set<String> ASIDE_OPENERS =
      Set.of(
          "like",
          "unlike",
          "as",
          "after",
          "before",
          "in",
          "at",
          "on",
          "for",
          "with",
          "without",
          "despite",
          "during",
          "from",
          "among",
          "including",
          "while",
          "when",
          "who",
          "which");

  /**
   * Whether the phrase at {@code start}, set off by commas after a subject, is an aside rather than
   * a name for it: opened by a lower-case participle ("appearing after Clinton", "asked about the
   * plan") or a preposition ("like Obama", "in a statement").
   */
  static boolean opensAside(List<Token> tokens, int start) {
    String w = tokens.get(start).word();
    String lower = w.toLowerCase(Locale.ROOT);
    return w.equals(lower)
        && (ASIDE_OPENERS.contains(lower)
            || (lower.length() > 4 && (lower.endsWith("ing") || lower.endsWith("ed"))));
  }

  /** Whether [from, to) is a name the NER tags as a person, and not empty. */
  private static boolean allPerson(List<Token> tokens, int from, int to) {
    for (int j = from; j < to; j++) {
      if (!"PERSON".equals(tokens.get(j).entity())) {
        return false;
      }
    }
    return to > from;
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
    int relative = relativeBefore(tokens, verbStart);
    if (relative < 2
        || !RELATIVE_OPENS.contains(tokens.get(relative - 1).word())
        || (!tokens.get(relative - 1).word().equals(",") && dashBefore(tokens, relative - 1))) {
      return null; // "generals -- most of whom … -- who cited": a dash closing an aside opens none
    }
    int end = relative - 1;
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

  /**
   * Marks that set off a non-restrictive relative clause: a comma, or a dash ("the study -- which
   * notes that …").
   */
  private static final Set<String> RELATIVE_OPENS = Set.of(",", "--", "—", "–", "―");

  /** Whether a dash stands before token {@code k} in the sentence. */
  private static boolean dashBefore(List<Token> tokens, int k) {
    for (int j = 0; j < k; j++) {
      if (CLAUSE_STOPS.contains(tokens.get(j).word()) && !tokens.get(j).word().equals(";")) {
        return true;
      }
    }
    return false;
  }

  /** Words of a time phrase between a relative pronoun and its verb: "who in 2010 said". */
  private static final Set<String> TIME_PHRASE_STARTS =
      Set.of("in", "on", "last", "this", "earlier", "later", "early", "late");

  /**
   * Where the relative pronoun of the verb group at {@code verbStart} is: right before it, or
   * before a phrase of time of at most three words ("who in 2010 said", "which last week
   * reported"); -1 when there is none.
   */
  private static int relativeBefore(List<Token> tokens, int verbStart) {
    for (int k = verbStart - 1; k >= Math.max(0, verbStart - 4); k--) {
      String w = tokens.get(k).word().toLowerCase(Locale.ROOT);
      if (SUBJECT_RELATIVES.contains(w)) {
        return k == verbStart - 1 || TIME_PHRASE_STARTS.contains(tokens.get(k + 1).word()) ? k : -1;
      }
      if (!Character.isLetterOrDigit(w.codePointAt(0)) || Cues.isVerb(w)) {
        return -1;
      }
    }
    return -1;
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
   * Whether the "and" at {@code and} joins two noun phrases of one subject inside reported content
   * that starts at character {@code contentStart} ("said the United States and its allies will seek
   * …"), rather than two clauses: the content before it is a short noun phrase (at most five words)
   * with no verb in it.
   */
  static boolean joinsSubjects(List<Token> tokens, int contentStart, int and) {
    if (!tokens.get(and).word().equalsIgnoreCase("and")) {
      return false;
    }
    int k = 0;
    while (k < and && tokens.get(k).begin() < contentStart) {
      k++;
    }
    if (k >= and || and - k > 5 || !nounPhrase(tokens, k, and)) {
      return false;
    }
    for (int j = k; j < and; j++) {
      String w = tokens.get(j).word();
      boolean verb = // a capitalised word is a name's: "the United States"
          w.equals(w.toLowerCase(Locale.ROOT)) && (Cues.isVerb(w) || CueLexicon.isCue(w));
      if (Cues.isBoundary(w) || finiteOrPast(w) || verb) {
        return false;
      }
    }
    return true;
  }

  /**
   * "denied the presence of weapons", "vowed revenge": when the verb takes an object, not a clause,
   * the verb is part of what was claimed. Verbs of saying, belief and finding, and verbs with a
   * particle ("called for"), take what follows as their content.
   */
  static int withVerbIfObject(List<Token> tokens, int cue, int from, int after) {
    boolean clause =
        from > 0 && tokens.get(from - 1).word().equalsIgnoreCase("that")
            || opensPersonalClause(tokens, from);
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
   * Whether a clause with a personal pronoun for subject starts at {@code k}: "(notes) they were
   * appointed", "(complained) he was never paid"; an object pronoun ("urged them to") opens none.
   */
  private static boolean opensPersonalClause(List<Token> tokens, int k) {
    if (k + 1 >= tokens.size()) {
      return false;
    }
    String w = tokens.get(k).word().toLowerCase(Locale.ROOT);
    boolean subject =
        w.equals("he") || w.equals("she") || w.equals("they") || w.equals("we") || w.equals("i");
    return subject && !Cues.isBoundary(tokens.get(k + 1).word());
  }

  /**
   * Whether "and VERB" inside a claim's content is its speaker's next act ("vowed to fight on and
   * said …", "said the plan failed and called it …") rather than the content's own subject going on
   * ("police say the driver fled and refused to stop"). A verb of saying or writing, or any verb
   * after content that is the object of the claim's own verb (its text opens with the verb), is the
   * speaker's; otherwise a verb in the past after a cue in the present belongs to the content.
   */
  static boolean sameSubjectGoesOn(Claim previous, String verb) {
    String cue = ArticleScan.firstWord(previous.getCue());
    return invertible(verb)
        || previous.getText().toLowerCase(Locale.ROOT).startsWith(cue + " ")
        || isPastForm(cue)
        || !isPastForm(verb);
  }

  private static boolean isPastForm(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return CueLexicon.isPast(l)
        || IRREGULAR_PAST.contains(l)
        || (l.length() > 4 && l.endsWith("ed"));
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
      while (j > end && tokens.get(j - 1).word().equalsIgnoreCase("the")) {
        j--; // "told the debate audience": the cue is "told"
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
    int that = addresseeThenThat(tokens, from);
    if (that > from) {
      return that; // "told police officials that she …": at "she"
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

  /**
   * The token after a "that" which follows the addressee of "told" within seven words ("told police
   * officials that …", "told a crowd in Cleveland that …"), with no verb or punctuation between;
   * {@code from} when there is none.
   */
  private static int addresseeThenThat(List<Token> tokens, int from) {
    for (int j = from + 1; j < Math.min(tokens.size() - 1, from + 8); j++) {
      String w = tokens.get(j).word();
      if (w.equalsIgnoreCase("that")) {
        return j + 1;
      }
      if (Cues.isBoundary(w)
          || finiteOrPast(w)
          || Cues.isVerb(w)
          || SUBJECT_RELATIVES.contains(w)) {
        return from;
      }
    }
    return from;
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
    boolean infinitive =
        first.equalsIgnoreCase("to") && CueLexicon.type(verb) == AttributionType.intention;
    boolean possessive = // "condemned Friday's test": a noun phrase, not a time
        after + 1 < tokens.size()
            && (tokens.get(after + 1).word().equals("'s")
                || tokens.get(after + 1).word().equals("’s"));
    boolean adjunct =
        (Cues.ADJUNCT_STARTS.contains(first.toLowerCase(Locale.ROOT)) && !infinitive && !possessive)
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

  /** Prepositions that open a phrase of time, place or channel before a sentence's subject. */
  private static final Set<String> FRONTED_PREPOSITIONS =
      Set.of(
          "in",
          "on",
          "at",
          "through",
          "during",
          "with",
          "without",
          "after",
          "before",
          "for",
          "by",
          "from",
          "under",
          "following",
          "despite",
          "amid",
          "since",
          "throughout",
          "via");

  /**
   * Whether the sentence's words before token {@code end} are a phrase of time, place or channel
   * set before the subject, not content: opened by a preposition and holding no finite or past verb
   * ("In a statement, the ministry condemned …", "On Sunday’s broadcast of “Face the Nation,” Ryan
   * said …", "Through a spokesman, he declined …").
   */
  static boolean frontedAdjunct(List<Token> tokens, int end) {
    int start = afterConjunction(tokens, 0);
    if (start >= end
        || !FRONTED_PREPOSITIONS.contains(tokens.get(start).word().toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int j = start + 1; j < end; j++) {
      String w = tokens.get(j).word();
      boolean possessive = w.equals("'s") || w.equals("’s"); // "On Sunday’s broadcast"
      if (finiteOrPast(w) && !possessive) {
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
      Set.of(
          "during",
          "including",
          "excluding",
          "nothing",
          "something",
          "anything",
          "everything",
          "according");

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
    return contentEnd(tokens, from, false, article);
  }

  /** Relative words whose clause belongs to a reported clause it follows ("…, which …"). */
  private static final Set<String> CLAUSE_RELATIVES = Set.of("which", "who");

  /**
   * {@link #contentEnd(List, int, ArticleScan)}; when the content is a {@code clause} with its own
   * subject ("she said the loan was approved, which surprised no one"), a relative clause after it
   * is part of what was said unless it holds an attribution of its own ("…, which he said …").
   */
  static int contentEnd(List<Token> tokens, int from, boolean clause, ArticleScan article) {
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
          && !(clause && relativeOfTheClause(tokens, j + 1))
          && !(clause && participleOfTheClause(tokens, j + 1))
          && !CLAUSE_RELATIVES.contains(tokens.get(j - 1).word()) // "…, which, even today, …"
          && !resumesAfter(tokens, j + 1)) {
        return tokens.get(j - 1).end();
      }
    }
    return endOfClause(tokens);
  }

  /** Conjunctions that open an adverbial clause set before the main clause: "While X said …, Y". */
  static final Set<String> FRONTED_SUBORDINATORS =
      Set.of(
          "after",
          "although",
          "as",
          "because",
          "before",
          "if",
          "once",
          "since",
          "though",
          "unless",
          "until",
          "when",
          "while");

  /**
   * Where content read after a cue ends when the cue's clause is an adverbial clause opening the
   * sentence ("While a judge found the law unconstitutional, his ruling was overturned", "As the
   * poll asked about all four candidates, Clinton led"): before the comma that hands over to the
   * main clause (a noun phrase and a finite verb), as what was said belongs to the subordinate
   * clause; {@code end} when the sentence opens no such clause or no main clause follows.
   */
  static int beforeMainClause(
      List<Token> tokens, int verbStart, int from, int end, ArticleScan article) {
    int first = afterConjunction(tokens, 0);
    if (first >= verbStart
        || !FRONTED_SUBORDINATORS.contains(tokens.get(first).word().toLowerCase(Locale.ROOT))) {
      return end;
    }
    for (int j = first + 1; j < verbStart; j++) {
      if (tokens.get(j).word().equals(",")) {
        return end; // "After the vote, she said …": the cue is in the main clause
      }
    }
    for (int j = from + 1; j < tokens.size() - 1 && tokens.get(j).begin() < end; j++) {
      if (tokens.get(j).word().equals(",")
          && !article.insideQuote(tokens.get(j).begin())
          && opensMainClause(tokens, j + 1)) {
        return tokens.get(j - 1).end();
      }
    }
    return end;
  }

  /** Words between "and" and the verb of a second predicate: "and also said", "but then had". */
  private static final Set<String> PREDICATE_ADVERBS =
      Set.of("also", "then", "later", "still", "since", "never", "again", "even", "already");

  /** Common irregular past forms that may open a second predicate ("… and left the network"). */
  private static final Set<String> IRREGULAR_PAST =
      Set.of(
          "said", "told", "made", "took", "gave", "went", "came", "saw", "knew", "thought", "found",
          "left", "kept", "held", "brought", "began", "stood", "sent", "spent", "won", "lost",
          "met", "paid", "led", "felt", "heard", "meant", "ran", "wrote", "spoke", "chose", "rose",
          "fell", "drew", "became", "got", "sought", "fought", "built", "bought", "struck", "stole",
          "hid");

  /** Conjunctions of time that open a clause about when, not what ("… as the missiles fell"). */
  private static final Set<String> TIME_CLAUSES =
      Set.of("when", "while", "until", "after", "before", "as");

  /** A finite or past verb, in lower case: "was", "has", "fired", "left". */
  private static boolean finiteOrPast(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return w.equals(l) && (FINITE.contains(l) || isPastForm(l));
  }

  /**
   * Where the object of a verb that takes no clause ("praised the plan", "vowed to fight on",
   * "denied them permits") ends before what the writer adds about its subject: a second predicate
   * ("… but also had to …", "…, yet refuses to …", "… and has since left …"), a clause of time ("…
   * as the missiles fell", "… until the work was done"), a "during" phrase or a main clause after a
   * comma ("admitted using the code, he does not defend it"); {@code end} when none. A relative
   * clause inside the object ("accused Cruz, who was born and raised in Cuba, of …") and what
   * follows a "that" or colon (a clause with its own subject) are read over.
   */
  static int objectEnd(List<Token> tokens, int from, int end, ArticleScan article) {
    boolean relative = false;
    for (int j = from + 2; j < tokens.size() - 1 && tokens.get(j).begin() < end; j++) {
      String w = tokens.get(j).word();
      String l = w.toLowerCase(Locale.ROOT);
      if (article.insideQuote(tokens.get(j).begin())) {
        continue;
      }
      if (l.equals("that") || w.equals(":")) {
        return end;
      }
      if (w.equals(",")) {
        String next = tokens.get(j + 1).word();
        relative = SUBJECT_RELATIVES.contains(next) || next.equals("whose");
        if (isSubjectWord(next)
            && !next.equalsIgnoreCase("the")
            && j + 2 < tokens.size()
            && finiteOrPast(tokens.get(j + 2).word())) {
          return tokens.get(j - 1).end(); // "admitted using the code, he does not defend it"
        }
        continue;
      }
      if (relative) {
        continue;
      }
      boolean coordinator = l.equals("and") || l.equals("but") || l.equals("yet");
      boolean afterComma = tokens.get(j - 1).word().equals(",");
      boolean cut =
          (coordinator && opensPredicate(tokens, j + 1))
              || (coordinator && afterComma && opensMainClause(tokens, j + 1))
              || (TIME_CLAUSES.contains(l) && opensClause(tokens, j + 1))
              || l.equals("during");
      if (cut) {
        int at = tokens.get(j - 1).word().equals(",") ? j - 1 : j;
        return tokens.get(at - 1).end();
      }
    }
    return end;
  }

  /**
   * Whether a clause with a subject of its own starts at {@code k}, after a comma and a
   * coordinator: a noun phrase of up to six words, then a finite or past verb ("…, and the union
   * also stepped in", "…, but the court was not convinced"); a relative word before the verb makes
   * it a noun phrase's clause ("…, and the officials who voted"), no main clause.
   */
  private static boolean opensMainClause(List<Token> tokens, int k) {
    if (k >= tokens.size() || !Character.isLetter(tokens.get(k).word().codePointAt(0))) {
      return false;
    }
    for (int j = k + 1; j < Math.min(tokens.size(), k + 8); j++) {
      String w = tokens.get(j).word();
      String l = w.toLowerCase(Locale.ROOT);
      if (Cues.isBoundary(w) || l.equals("that") || SUBJECT_RELATIVES.contains(l)) {
        return false;
      }
      if (finiteOrPast(w) && !((l.equals("'s") || l.equals("’s")))) {
        return !isPastForm(tokens.get(k).word()); // "…, and covered the costs": a predicate
      }
    }
    return false;
  }

  /**
   * Whether a verb of the same subject starts at {@code k}, after adverbs: "also had", "left",
   * "repeatedly says".
   */
  private static boolean opensPredicate(List<Token> tokens, int k) {
    int start = k;
    while (k < tokens.size()
        && (PREDICATE_ADVERBS.contains(tokens.get(k).word()) || isAdverb(tokens.get(k).word()))) {
      k++;
    }
    if (k >= tokens.size()) {
      return false;
    }
    String w = tokens.get(k).word();
    // After an adverb a cue in the present is a verb too: "and repeatedly says".
    return finiteOrPast(w)
        || (k > start && w.equals(w.toLowerCase(Locale.ROOT)) && CueLexicon.isCue(w));
  }

  /**
   * Whether a clause with its own subject and finite verb starts at {@code k}: "the work was done",
   * "Pyongyang fired"; after "as" only a bare subject right before its verb opens one ("as
   * protesters gathered", not "as the reason" or "as examples of").
   */
  private static boolean opensClause(List<Token> tokens, int k) {
    if (k >= tokens.size()) {
      return false;
    }
    String first = tokens.get(k).word();
    boolean as = tokens.get(k - 1).word().equalsIgnoreCase("as");
    String lower = first.toLowerCase(Locale.ROOT);
    if (as && (lower.equals("the") || lower.equals("a") || lower.equals("an"))) {
      return false; // "described the plan as the worst": no clause
    }
    int limit = Math.min(tokens.size(), k + (as ? 3 : 6));
    for (int j = k + 1; j < limit; j++) {
      String w = tokens.get(j).word();
      if (Cues.isBoundary(w)) {
        return false;
      }
      if (finiteOrPast(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Content after a verb, ended before what belongs to the attribution or the writer: a closing
   * channel phrase ({@link #beforeChannel}) and, for the object of a verb that takes no clause, a
   * second predicate or a clause of time ({@link #objectEnd}).
   */
  static int trimmed(List<Token> tokens, int from, boolean object, int end, ArticleScan article) {
    int trimmed = object ? objectEnd(tokens, from, end, article) : end;
    return beforeChannel(tokens, from, trimmed);
  }

  /** Nouns of a channel: "in a statement", "in an interview with CNN". */
  private static final Set<String> CHANNELS =
      Set.of(
          "statement",
          "interview",
          "speech",
          "letter",
          "post",
          "tweet",
          "conference",
          "briefing",
          "appearance",
          "op-ed",
          "email",
          "memo");

  /**
   * Where indirect content ends before a closing channel phrase that belongs to the attribution
   * ("called for more money in a statement on Thursday", "said as much in an interview"): "in a/an"
   * and a channel noun within three words, followed by nothing but time, place or the channel's
   * words; {@code end} when none, or when a quotation ends right before it ("were “necessary,” in a
   * statement. “We will …”": the quotation that follows may continue the first).
   */
  static int beforeChannel(List<Token> tokens, int from, int end) {
    for (int j = from + 1; j + 2 < tokens.size() && tokens.get(j).begin() < end; j++) {
      String next = tokens.get(j + 1).word().toLowerCase(Locale.ROOT);
      if (!tokens.get(j).word().equalsIgnoreCase("in")
          || !(next.equals("a") || next.equals("an"))) {
        continue;
      }
      int noun = j + 2;
      while (noun < Math.min(tokens.size(), j + 6)
          && !CHANNELS.contains(tokens.get(noun).word().toLowerCase(Locale.ROOT))) {
        noun++;
      }
      if (noun >= Math.min(tokens.size(), j + 6) || !onlyAdjunctsAfter(tokens, noun + 1, end)) {
        continue;
      }
      int at = tokens.get(j - 1).word().equals(",") ? j - 1 : j;
      // After a quotation the phrase stays: the next quotation may go on from it (QuoteRunOn).
      return at > from && !isCommaOrQuote(tokens.get(at - 1).word())
          ? tokens.get(at - 1).end()
          : end;
    }
    return end;
  }

  /**
   * Whether nothing but time, place or channel words lie between token {@code k} and {@code end}.
   */
  private static boolean onlyAdjunctsAfter(List<Token> tokens, int k, int end) {
    for (int j = k; j < tokens.size() && tokens.get(j).begin() < end; j++) {
      String w = tokens.get(j).word();
      if (w.equalsIgnoreCase("that") || finiteOrPast(w) || Cues.isVerb(w)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the relative word at {@code k} opens a clause about the reported clause's words, not an
   * attribution of its own ("which he said", "who police say").
   */
  private static boolean relativeOfTheClause(List<Token> tokens, int k) {
    if (!CLAUSE_RELATIVES.contains(tokens.get(k).word())) {
      return false;
    }
    for (int j = k + 1; j < Math.min(tokens.size(), k + 4); j++) {
      if (CueLexicon.isCue(tokens.get(j).word())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the participle at {@code k} after a reported clause goes on in that clause ("said the
   * exhibits would put the problems in context, allowing people to see …"): any "-ing" form but a
   * cue's ("…, saying", "…, showing" attribute anew) and the words {@link #TRAILING} and {@link
   * #NOT_PARTICIPLE} list, with no cue after it in the sentence ("…, contradicting the police's
   * claim that …" holds an attribution of its own).
   */
  private static boolean participleOfTheClause(List<Token> tokens, int k) {
    String w = tokens.get(k).word();
    if (!w.endsWith("ing")
        || TRAILING.contains(w)
        || NOT_PARTICIPLE.contains(w)
        || CueLexicon.isCue(w)) {
      return false;
    }
    for (int j = k + 1; j < tokens.size(); j++) {
      if (CueLexicon.isCue(tokens.get(j).word())) {
        return false;
      }
    }
    return true;
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
