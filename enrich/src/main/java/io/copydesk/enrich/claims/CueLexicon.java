package io.copydesk.enrich.claims;

import io.copydesk.schema.AttributionType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English attribution cues by what they attribute, PARC style: speech, writing, belief, intention
 * and the findings of reports and polls. General English verbs, not any corpus's: each is listed as
 * a lemma and inflected here (said, says, saying, has said), irregular forms listed with it.
 */
final class CueLexicon {
  private static final Map<String, AttributionType> FORMS = new HashMap<>();

  /** Forms that only cue with a particle after them: "called for", "pointed out". */
  private static final Map<String, Set<String>> PARTICLES = new HashMap<>();

  private static final Set<String> PAST = new java.util.HashSet<>();

  /** Third-person present forms ("states", "plans"): a plural noun too, for many. */
  private static final Set<String> THIRD_PERSON = new java.util.HashSet<>();

  /**
   * Verbs of naming that attribute a characterisation with an object and its complement ("called
   * the plan “a disaster”"): speech only in that frame, never alone ("called his brother").
   */
  private static final Set<String> NAMING = new java.util.HashSet<>();

  /** Forms that cue only before a clause: "maintains that …", not "maintains a program". */
  private static final Set<String> CLAUSE_ONLY = new java.util.HashSet<>();

  static {
    speech(
        "say:said",
        "tell:told",
        "add",
        "state",
        "announce",
        "claim",
        "confirm",
        "deny",
        "warn",
        "insist",
        "note",
        "explain",
        "argue",
        "accuse",
        "acknowledge",
        "admit:admitted:admitting",
        "describe",
        "allege",
        "maintain",
        "stress",
        "emphasize",
        "emphasise",
        "predict",
        "threaten",
        "condemn",
        "testify",
        "assert",
        "declare",
        "disclose",
        "assure",
        "caution",
        "complain",
        "concede",
        "counter",
        "recall",
        "repeat",
        "reiterate",
        "signal:signalled:signalling",
        "blame",
        "urge",
        "suggest",
        "estimate",
        "agree",
        "criticize",
        "criticise",
        "question",
        "mention",
        "cite",
        "demand",
        "propose",
        "praise",
        "contend",
        "remark",
        "comment",
        "observe",
        "boast",
        "joke",
        "quip:quipped:quipping",
        "lament",
        "concur:concurred:concurring",
        "dispute",
        "recommend",
        "advise",
        "promise",
        "swear:swore:sworn",
        "brag:bragged:bragging",
        "reveal",
        "decry",
        "report",
        "announce",
        "retort",
        "insinuate",
        "recount",
        "speculate",
        "clarify",
        "ask");
    // Only in the past: "airstrikes respond to attacks" reacts, "she responded" answers.
    FORMS.put("responded", AttributionType.speech);
    FORMS.put("replied", AttributionType.speech);
    writing("write:wrote:written:writing", "tweet", "post", "publish", "email");
    belief(
        "believe",
        "think:thought",
        "feel:felt",
        "know:knew:known",
        "fear",
        "worry",
        "doubt",
        "suspect",
        "assume",
        "expect",
        "hope",
        "understand:understood",
        "realize",
        "realise",
        "recognize",
        "recognise",
        "imply",
        "reckon",
        "conclude",
        "accept",
        "question");
    intention(
        "want",
        "plan:planned:planning",
        "intend",
        "vow",
        "pledge",
        "refuse",
        "decline",
        "seek:sought",
        "decide",
        "threaten",
        "promise");
    finding("show:showed:shown", "find:found", "indicate", "document", "determine", "demonstrate");
    particle("call", "for");
    particle("call", "on");
    particle("point", "out");
    particle("point", "to");
    naming("call", "label:labeled:labelled:labeling:labelling", "brand", "dub:dubbed:dubbing");
    // Verbs whose noun-phrase object is no attribution ("maintains a program", "assumed the
    // role", "accepted the request", "ruled the country", "charges a fee", "learned of a
    // meeting"): they cue only before a clause ("maintains that …", "ruled that …").
    speech("rule", "charge");
    belief("learn:learned:learnt", "discover");
    clauseOnly(
        "maintain", "assume", "accept", "rule", "charge", "learn:learned:learnt", "discover");
  }

