package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The subject of a finite cue verb that the word rules of {@link Clauses} miss, read from the
 * sentence's part-of-speech tags (tagged only when this is asked): a noun phrase after an opening
 * phrase with no comma ("In a radio interview Trump declared …", "the third time the agency
 * reported …"), a pronoun after a subordinator ("unless it wants …"), and the subject of the first
 * of two coordinated verbs ("The mayor toured the site and said …"). Not the antecedent of a
 * relative pronoun with no comma ("a program that published …"): tried, it was wrong more often
 * than right.
 */
final class TaggedSubject {
  private TaggedSubject() {}

  /** Longest noun phrase read back from the verb. */
  private static final int MAX_CHUNK = 8;

  /** Tags of the words of a noun phrase before its head, and of the head. */
  private static final Set<String> CHUNK_TAGS =
      Set.of(
          "NN", "NNS", "NNP", "NNPS", "DT", "PDT", "JJ", "JJR", "JJS", "CD", "POS", "PRP$", "VBG");

  private static final Set<String> HEAD_TAGS = Set.of("NN", "NNS", "NNP", "NNPS");

  /** Conjunctions that open a clause, so that a subject may follow them directly. */
  private static final Set<String> SUBORDINATORS = new java.util.HashSet<>();

  static {
    SUBORDINATORS.addAll(Clauses.FRONTED_SUBORDINATORS);
    SUBORDINATORS.addAll(List.of("whether", "where", "that", "so", "than"));
  }

  /** Words that may close an opening phrase before a subject: "―", "-". */
  private static final Set<String> DASHES = Set.of("—", "–", "--", "―", "-");

  private static final Set<String> HAVE = Set.of("has", "have", "had", "'s", "’s", "'ve", "’ve");
  private static final Set<String> BE =
      Set.of("is", "are", "was", "were", "be", "been", "'s", "’s", "'re", "’re", "'m", "’m", "am");

  /**
   * The subject of the cue at {@code cue} whose verb group starts at {@code verbStart}, or null.
   * Only a finite verb group has one: "said", "has said", "is saying", "may want", not "the laws
   * proposed by …" nor "comments questioning …".
   */
  static Clauses.Subject find(SentenceScan s, int cue, int verbStart) {
    // What the words alone rule out comes first: the sentence is tagged only when the tags decide.
    if (verbStart == 0
        || CueLexicon.type(s.word(cue)) == io.copydesk.schema.AttributionType.finding) {
      return null; // a finding's subject is a report or poll, which the word rules read
    }
    String before = s.lower(verbStart - 1);
    boolean coordinated = before.equals("and") || before.equals("but");
    if (!coordinated && Cues.RELATIVES.contains(before)) {
      return null;
    }
    if (adjunctFollows(s, cue)) {
      return null;
    }
    List<Token> tokens = s.tokens();
    List<String> tags = s.tags(cue);
    if (!finite(tokens, tags, cue, verbStart)) {
      return null;
    }
    if (coordinated) {
      return tensed(tokens, tags, cue, verbStart)
          ? coordinated(
              tokens, tags, verbStart - 1, v -> s.article().insideQuote(tokens.get(v).begin()))
          : null;
    }
    return chunkBefore(tokens, tags, verbStart);
  }

  /**
   * Whether a preposition follows the cue ("demonstrated outside the office", "wanted, from saying
   * …"): an adjunct, not what was said.
   */
  private static boolean adjunctFollows(SentenceScan s, int cue) {
    int j = cue + 1;
    while (j < s.size() && s.word(j).equals(",")) {
      j++;
    }
    if (j >= s.size() || Clauses.particleFollows(s.tokens(), cue)) {
      return false;
    }
    String w = s.lower(j);
    return !w.equals("that") && !w.equals("to") && s.tags(j).get(j).equals("IN");
  }

  /**
   * Whether the cue carries its own tense ("and said", "but has said"), as the second of two
   * coordinated finite verbs does; "but would add" may share a modal of another subject.
   */
  private static boolean tensed(List<Token> tokens, List<String> tags, int cue, int verbStart) {
    String tag = tags.get(cue);
    return tag.equals("VBD")
        || tag.equals("VBZ")
        || tag.equals("VBP")
        || (tag.equals("VBN") && verbStart < cue && HAVE.contains(tokens.get(verbStart).word()));
  }

  /** Whether the verb group from {@code verbStart} to the cue is finite, by the cue's tag. */
  private static boolean finite(List<Token> tokens, List<String> tags, int cue, int verbStart) {
    String tag = tags.get(cue);
    if (tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP")) {
      return true;
    }
    for (int j = verbStart; j < cue; j++) {
      String w = tokens.get(j).word().toLowerCase(Locale.ROOT);
      String t = tags.get(j);
      boolean ok =
          switch (tag) {
            case "VB" -> t.equals("MD") || w.startsWith("do") || w.startsWith("did");
            case "VBN" -> HAVE.contains(w) && !t.equals("POS");
            case "VBG" -> BE.contains(w) && !t.equals("POS");
            default -> false;
          };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /**
   * The subject of the finite verb nearest before the conjunction at {@code and}: "The mayor toured
   * the site and said …" gives "The mayor". The verb of a relative or "that" clause is read over
   * ("Reis backed the bill, which let him run, and said …": Reis).
   */
  private static Clauses.Subject coordinated(
      List<Token> tokens, List<String> tags, int and, java.util.function.IntPredicate quoted) {
    for (int v = and - 1; v > 0; v--) {
      String w = tokens.get(v).word();
      if (w.equals(";") || w.equals(":")) {
        return null;
      }
      String t = quoted.test(v) ? "" : tags.get(v); // a quotation's verbs are not the clause's
      if (t.equals("VBD") || t.equals("VBZ") || t.equals("VBP") || t.equals("MD")) {
        int start = Clauses.verbStart(tokens, v);
        if (start > 0 && Cues.RELATIVES.contains(tokens.get(start - 1).word())) {
          v = start - 1; // "… loopholes that benefit others, and has called for …": read over it
          continue;
        }
        Clauses.Subject subject = Clauses.subjectBefore(tokens, start);
        return subject != null ? subject : chunkBefore(tokens, tags, start);
      }
    }
    return null;
  }

  /**
   * The noun phrase ending right before {@code end}, by its tags: a subject pronoun alone, or up to
   * {@link #MAX_CHUNK} words of determiners, adjectives and nouns ending in a noun. A proper name
   * after a common noun starts a new phrase ("the third time AROS"); a phrase that a preposition or
   * verb governs is no subject ("by the Post", "filed reports").
   */
  static Clauses.Subject chunkBefore(List<Token> tokens, List<String> tags, int end) {
    if (end <= 0) {
      return null;
    }
    int head = end - 1;
    String headWord = tokens.get(head).word().toLowerCase(Locale.ROOT);
    if (tags.get(head).equals("PRP")) {
      boolean afterNoun = head > 0 && HEAD_TAGS.contains(tags.get(head - 1));
      return Cues.SUBJECT_PRONOUNS.contains(headWord) && !afterNoun
          ? new Clauses.Subject(head, end, 0, 0)
          : null; // "the rate he proposed": a relative clause
    }
    if (!HEAD_TAGS.contains(tags.get(head))) {
      return null;
    }
    int start = head;
    boolean split = false;
    while (start > 0 && end - start < MAX_CHUNK && CHUNK_TAGS.contains(tags.get(start - 1))) {
      boolean name = tags.get(start).startsWith("NNP");
      boolean common = tags.get(start - 1).equals("NN") || tags.get(start - 1).equals("NNS");
      if (name && common) {
        split = true; // "In a radio interview Trump": the name opens the subject
        break;
      }
      start--;
    }
    while (start < head && (tags.get(start).equals("POS") || tags.get(start).equals("VBG"))) {
      start++;
    }
    if (!Clauses.nounPhrase(tokens, start, end) || !opensClause(tokens, tags, start, split)) {
      return null;
    }
    return new Clauses.Subject(start, end, 0, 0);
  }

  /** Whether what precedes the phrase at {@code start} lets it be a subject. */
  private static boolean opensClause(
      List<Token> tokens, List<String> tags, int start, boolean split) {
    if (start == 0 || split) {
      return true;
    }
    String w = tokens.get(start - 1).word().toLowerCase(Locale.ROOT);
    String t = tags.get(start - 1);
    if (Cues.isBoundary(w) || DASHES.contains(w)) {
      return !Cues.RELATIVES.contains(w) || w.equals("that");
    }
    return t.equals("CC")
        || t.equals("RB")
        || t.equals("``")
        || t.equals("''")
        || t.equals(",")
        || t.equals(":")
        || (t.equals("IN") && SUBORDINATORS.contains(w));
  }
}
