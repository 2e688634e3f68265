package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Claim;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A cue's participle opening an adverbial clause, whose subject is the main clause's: "Citing a
 * conspiracy theory, Trump accused …" (the subject after the comma speaks, the participle's object
 * is what was said) and "He answered by saying his refusal was …" (the subject of the clause before
 * speaks). Only cues of saying, writing, belief or intention ({@link Cues#isContinuation}); after
 * "by", only a clause or quotation is what was said ("by adding a few towns" says nothing).
 */
final class ParticipleClause implements AttributionPattern {
  /** Words that open a clause's subject after "by saying": "that", a pronoun, a quotation. */
  private static final Set<String> CLAUSE_OPENERS =
      Set.of("that", "he", "she", "they", "it", "we", "i", "his", "her", "their", "there");

  @Override
  public boolean startsAt(SentenceScan s, int i) {
    if (!Cues.isContinuation(s.word(i)) || s.insidePrevious(s.token(i).begin())) {
      return false;
    }
    return i == 0 || (i > 1 && s.lower(i - 1).equals("by"));
  }

  @Override
  public Claim read(SentenceScan s, int i) {
    return i == 0 ? opening(s) : byClause(s, i);
  }

  /** "Citing a threat to public health, the court blocked …". */
  private static Claim opening(SentenceScan s) {
    List<Token> tokens = s.tokens();
    int comma = 1;
    while (comma < tokens.size() && !tokens.get(comma).word().equals(",")) {
      if (s.article().insideQuote(tokens.get(comma).begin())) {
        return null; // a quotation inside: "Claiming “…”, he said …" is read by the cue after it
      }
      comma++;
    }
    if (comma < 3 || comma + 2 >= tokens.size()) {
      return null;
    }
    List<String> tags = s.tags(comma + 9); // the finite verb is read within 8 tokens of the comma
    if (tags.get(1).equals("IN") || tags.get(1).equals("TO")) {
      return null; // "Writing for a newspaper panel, …": an adjunct, not what was written
    }
    int verb = comma + 1;
    while (verb < tokens.size() && verb - comma <= 8 && !isFinite(tags.get(verb))) {
      verb++;
    }
    if (verb >= tokens.size() || !isFinite(tags.get(verb))) {
      return null;
    }
    Clauses.Subject subject =
        TaggedSubject.chunkBefore(tokens, tags, Clauses.verbStart(tokens, verb));
    if (subject == null || subject.start() != comma + 1) {
      return null; // the phrase after the comma must be the whole subject
    }
    int from = tokens.get(subject.start()).begin();
    int to = tokens.get(subject.end() - 1).end();
    SpeakerResolver.Speaker speaker =
        s.article().speakers().resolve(s.text().substring(from, to), from, to);
    if (speaker == null) {
      return null;
    }
    int start = tokens.get(1).begin();
    int end = tokens.get(comma - 1).end();
    return s.article().claim(start, end, speaker, s.word(0), s.article().kindOf(start, end));
  }

  /** "He answered by saying his refusal was …": the subject of the clause before speaks. */
  private static Claim byClause(SentenceScan s, int i) {
    List<Token> tokens = s.tokens();
    int from = Clauses.skipToContent(tokens, i + 1);
    if (from >= tokens.size()) {
      return null;
    }
    ArticleScan a = s.article();
    int start = tokens.get(from).begin();
    QuoteSpans.Span quote = a.quoteStartingAt(start);
    boolean clause =
        quote != null
            || (from > 0 && tokens.get(from - 1).word().equalsIgnoreCase("that"))
            || CLAUSE_OPENERS.contains(tokens.get(from).word().toLowerCase(Locale.ROOT));
    if (!clause) {
      return null;
    }
    SpeakerResolver.Speaker speaker =
        s.previous() != null
            ? new SpeakerResolver.Speaker(
                s.previous().getSpeaker(), s.previous().getSpeakerSurface(), null, null)
            : Continuation.openingActor(s, i - 1);
    if (speaker == null) {
      return null;
    }
    if (quote != null) {
      return a.claim(
          quote.start(), quote.end(), speaker, s.word(i), io.copydesk.schema.ClaimKind.direct);
    }
    int end = Clauses.contentEnd(tokens, from, a);
    return end > start ? a.claim(start, end, speaker, s.word(i), a.kindOf(start, end)) : null;
  }

  private static boolean isFinite(String tag) {
    return tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP") || tag.equals("MD");
  }
}
