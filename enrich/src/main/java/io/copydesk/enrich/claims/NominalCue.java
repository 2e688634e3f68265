package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A nominal cue with its owner and a "that" clause: "Trump's claim that …", "the agency's earlier
 * warning that …", "a New York Times report that …", "his promise that …". The nouns are the
 * nominalisations of the lexicon's verb classes (claim, assert, state, warn, conclude …); only an
 * owner (a possessive or a name before the noun) makes a speaker, so "the claim that …" with no
 * one's name gives nothing.
 */
final class NominalCue implements AttributionPattern {
  /** Nominalisations of cue verbs, by what they attribute. */
  private static final Map<String, AttributionType> NOUNS =
      Map.ofEntries(
          Map.entry("claim", AttributionType.speech),
          Map.entry("claims", AttributionType.speech),
          Map.entry("assertion", AttributionType.speech),
          Map.entry("statement", AttributionType.speech),
          Map.entry("argument", AttributionType.speech),
          Map.entry("warning", AttributionType.speech),
          Map.entry("allegation", AttributionType.speech),
          Map.entry("accusation", AttributionType.speech),
          Map.entry("charge", AttributionType.speech),
          Map.entry("insistence", AttributionType.speech),
          Map.entry("contention", AttributionType.speech),
          Map.entry("admission", AttributionType.speech),
          Map.entry("announcement", AttributionType.speech),
          Map.entry("suggestion", AttributionType.speech),
          Map.entry("prediction", AttributionType.speech),
          Map.entry("report", AttributionType.speech),
          Map.entry("promise", AttributionType.intention),
          Map.entry("pledge", AttributionType.intention),
          Map.entry("vow", AttributionType.intention),
          Map.entry("threat", AttributionType.intention),
          Map.entry("belief", AttributionType.belief),
          Map.entry("view", AttributionType.belief),
          Map.entry("fear", AttributionType.belief),
          Map.entry("hope", AttributionType.belief),
          Map.entry("conclusion", AttributionType.belief),
          Map.entry("finding", AttributionType.finding),
          Map.entry("findings", AttributionType.finding));

  /** Possessive pronouns and the pronoun the resolver reads for them. */
  private static final Map<String, String> POSSESSIVES =
      Map.of("his", "he", "her", "she", "their", "they", "its", "it");

  /** Words that may stand between an owner and the noun: "Trump's own admission". */
  private static final int MAX_MODIFIERS = 2;

  @Override
  public boolean startsAt(SentenceScan s, int i) {
    return i > 0
        && i + 2 < s.size()
        && NOUNS.containsKey(s.lower(i))
        && s.lower(i + 1).equals("that")
        && !s.insidePrevious(s.token(i).begin());
  }

  @Override
  public Claim read(SentenceScan s, int i) {
    List<Token> tokens = s.tokens();
    ArticleScan a = s.article();
    SpeakerResolver.Speaker speaker = owner(s, i);
    if (speaker == null) {
      return null;
    }
    int from = i + 2;
    int start = tokens.get(from).begin();
    int end = Clauses.contentEnd(tokens, from, a);
    if (end <= start) {
      return null;
    }
    Claim c = a.claim(start, end, speaker, tokens.get(i).word(), ClaimKind.indirect);
    return c == null
        ? null
        : Claim.newBuilder(c)
            .setKind(a.kindOf(start, end))
            .setAttribution(NOUNS.get(s.lower(i)))
            .build();
  }

  /**
   * Whose the noun at {@code noun} is: the phrase before "'s" ("Trump's claim", "Tulsa police's
   * earlier claim"), a possessive pronoun ("his claim"), or a name before the noun ("a New York
   * Times report"); null when the noun has no owner.
   */
  private static SpeakerResolver.Speaker owner(SentenceScan s, int noun) {
    int j = noun - 1;
    while (j > 0 && noun - j <= MAX_MODIFIERS && isModifier(s.word(j))) {
      j--;
    }
    String w = s.lower(j);
    if (POSSESSIVES.containsKey(w)) {
      Token t = s.token(j);
      return s.article().speakers().resolve(POSSESSIVES.get(w), t.begin(), t.end());
    }
    int end = w.equals("'s") || w.equals("’s") ? j : noun;
    int start = end;
    while (start > 0 && end - start < Clauses.MAX_SUBJECT_TOKENS && isName(s.word(start - 1))) {
      start--;
    }
    if (start == end && end < noun && end > 1 && isNoun(s.word(end - 1))) {
      start = end - 1; // "police's claim", "Tulsa police's claim"
      while (start > 0 && isName(s.word(start - 1))) {
        start--;
      }
    }
    if (start == end) {
      return null;
    }
    int from = s.token(start).begin();
    int to = s.token(end - 1).end();
    return s.article().speakers().resolve(s.text().substring(from, to), from, to);
  }

  /** An adjective or adverb in lower case between owner and noun: "earlier", "own", "repeated". */
  private static boolean isModifier(String w) {
    return !w.isEmpty()
        && Character.isLowerCase(w.codePointAt(0))
        && !POSSESSIVES.containsKey(w)
        && !Cues.isBoundary(w)
        && !Cues.NOT_BEFORE_VERB.contains(w.toLowerCase(Locale.ROOT))
        && !w.equals("'s")
        && !w.equals("’s");
  }

  /** A capitalised word that is no determiner: "The" opens no owner's name. */
  private static boolean isName(String w) {
    return Clauses.isNameWord(w) && !Cues.NOT_BEFORE_VERB.contains(w.toLowerCase(Locale.ROOT));
  }

  private static boolean isNoun(String w) {
    return !w.isEmpty()
        && Character.isLowerCase(w.codePointAt(0))
        && !Cues.isBoundary(w)
        && !Cues.NOT_BEFORE_VERB.contains(w);
  }
}
