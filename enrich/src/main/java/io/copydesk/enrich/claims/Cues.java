package io.copydesk.enrich.claims;

import java.util.Locale;
import java.util.Set;

/** English reporting verbs and the words around them: general language, not any article's. */
final class Cues {
  private Cues() {}

  static final Set<String> VERBS = Set.of(
      "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "announced", "announces", "reported",
      "reports", "claimed", "claims", "confirmed", "confirms", "denied", "denies", "warned", "warns", "insisted", "insists",
      "noted", "notes", "explained", "explains", "wrote", "writes", "argued", "argues", "accused", "accuses",
      "acknowledged", "acknowledges", "admitted", "admits", "described", "describes", "vowed", "vows", "pledged", "pledges",
      "urged", "urges", "suggested", "suggests", "estimated", "estimates", "alleged", "alleges", "maintained", "maintains",
      "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "emphasises", "predicted", "predicts", "promised",
      "promises", "threatened", "threatens", "condemned", "condemns", "testified", "tweeted", "posted", "responded",
      "replied", "concluded", "asserted", "asserts", "declared", "declares", "disclosed", "revealed", "reveals", "believes",
      "assured", "assures", "cautioned", "complained", "conceded", "countered", "recalled", "repeated", "reiterated",
      "signaled", "signalled", "indicated", "indicates", "blamed", "blames");

  /** Participles that continue the previous speaker: "…, saying …", "…, adding, “…”". */
  static final Set<String> CONTINUATIONS = Set.of("saying", "adding", "noting", "arguing", "insisting", "warning",
      "stressing", "explaining", "claiming", "calling", "describing");

  /** Words between a subject and its verb that are not part of the subject: "Kirby also said". */
  static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "also", "later", "previously", "then", "again",
      "further", "earlier", "separately", "once", "repeatedly", "publicly", "privately", "would", "will", "has also",
      "quickly", "immediately", "recently", "already", "had", "reportedly", "did", "does", "do", "not", "never", "is", "was");

  /** Words that end a subject when reading backwards from the verb. */
  static final Set<String> BOUNDARIES = Set.of(",", ";", ":", "(", ")", "\"", "“", "”", "``", "''", "—", "–", "-", "that",
      "and", "but", "or", "who", "which", "when", "while", "because", "as", "after", "before", "if", "since", "where",
      "what", "whom", "whose", "though", "although", "than", "so");

  static final Set<String> PRONOUNS_PERSON = Set.of("he", "she");
  static final Set<String> PRONOUNS_GROUP = Set.of("they");
  static final Set<String> PRONOUNS_THING = Set.of("it");

  static boolean isVerb(String w) {
    return VERBS.contains(w.toLowerCase(Locale.ROOT));
  }

  static boolean isContinuation(String w) {
    return CONTINUATIONS.contains(w.toLowerCase(Locale.ROOT));
  }

  static boolean isBoundary(String w) {
    return BOUNDARIES.contains(w.toLowerCase(Locale.ROOT));
  }

  static boolean isAuxiliary(String w) {
    return AUXILIARIES.contains(w.toLowerCase(Locale.ROOT));
  }
}
