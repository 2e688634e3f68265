package io.copydesk.enrich.claims;

import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import io.copydesk.enrich.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a cue word is used as a verb ("Clinton states" but not "the United States", "a
 * new plan"). The pipeline runs no part-of-speech tagger (it costs as much as the NER), so this
 * tags only a few words around each candidate cue, in the sentences that hold one, with CoreNLP's
 * English tagger, loaded once per JVM on first use. Tagging is thread-safe.
 */
final class CueTagger {
  static final String MODEL =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  private static final Set<String> BE =
      Set.of("is", "are", "was", "were", "be", "been", "being", "'s", "'re");

  private static final class Shared {
    static final MaxentTagger TAGGER = new MaxentTagger(MODEL);
  }

  private CueTagger() {}

  /**
   * Tokens tagged before a cue word: the tagger's left context (it reads words and tags to the
   * left).
   */
  static final int LEFT = 4;

  /** Tokens tagged after a cue word. */
  static final int RIGHT = 2;

  /**
   * Penn Treebank tags of all the sentence's tokens, for rules that read more than a cue's
   * neighbours.
   */
  static List<String> tags(List<Token> tokens) {
    return prefixTags(tokens, tokens.size());
  }

  /**
   * Penn Treebank tags of the sentence's first {@code to} tokens, tagged as a sentence of their
   * own; the tokens after them get the empty tag.
   */
  static List<String> prefixTags(List<Token> tokens, int to) {
    List<String> tags = new ArrayList<>(java.util.Collections.nCopies(tokens.size(), ""));
    if (to > 0) {
      tagInto(tokens, 0, to, tags);
    }
    return tags;
  }

  /**
   * Penn Treebank tags of the sentence's tokens, in order, measured only in windows around its cue
   * words ({@link #LEFT} tokens before, {@link #RIGHT} after, overlapping windows merged): a cue's
   * tag depends on its neighbours, not on the whole sentence, and tagging whole sentences cost as
   * much as the NER. Tokens outside every window get the empty tag. Each window is tagged when one
   * of its tags is first read, so a cue no rule asks about (one inside a quotation) costs nothing.
   */
  static CueWindows cueTags(List<Token> tokens) {
    return new CueWindows(tokens);
  }

  /**
   * The tags of {@link #cueTags}, window by window on first read. A window's tags depend only on
   * its own words, so reading them in any order gives the tags an eager pass gives.
   */
  static final class CueWindows extends java.util.AbstractList<String> {
    private final List<Token> tokens;

    /** Per token, the window holding it, or -1. */
    private final int[] windowOf;

    /** Each window's first token and the token after its last. */
    private final List<int[]> windows = new ArrayList<>(2);

    private final String[] tags;

    private CueWindows(List<Token> tokens) {
      this.tokens = tokens;
      this.tags = new String[tokens.size()];
      this.windowOf = new int[tokens.size()];
      java.util.Arrays.fill(windowOf, -1);
      int from = -1;
      int to = -1;
      for (int i = 0; i < tokens.size(); i++) {
        if (!CueLexicon.isCue(tokens.get(i).word()) || wordTag(tokens, i) != null) {
          continue;
        }
        int start = Math.max(0, i - LEFT);
        if (from >= 0 && start > to) {
          window(from, to);
          from = -1;
        }
        if (from < 0) {
          from = start;
        }
        to = Math.min(tokens.size(), i + RIGHT + 1);
      }
      if (from >= 0) {
        window(from, to);
      }
    }

    private void window(int from, int to) {
      java.util.Arrays.fill(windowOf, from, to, windows.size());
      windows.add(new int[] {from, to});
    }

    /** Whether one window spans the whole sentence, so that its tags are the sentence's tags. */
    boolean wholeSentence() {
      return windows.size() == 1 && windows.get(0)[0] == 0 && windows.get(0)[1] == tokens.size();
    }

    @Override
    public String get(int i) {
      int w = windowOf[i];
      if (w < 0) {
        return "";
      }
      if (tags[i] == null) {
        int[] window = windows.get(w);
        List<String> tagged = tag(tokens, window[0], window[1]);
        for (int k = 0; k < tagged.size(); k++) {
          tags[window[0] + k] = tagged.get(k);
        }
      }
      return tags[i];
    }

    @Override
    public int size() {
      return tags.length;
    }
  }

  private static void tagInto(List<Token> tokens, int from, int to, List<String> tags) {
    List<String> tagged = tag(tokens, from, to);
    for (int k = 0; k < tagged.size(); k++) {
      tags.set(from + k, tagged.get(k));
    }
  }

  /** The tags of tokens [from, to), tagged as one sentence. */
  private static List<String> tag(List<Token> tokens, int from, int to) {
    List<Word> words = new ArrayList<>(to - from);
    for (Token t : tokens.subList(from, to)) {
      words.add(new Word(treebank(t.word())));
    }
    List<TaggedWord> tagged = Shared.TAGGER.tagSentence(words);
    List<String> tags = new ArrayList<>(tagged.size());
    for (TaggedWord w : tagged) {
      tags.add(w.tag());
    }
    return tags;
  }

  /**
   * Whether token {@code i} cues an attribution: a lexicon form tagged as a verb, with its particle
   * when it needs one ("called for"), a verb of naming with an object and its complement ("called
   * the plan “a disaster”"), and not an agentless passive ("is expected to", "was reported").
   */
  static boolean isCue(List<Token> tokens, List<String> tags, int i) {
    String word = tokens.get(i).word();
    if (!CueLexicon.isCue(word)) {
      return false;
    }
    // What the words alone decide first: the tag is read (and its window tagged) only when it can
    // change the answer.
    boolean particle = Clauses.particleFollows(tokens, i);
    boolean naming = CueLexicon.isNaming(word);
    if (!particle
        && (naming
            ? !Clauses.namesWithComplement(tokens, i)
            : !CueLexicon.particles(word).isEmpty())) {
      return false;
    }
    String tag = wordTag(tokens, i);
    if (tag == null) {
      tag = tags.get(i);
    }
    if (!tag.startsWith("VB")) {
      return false;
    }
    if (particle) {
      return true;
    }
    if (naming) {
      // "called the plan “a disaster”", not "a group called Unite" or "called his brother". The
      // tagger often reads "Pepper called Friday's ruling a win" as a participle too: after a
      // name, a pronoun or "has" it is the verb.
      return !tag.equals("VBN") || subjectOrPerfectBefore(tokens, i);
    }
    return !(tag.equals("VBN") && afterBe(tokens, i));
  }

  private static final Set<String> QUANTITY_PREPOSITIONS = Set.of("by", "from", "to");

  /**
   * Words that may open a number after "by" or "from" in a change: "declined by four points", "by
   * about half".
   */
  private static final Set<String> NUMBER_OPENERS = numberOpeners();

  private static Set<String> numberOpeners() {
    Set<String> words = new java.util.HashSet<>(FigureExtractor.NUMBER_WORDS.keySet());
    words.addAll(List.of("half", "about", "nearly", "almost"));
    return Set.copyOf(words);
  }

  /**
   * Whether the verb at {@code i} is one of intention used for a change in a quantity: "the rate
   * would decline by four points", "approval declined slightly from 58 percent" (an adverb in "-ly"
   * may come between), not "declined to comment".
   */
  static boolean changeOfQuantity(List<Token> tokens, int i) {
    if (CueLexicon.type(tokens.get(i).word()) != io.copydesk.schema.AttributionType.intention) {
      return false;
    }
    int j = i + 1;
    if (j < tokens.size() && tokens.get(j).word().endsWith("ly")) {
      j++;
    }
    if (j + 1 >= tokens.size()) {
      return false;
    }
    String preposition = tokens.get(j).word().toLowerCase(Locale.ROOT);
    String number = tokens.get(j + 1).word().toLowerCase(Locale.ROOT);
    return QUANTITY_PREPOSITIONS.contains(preposition)
        && (Character.isDigit(number.codePointAt(0))
            || (!preposition.equals("to") && NUMBER_OPENERS.contains(number)));
  }

  /** Words that open a clause after a verb: "ruled that …", "assumed he would …". */
  private static final Set<String> CLAUSE_OPENS =
      Set.of("that", "whether", "if", "he", "she", "they", "we", "i");

  /** Marks that end the attribution when the clause came before it: "…, the doctor maintains." */
  private static final Set<String> CLAUSE_ENDS = Set.of(".", ",", ";", "”", "\"", "''");

  /** Tokens after the verb within which a clause's finite verb must stand. */
  static final int CLAUSE_REACH = 6;

  /**
   * Whether a clause follows the verb at {@code i}: a complementiser or subject pronoun ("maintains
   * that …", "assumed they would …"; not "accepted that invitation", where "that" is tagged a
   * determiner), or a finite verb within {@link #CLAUSE_REACH} tokens before any punctuation
   * ("assumed Mr. Clarke had the backing"; not "maintains a program to develop …"). The sentence is
   * tagged only when the words cannot tell. Content before the verb ("…, the doctor maintains.") is
   * a clause too.
   */
  static boolean clauseFollows(
      List<Token> tokens, int i, java.util.function.Supplier<List<String>> sentenceTags) {
    if (i + 1 >= tokens.size() || CLAUSE_ENDS.contains(tokens.get(i + 1).word())) {
      return true; // "…, the doctor maintains.": the clause came before
    }
    String next = tokens.get(i + 1).word().toLowerCase(Locale.ROOT);
    if (CLAUSE_OPENS.contains(next)) {
      return !next.equals("that") || !determiner(tokens, i + 1, sentenceTags.get());
    }
    List<String> tags = sentenceTags.get();
    for (int j = i + 1; j < Math.min(tokens.size(), i + 1 + CLAUSE_REACH); j++) {
      String tag = tags.get(j);
      if (tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP") || tag.equals("MD")) {
        return true;
      }
      if (!Character.isLetterOrDigit(tokens.get(j).word().codePointAt(0))
          || tag.equals("TO")
          || tag.equals("IN")
          || tag.equals("WDT")) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the "that" at {@code k} is a determiner: tagged so, or before a common noun that a
   * preposition or punctuation follows ("accepted that invitation on Monday", "flouts that
   * treaty."; but "ruled that claim smacked of …", "found that attempts to …").
   */
  private static boolean determiner(List<Token> tokens, int k, List<String> tags) {
    if (tags.get(k).equals("DT")) {
      return true;
    }
    if (k + 1 >= tokens.size()
        || !(tags.get(k + 1).equals("NN") || tags.get(k + 1).equals("NNS"))) {
      return false;
    }
    if (k + 2 >= tokens.size()) {
      return true;
    }
    String after = tokens.get(k + 2).word();
    return (tags.get(k + 2).equals("IN") && !after.equalsIgnoreCase("that"))
        || !Character.isLetterOrDigit(after.codePointAt(0));
  }

  private static final Set<String> SUBJECT_OR_HAVE =
      Set.of("he", "she", "they", "we", "i", "has", "have", "had", "'s", "’s", "'ve", "’ve");

  /**
   * Whether a name, a subject pronoun or a form of "have" stands right before token {@code i}:
   * "Pepper called", "she called", "has called", not "a group called".
   */
  private static boolean subjectOrPerfectBefore(List<Token> tokens, int i) {
    if (i == 0) {
      return false;
    }
    String before = tokens.get(i - 1).word();
    return SUBJECT_OR_HAVE.contains(before.toLowerCase(Locale.ROOT))
        || (Clauses.isNameWord(before) && !before.endsWith("."));
  }

  /**
   * Whether the sentence holds a word that may be a cue and that only a tagger can tell from a noun
   * ({@link #wordTag} leaves it open).
   */
  static boolean needsTags(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (CueLexicon.isCue(tokens.get(i).word()) && wordTag(tokens, i) == null) {
        return true;
      }
    }
    return false;
  }

  /** Determiners, possessives and prepositions: a cue form after one is a noun ("the state"). */
  private static final Set<String> NOUN_BEFORE =
      Set.of(
          "the", "a", "an", "this", "these", "those", "its", "their", "our", "your", "my", "his",
          "whose", "each", "every", "another", "no", "any", "'s", "’s", "of", "in", "on", "for",
          "with", "by", "from", "about", "into", "over", "under", "against", "among", "between",
          "at", "during", "without", "through", "across");

  /** Words a finite or bare verb follows, never a noun: subject pronouns, modals, "do", "not". */
  private static final Set<String> VERB_BEFORE =
      Set.of(
          "i", "you", "he", "she", "it", "we", "they", "who", "will", "would", "can", "could",
          "may", "might", "must", "shall", "should", "do", "does", "did", "not", "n't", "n’t",
          "never");

  /** Adverbs read over between a subject or modal and its verb: "he also says". */
  private static final Set<String> VERB_ADVERBS =
      Set.of("also", "still", "now", "just", "often", "already", "even", "again", "then");

  /**
   * Cardinal numbers in words, as the figures read them, and the plural of each multiplier:
   * "twenty-seven states", "two reports", "thousands".
   */
  private static final Set<String> CARDINALS = cardinals();

  private static Set<String> cardinals() {
    Set<String> words = new java.util.HashSet<>(FigureExtractor.NUMBER_WORDS.keySet());
    for (String multiplier : FigureExtractor.MULTIPLIERS.keySet()) {
      words.add(multiplier);
      words.add(multiplier + "s");
    }
    return Set.copyOf(words);
  }

  /**
   * The part of speech of the cue form at {@code i} as the words around it decide, as a Penn tag
   * ("VBD", "VBN", "VBG", "VB", "VBZ" or "NN"), or null when only the tagger can tell. A past form
   * is a verb ("said"; a passive participle after "be": "was reported"), and so is an "-ing" form
   * after "be" ("is demanding"). A present or bare form is a noun after a determiner, possessive,
   * preposition or number ("the state", "Clinton's email", "27 states"), or capitalised inside a
   * name the NER found ("the United States"); a verb after a subject pronoun, modal, "do" or "not"
   * ("he says", "would publish", "don't know"), after "to" ("to show"), and a third-person form
   * after a name ("Clinton says"). The rest ("the governor states", "tax plan", "by saying") is
   * tagged. A verb of naming in the past is tagged too: its participle reading matters ("a group
   * called …").
   */
  static String wordTag(List<Token> tokens, int i) {
    String word = tokens.get(i).word();
    String w = word.toLowerCase(Locale.ROOT);
    boolean particle = !CueLexicon.particles(w).isEmpty() && Clauses.particleFollows(tokens, i);
    if (CueLexicon.isPast(w)) {
      if (CueLexicon.isNaming(w) && !particle) {
        return null;
      }
      return afterBe(tokens, i) ? "VBN" : "VBD";
    }
    if (w.endsWith("ing")) {
      return afterBe(tokens, i) ? "VBG" : null;
    }
    if (i == 0) {
      return null;
    }
    boolean third = CueLexicon.isThirdPerson(w);
    String entity = tokens.get(i).entity();
    if (!word.equals(w)
        && !entity.equals(Token.NONE)
        && entity.equals(tokens.get(i - 1).entity())) {
      return "NN"; // inside a name: "the United States", "Islamic State"
    }
    int b = i - 1;
    while (b > 0 && adverb(tokens.get(b).word())) {
      b--;
    }
    String p = tokens.get(b).word().toLowerCase(Locale.ROOT);
    if (VERB_BEFORE.contains(p)) {
      return third ? "VBZ" : "VB";
    }
    if (b == i - 1 && (NOUN_BEFORE.contains(p) || number(p))) {
      return "NN";
    }
    if (p.equals("to") && !third) {
      return "VB";
    }
    if (third
        && entity.equals(Token.NONE)
        && !tokens.get(b).entity().equals(Token.NONE)
        && b == i - 1) {
      int n = b;
      while (n > 0 && tokens.get(n - 1).entity().equals(tokens.get(b).entity())) {
        n--;
      }
      String beforeName = n > 0 ? tokens.get(n - 1).word().toLowerCase(Locale.ROOT) : "";
      return NOUN_BEFORE.contains(beforeName) ? null : "VBZ"; // not "the Obama plans"
    }
    return null;
  }

  private static boolean adverb(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return VERB_ADVERBS.contains(w) || (w.endsWith("ly") && w.length() > 3 && word.equals(w));
  }

  /** Whether the word is a count ("27", "twenty-seven"), not a year ("in 2016 shows"). */
  private static boolean number(String w) {
    if (Character.isDigit(w.codePointAt(0))) {
      return !(w.length() == 4 && w.chars().allMatch(Character::isDigit));
    }
    return CARDINALS.contains(w.substring(w.lastIndexOf('-') + 1));
  }

  private static boolean afterBe(List<Token> tokens, int i) {
    return i > 0 && BE.contains(tokens.get(i - 1).word().toLowerCase(Locale.ROOT));
  }

  /** The tagger was trained on Treebank tokens: “ ” ( ) as `` '' -LRB- -RRB-. */
  private static String treebank(String word) {
    return switch (word) {
      case "“", "\"" -> "``";
      case "”" -> "''";
      case "(" -> "-LRB-";
      case ")" -> "-RRB-";
      case "‘" -> "`";
      case "’" -> "'";
      default -> word;
    };
  }
}