  private static void clauseOnly(String... lemmas) {
    for (String lemma : lemmas) {
      CLAUSE_ONLY.addAll(Inflection.forms(lemma));
    }
  }

  /**
   * Words after a verb of finding that make it another verb: a particle ("showed up at the debate",
   * "showing off") or a reflexive object ("find themselves in a war zone").
   */
  private static final Set<String> NOT_FINDING_AFTER =
      Set.of(
          "up",
          "off",
          "myself",
          "yourself",
          "himself",
          "herself",
          "itself",
          "ourselves",
          "themselves");

  /** Whether the word after a cue makes it no cue: "showed up", "found himself". */
  static boolean undoneBy(String word, String next) {
    return type(word) == AttributionType.finding
        && NOT_FINDING_AFTER.contains(next.toLowerCase(Locale.ROOT));
  }

  /** Whether the form cues only before a clause ("ruled that …"), never before an object. */
  static boolean needsClause(String word) {
    return CLAUSE_ONLY.contains(word.toLowerCase(Locale.ROOT));
  }

  private CueLexicon() {}

  /**
   * What the word attributes when it is a verb, or null when it is no cue (or only one with a
   * particle).
   */
  static AttributionType type(String word) {
    return FORMS.get(word.toLowerCase(Locale.ROOT));
  }

  /**
   * The particles after which this form cues ("for", "on" after "called"); empty when it needs
   * none.
   */
  static Set<String> particles(String word) {
    return PARTICLES.getOrDefault(word.toLowerCase(Locale.ROOT), Set.of());
  }

  static boolean isCue(String word) {
    // Lower-cased once: this runs for every token of every sentence.
    String w = word.toLowerCase(Locale.ROOT);
    return FORMS.containsKey(w)
        || !PARTICLES.getOrDefault(w, Set.of()).isEmpty()
        || NAMING.contains(w);
  }

  /**
   * Speech verbs first: a form listed for two types keeps the first ("estimated", "revealed" as
   * speech).
   */
  private static void speech(String... lemmas) {
    add(AttributionType.speech, lemmas);
  }

  private static void writing(String... lemmas) {
    add(AttributionType.writing, lemmas);
  }

  private static void belief(String... lemmas) {
    add(AttributionType.belief, lemmas);
  }

  private static void intention(String... lemmas) {
    add(AttributionType.intention, lemmas);
  }

  private static void finding(String... lemmas) {
    add(AttributionType.finding, lemmas);
  }

  private static void add(AttributionType type, String... lemmas) {
    for (String entry : lemmas) {
      for (String form : Inflection.forms(entry)) {
        FORMS.putIfAbsent(form, type);
      }
      pastAndPresent(entry);
    }
  }

  /** Records the entry's past forms and third-person present. */
  private static void pastAndPresent(String entry) {
    String[] parts = entry.split(":");
    PAST.add(Inflection.past(parts[0]));
    THIRD_PERSON.add(Inflection.thirdPerson(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].endsWith("ing")) {
        PAST.add(parts[i]);
      }
    }
  }

  /**
   * Past forms ("said", "argued", "wrote"): never a plural noun or a bare verb, so outside a
   * passive ("was reported") they are verbs without tagging. Other forms ("states", "plans",
   * "hope") need the tagger.
   */
  static boolean isPast(String word) {
    return PAST.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Whether the form is a third-person present ("states", "says"): never after "to" as a verb. */
  static boolean isThirdPerson(String word) {
    return THIRD_PERSON.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Whether the form is a verb of naming: "called", "labels", "branding". */
  static boolean isNaming(String word) {
    return NAMING.contains(word.toLowerCase(Locale.ROOT));
  }

  private static void naming(String... lemmas) {
    for (String lemma : lemmas) {
      NAMING.addAll(Inflection.forms(lemma));
      pastAndPresent(lemma);
    }
  }

  /** Speech with a particle: "called for", "pointed out". */
  private static void particle(String lemma, String particle) {
    pastAndPresent(lemma);
    for (String form : Inflection.forms(lemma)) {
      PARTICLES.computeIfAbsent(form, f -> new java.util.TreeSet<>()).add(particle);
    }
  }
}
