package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** English reporting verbs and the words around them: general language, not any article's. */
final class Cues {
  private Cues() {}

  static final Set<String> VERBS =
      Set.of(
          "said",
          "says",
          "say",
          "told",
          "tells",
          "added",
          "adds",
          "stated",
          "states",
          "announced",
          "announces",
          "reported",
          "reports",
          "claimed",
          "claims",
          "confirmed",
          "confirms",
          "denied",
          "denies",
          "warned",
          "warns",
          "insisted",
          "insists",
          "noted",
          "notes",
          "explained",
          "explains",
          "wrote",
          "writes",
          "argued",
          "argues",
          "accused",
          "accuses",
          "acknowledged",
          "acknowledges",
          "admitted",
          "admits",
          "described",
          "describes",
          "vowed",
          "vows",
          "pledged",
          "pledges",
          "urged",
          "urges",
          "suggested",
          "suggests",
          "estimated",
          "estimates",
          "alleged",
          "alleges",
          "maintained",
          "maintains",
          "stressed",
          "stresses",
          "emphasized",
          "emphasised",
          "emphasizes",
          "emphasises",
          "predicted",
          "predicts",
          "promised",
          "promises",
          "threatened",
          "threatens",
          "condemned",
          "condemns",
          "testified",
          "tweeted",
          "posted",
          "responded",
          "replied",
          "concluded",
          "asserted",
          "asserts",
          "declared",
          "declares",
          "disclosed",
          "revealed",
          "reveals",
          "believes",
          "assured",
          "assures",
          "cautioned",
          "complained",
          "conceded",
          "countered",
          "recalled",
          "repeated",
          "reiterated",
          "signaled",
          "signalled",
          "indicated",
          "indicates",
          "blamed",
          "blames");

  /** Participles that continue the previous speaker: "…, saying …", "…, adding, “…”". */
  static final Set<String> CONTINUATIONS =
      Set.of(
          "saying",
          "adding",
          "noting",
          "arguing",
          "insisting",
          "warning",
          "stressing",
          "explaining",
          "claiming",
          "calling",
          "describing");

  /** Words between a subject and its verb that are not part of the subject: "Kirby also said". */
  static final Set<String> AUXILIARIES =
      Set.of(
          "has",
          "have",
          "had",
          "also",
          "later",
          "previously",
          "then",
          "again",
          "further",
          "earlier",
          "separately",
          "once",
          "repeatedly",
          "publicly",
          "privately",
          "would",
          "will",
          "quickly",
          "immediately",
          "recently",
          "already",
          "reportedly",
          "did",
          "does",
          "do",
          "not",
          "never",
          "is",
          "was",
          "are",
          "were",
          "am",
          "be",
          "been",
          "being",
          "still",
          "now",
          "just",
          "may",
          "might",
          "could",
          "should",
          "can",
          "must",
          "'s",
          "’s",
          "'ve",
          "’ve",
          "'d",
          "’d",
          "'ll",
          "’ll",
          "'re",
          "’re",
          "'m",
          "’m",
          "n't",
          "n’t");

  /** Words that end a subject when reading backwards from the verb. */
  static final Set<String> BOUNDARIES =
      Set.of(
          ",",
          ";",
          ":",
          "(",
          ")",
          "\"",
          "“",
          "”",
          "``",
          "''",
          "—",
          "–",
          "--",
          "that",
          "and",
          "but",
          "or",
          "who",
          "which",
          "when",
          "while",
          "because",
          "as",
          "after",
          "before",
          "if",
          "since",
          "where",
          "what",
          "whom",
          "whose",
          "though",
          "although",
          "than",
          "so");

  /** Personal pronouns in the subject case. */
  static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "you", "he", "she", "it", "we", "they");

  static final Set<String> PRONOUNS_PERSON = Set.of("he", "she");
  static final Set<String> PRONOUNS_GROUP = Set.of("they");
  static final Set<String> PRONOUNS_THING = Set.of("it");

  /**
   * Verbs that report speech, as opposed to belief: "A reported that B said" nests, "A said B
   * believes" does not.
   */
  static final Set<String> SPEECH =
      Set.of(
          "said",
          "says",
          "say",
          "told",
          "tells",
          "added",
          "stated",
          "announced",
          "confirmed",
          "warned",
          "wrote",
          "declared");

  /**
   * Outer verbs whose content may carry someone else's words: the outer speaker becomes the source.
   */
  static final Set<String> RELAYS =
      Set.of("reported", "reports", "according", "quoted", "cited", "citing");

  /**
   * Words before a cue that make it an adjective or noun, not a verb: "on alleged facilities", "the
   * reported deal".
   */
  static final Set<String> NOT_BEFORE_VERB =
      Set.of(
          "a", "an", "the", "on", "of", "in", "at", "for", "with", "by", "to", "his", "her",
          "their", "its", "our", "my", "your", "this", "these", "those", "unnamed", "widely");

  /**
   * Words that may follow an attribution without being its content: "Kirby said on Monday in Rome."
   */
  static final Set<String> ADJUNCT_STARTS =
      Set.of(
          "on",
          "in",
          "at",
          "to",
          "during",
          "late",
          "early",
          "last",
          "this",
          "yesterday",
          "today",
          "tonight",
          "earlier",
          "later",
          "when",
          "while",
          "after",
          "before",
          "as",
          "from",
          "via",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "night",
          "morning",
          "evening",
          "afternoon",
          "separately",
          "recently",
          "previously");

  static final Set<String> RELATIVES = Set.of("which", "that", "who", "whom", "what");

  static boolean isVerb(String w) {
    return VERBS.contains(w.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether the word is a participle that goes on in the clause's voice: one of {@link
   * #CONTINUATIONS}, or the "-ing" form of any cue of saying, writing, belief or intention in the
   * lexicon ("…, promising to …", "…, accusing her of …", "…, suggesting …"); not of a finding ("…,
   * showing …" is the writer's reading).
   */
  static boolean isContinuation(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    if (CONTINUATIONS.contains(l)) {
      return true;
    }
    return l.endsWith("ing")
        && CueLexicon.isCue(l)
        && CueLexicon.type(l) != io.copydesk.schema.AttributionType.finding;
  }

  /** Adverbs that may stand between the comma and a continuing participle: "…, even suggesting". */
  private static final Set<String> PARTICIPLE_ADVERBS =
      Set.of("even", "also", "again", "now", "then", "later", "still", "further", "once");

  /**
   * Whether the participle at {@code i} follows a comma or an adverb after one ("…, even suggesting
   * …"). Not a quotation closed by a comma: "described the strikes as “defensive,” saying …" is one
   * claim.
   */
  static boolean afterComma(List<Token> tokens, int i) {
    if (i == 0) {
      return false;
    }
    String before = tokens.get(i - 1).word();
    if (before.equals(",")) {
      return true;
    }
    return i > 1
        && tokens.get(i - 2).word().equals(",")
        && (PARTICIPLE_ADVERBS.contains(before.toLowerCase(Locale.ROOT))
            || Clauses.isAdverb(before));
  }

  static boolean isBoundary(String w) {
    return BOUNDARIES.contains(w.toLowerCase(Locale.ROOT));
  }

  static boolean isAuxiliary(String w) {
    return AUXILIARIES.contains(w.toLowerCase(Locale.ROOT));
  }
}
