package io.copydesk.enrich.claims;

import static io.copydesk.enrich.claims.Clauses.attributionEndsClause;
import static io.copydesk.enrich.claims.Clauses.isCommaOrQuote;
import static io.copydesk.enrich.claims.Clauses.isPronoun;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.List;
import java.util.Locale;

/**
 * A reporting verb with its subject: "X said (that) …", "…, X said", "“…,” said X", "X said: “…”",
 * "X told Y that …", "X believes …", "X vowed … and said …", "X issued a statement that …". Also
 * two clauses in one sentence ("Syria condemned the strike and SANA reported …": two claims) and
 * nesting ("A reported that B said …": B speaks, A is the source).
 */
final class ReportingVerb implements AttributionPattern {
  @Override
  public boolean startsAt(SentenceScan s, int i) {
    return (s.isCue(i) || issuesStatement(s.tokens(), i) || continuesQuoting(s, i))
        && (i == 0 || !Cues.NOT_BEFORE_VERB.contains(s.lower(i - 1)) || continuesAVerb(s, i));
  }

  @Override
  public Claim read(SentenceScan s, int i) {
    Claim previous = s.previous();
    boolean insidePrevious = s.insidePrevious(s.token(i).begin());
    boolean relay =
        insidePrevious
            && Cues.RELAYS.contains(ArticleScan.firstWord(previous.getCue()))
            && Cues.SPEECH.contains(s.lower(i));
    int coordination =
        insidePrevious && !relay ? Clauses.coordinatedClauseStart(s.tokens(), i) : -1;
    if (coordination >= 0 && Clauses.joinsSubjects(s.tokens(), previous.getStart(), coordination)) {
      return null; // "said the United States and its allies will seek …": one subject, one claim
    }
    if (insidePrevious
        && !relay
        && coordination < 0
        && i > 0
        && s.word(i - 1).equalsIgnoreCase("and")
        && Clauses.sameSubjectGoesOn(previous, s.word(i))) {
      coordination =
          i - 1; // "The rebels vowed to fight on and said …": the same subject, a new claim
    }
    if (insidePrevious && !relay && coordination < 0) {
      // "Protocol called for an ambulance, sources said.": an attribution closing the sentence
      // after a comma governs all of it, the first cue with its subject included; the sources
      // speak.
      // The same speaker again is the claim going on ("Lin said she came because “…,” she said"),
      // and a verb with an infinitive after it takes a complement, so closes nothing ("…, the
      // company could threaten to sue").
      int after = Clauses.afterCue(s.tokens(), i);
      boolean complement = after < s.size() && s.lower(after).equals("to");
      Claim whole = complement ? null : reported(s, i, null);
      if (whole != null
          && whole.getStart() < previous.getStart()
          && whole.getEnd() <= s.token(i).begin()
          && !whole.getSpeaker().equals(previous.getSpeaker())) {
        s.dropPrevious();
        return whole;
      }
      return null; // "Psaki said the U.S. believes …": one claim, Psaki's
    }
    if (coordination >= 0) {
      // "Syria condemned the strike and SANA reported …": two claims; the first ends at "and".
      Claim cut = s.cutPrevious(s.token(coordination).begin());
      s.setPrevious(
          SentenceScan.longEnough(cut)
              ? cut
              : null); // "Syria condemned the strike": no claim is left
    }
    Claim c = reported(s, i, s.previous());
    if (c != null && relay) {
      // "A reported that B said …": B is the speaker, A the source.
      String source = s.previous().getSpeaker();
      s.dropPrevious();
      c = Claim.newBuilder(c).setSource(source).build();
    }
    return c;
  }

  /**
   * "continues to insist", "appeared to suggest": a person's verb of saying or thinking after a
   * raising verb; findings are not ("seems to show" is the writer's reading).
   */
  private static boolean continuesAVerb(SentenceScan s, int i) {
    return Clauses.verbStart(s.tokens(), i) < i
        && CueLexicon.type(s.word(i)) != io.copydesk.schema.AttributionType.finding;
  }

  /**
   * "She continued, “…”", "He continued:" over a quoted paragraph, "“…,” she continued.": going on
   * speaking, only where a quotation shows it (not "continued to rise").
   */
  private static boolean continuesQuoting(SentenceScan s, int i) {
    String w = s.lower(i);
    if (!(w.equals("continued") || w.equals("continues"))) {
      return false;
    }
    if (i + 1 < s.size() && (s.word(i + 1).equals(",") || s.word(i + 1).equals(":"))) {
      return i + 2 >= s.size() || s.article().quoteStartingAt(s.token(i + 2).begin()) != null;
    }
    boolean ends = i + 1 >= s.size() || (i + 2 == s.size() && s.word(i + 1).equals("."));
    return ends && i > 1 && s.article().quoteEndingAt(s.token(i - 1).begin()) != null;
  }

  private static final java.util.Set<String> ASKING = Inflection.forms("ask");

  /**
   * "… she said when a reporter asked what the plan was": a question in a "when" clause sets the
   * scene for the answer around it; it is no claim.
   */
  private static boolean sceneSettingQuestion(
      List<Token> tokens, int cue, Clauses.Subject subject) {
    return ASKING.contains(tokens.get(cue).word().toLowerCase(Locale.ROOT))
        && subject.start() > 0
        && tokens.get(subject.start() - 1).word().equalsIgnoreCase("when");
  }

  /** "… issued a statement that …": the statement is the cue. */
  private static boolean issuesStatement(List<Token> tokens, int i) {
    String w = tokens.get(i).word().toLowerCase(Locale.ROOT);
    if (!(w.equals("issued") || w.equals("released") || w.equals("put"))) {
      return false;
    }
    for (int j = i + 1; j < Math.min(tokens.size(), i + 5); j++) {
      if (tokens.get(j).word().equalsIgnoreCase("statement")) {
        return j + 1 < tokens.size()
            && (tokens.get(j + 1).word().equalsIgnoreCase("that")
                || tokens.get(j + 1).word().equalsIgnoreCase("saying")
                || tokens.get(j + 1).word().equals(":"));
      }
    }
    return false;
  }

  private static Claim reported(SentenceScan s, int cue, Claim previous) {
    ArticleScan a = s.article();
    String text = a.text();
    List<Token> tokens = s.tokens();
    int verbStart = Clauses.verbStart(tokens, cue);
    if (Clauses.negated(tokens, verbStart, cue)) {
      return null; // "has not blamed": nothing was claimed
    }
    String cueText = Clauses.cuePhrase(text, tokens, cue);
    // "called for …", "pointed out …": the particle belongs to the cue.
    int after = Clauses.afterCue(tokens, cue);
    if (verbStart > 0
        && tokens.get(verbStart - 1).word().equalsIgnoreCase("and")
        && previous != null) {
      // "The factions vowed revenge and said …": the same subject speaks on.
      int from = Clauses.skipToContent(tokens, after);
      if (from >= tokens.size()) {
        return null;
      }
      SpeakerResolver.Speaker same =
          new SpeakerResolver.Speaker(
              previous.getSpeaker(), previous.getSpeakerSurface(), null, null);
      int start = Clauses.withVerbIfObject(tokens, cue, from, after);
      QuoteSpans.Span quote = a.contentQuoteAt(start);
      if (quote != null) {
        return a.claim(quote.start(), quote.end(), same, cueText, ClaimKind.direct);
      }
      boolean object = start == tokens.get(cue).begin();
      int end =
          Clauses.trimmed(tokens, from, object, Clauses.contentEnd(tokens, from, !object, a), a);
      return end > start ? a.claim(start, end, same, cueText, a.kindOf(start, end)) : null;
    }
    if (verbStart > 1
        && isPronoun(tokens.get(verbStart - 1).word())
        && Cues.RELATIVES.contains(tokens.get(verbStart - 2).word().toLowerCase(Locale.ROOT))
        && !(verbStart > 2 && Cues.NOT_BEFORE_VERB.contains(s.lower(verbStart - 3)))) {
      // "… which he claimed was …": the content is outside the clause; after a preposition ("in
      // which he said …", "To which she said, “…”") it follows the verb.
      return null;
    }
    Clauses.Subject subject = Clauses.subjectBefore(tokens, verbStart);
    boolean relative = false;
    if (subject == null) {
      subject = Clauses.relativeAntecedent(tokens, verbStart); // "Ted Cruz, who said …"
      relative = subject != null;
    }
    boolean inverted = false;
    // "“Why not?” Graham asked.": the sentence splitter ends the question's sentence at its mark.
    QuoteSpans.Span asked = relative ? null : a.quoteClosingBefore(tokens.get(0).begin());
    // Only after its content does a subject follow the verb: "“…,” said Kirby", "…, said the
    // ministry".
    // A participle never takes its subject after it: "…, citing the release of prisoners".
    if (subject == null
        && Clauses.invertible(tokens.get(cue).word())
        && !tokens.get(cue).word().toLowerCase(Locale.ROOT).endsWith("ing")
        && ((verbStart > 0 && isCommaOrQuote(tokens.get(verbStart - 1).word()))
            || (verbStart == 0 && asked != null))) {
      subject = Clauses.subjectAfter(tokens, cue);
      inverted = subject != null;
    }
    if (subject == null && verbStart == 0 && Clauses.invertible(tokens.get(cue).word())) {
      // "Said Ellis: “…”": a sentence opening with the verb, its subject and a colon.
      Clauses.Subject named = Clauses.subjectAfter(tokens, cue);
      if (named != null
          && named.end() < tokens.size()
          && tokens.get(named.end()).word().equals(":")) {
        subject = named;
        inverted = true;
      }
    }
    if (subject == null) {
      // An opening phrase with no comma before the subject, coordinated verbs: tagged.
      subject = TaggedSubject.find(s, cue, verbStart);
      if (subject == null) {
        return null;
      }
    }
    if (sceneSettingQuestion(tokens, cue, subject)) {
      return null;
    }
    SpeakerResolver.Speaker speaker = speaker(s, subject);
    if (speaker == null) {
      return null;
    }
    int contentBefore = inverted ? verbStart : subject.start();
    if (asked != null
        && contentBefore == 0
        && attributionEndsClause(
            tokens, inverted ? subject.end() : after, tokens.get(cue).word())) {
      return a.claim(asked.start(), asked.end(), speaker, cueText, ClaimKind.direct);
    }
    // A quotation right before the attribution is what was said: "“…,” he said when asked …".
    if (!relative
        && contentBefore > 0
        && isCommaOrQuote(tokens.get(contentBefore - 1).word())
        && !Clauses.frontedAdjunct(tokens, contentBefore - 1)) {
      QuoteSpans.Span quote = a.quoteEndingAt(tokens.get(contentBefore - 1).begin());
      boolean clauseOfItsOwn = quote != null && continuesClause(text, quote, tokens.get(0).begin());
      if (clauseOfItsOwn
          && attributionEndsClause(
              tokens, inverted ? subject.end() : after, tokens.get(cue).word())) {
        // "Using the tax ''is a misguided approach,'' Mr. Burman said": the quotation ends a clause
        // of the speaker's.
        int start = tokens.get(Clauses.afterConjunction(tokens, 0)).begin();
        return a.claim(start, quote.end(), speaker, cueText, ClaimKind.mixed);
      }
      // "On “Fox News Sunday,” Pence said his …": a title before the speaker; the content follows.
      if (quote != null && !clauseOfItsOwn) {
        return a.claim(quote.start(), quote.end(), speaker, cueText, ClaimKind.direct);
      }
    }
    // Content before the attribution: "…, Kirby said." when nothing but time, place or channel
    // follows.
    int attributionEnd = inverted ? subject.end() : after;
    if (!relative
        && contentBefore > 2
        && isCommaOrQuote(tokens.get(contentBefore - 1).word())
        && attributionEndsClause(tokens, attributionEnd, tokens.get(cue).word())
        && !(Clauses.frontedAdjunct(tokens, contentBefore - 1)
            && (inverted || Clauses.afterParenthetical(tokens, attributionEnd) < 0))) {
      int start = tokens.get(Clauses.afterConjunction(tokens, 0)).begin();
      int end = tokens.get(contentBefore - 1).begin();
      Claim before = a.claim(start, end, speaker, cueText, a.kindOf(start, end));
      // After an inverted subject a comma opens its appositive ("…, said Brian Baker, a longtime
      // adviser …"), not content.
      int resume = inverted ? -1 : Clauses.afterParenthetical(tokens, attributionEnd);
      if (resume < 0 || before == null) {
        return before;
      }
      // "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the parts around the
      // attribution.
      int restStart = tokens.get(resume).begin();
      int restEnd = Clauses.contentEnd(tokens, resume, a);
      QuoteSpans.Span quote = a.contentQuoteAt(restStart);
      if (quote != null) {
        // "Asked about the device, O'Neill said, “Not going to go into that.”": the quotation is
        // what was said.
        Claim quoted = a.claim(quote.start(), quote.end(), speaker, cueText, ClaimKind.direct);
        return quoted == null ? before : quoted;
      }
      Claim rest = a.claim(restStart, restEnd, speaker, cueText, a.kindOf(restStart, restEnd));
      return rest == null ? before : a.join(before, rest);
    }
    // Content after the verb: "Kirby said (that) …", "Kirby said: “…”", "X told Y that …"; in a
    // relative clause ("Ted Cruz, who said he was honored, spoke …") up to the main clause's verb.
    int from = Clauses.skipToContent(tokens, inverted ? subject.end() : after);
    if (!inverted && from == after) {
      from =
          Clauses.afterAddressee(
              tokens, cue, from); // "told African-Americans this weekend he would …"
    }
    if (from >= tokens.size()) {
      // "He said:" ending its paragraph: the next paragraph, quoted or set as a block, is what was
      // said.
      int[] block =
          !inverted && after < tokens.size() && tokens.get(after).word().equals(":")
              ? a.blockAfterColon(tokens.get(after).end())
              : null;
      return block == null ? null : a.claim(block[0], block[1], speaker, cueText, ClaimKind.direct);
    }
    int start = tokens.get(from).begin();
    QuoteSpans.Span quote = a.contentQuoteAt(start);
    if (quote != null) {
      return a.claim(quote.start(), quote.end(), speaker, cueText, ClaimKind.direct);
    }
    boolean object =
        !inverted && Clauses.withVerbIfObject(tokens, cue, from, after) == tokens.get(cue).begin();
    int end =
        relative
            ? Clauses.relativeContentEnd(tokens, from, a)
            : Clauses.contentEnd(tokens, from, !inverted && !object, a);
    if (end <= start) {
      return null;
    }
    if (!inverted) {
      start = Clauses.withVerbIfObject(tokens, cue, from, after);
    }
    end = Clauses.trimmed(tokens, from, object, end, a);
    if (!inverted && !relative) {
      end = Clauses.beforeMainClause(tokens, verbStart, from, end, a);
    }
    return a.claim(start, end, speaker, cueText, a.kindOf(start, end));
  }

  /**
   * Whether words of the same sentence run into the quotation's opening mark ("the tax ''is …''"),
   * not a comma or colon.
   */
  private static boolean continuesClause(String text, QuoteSpans.Span quote, int sentenceStart) {
    int j = quote.open() - 1;
    while (j >= sentenceStart && Character.isWhitespace(text.charAt(j))) {
      j--;
    }
    return j >= sentenceStart && Character.isLetterOrDigit(text.charAt(j));
  }

  /**
   * The subject as a speaker; the named person of an appositive ("A Pentagon spokeswoman, Navy
   * Cmdr. Jessica McNulty, said"), not of an aside ("Trump, appearing after Clinton, said", "Jane
   * Roe, like Obama, has said": Trump, Jane Roe).
   */
  private static SpeakerResolver.Speaker speaker(SentenceScan s, Clauses.Subject subject) {
    String text = s.text();
    SpeakerResolver speakers = s.article().speakers();
    if (subject.appositiveEnd() > subject.appositiveStart()
        && !Clauses.opensAside(s.tokens(), subject.appositiveStart())) {
      int from = s.token(subject.appositiveStart()).begin();
      int to = s.token(subject.appositiveEnd() - 1).end();
      SpeakerResolver.Speaker named = speakers.resolve(text.substring(from, to), from, to);
      if (named != null && named.type() == ActorType.PERSON) {
        return named;
      }
    }
    int from = s.token(subject.start()).begin();
    int to = s.token(subject.end() - 1).end();
    return speakers.resolve(text.substring(from, to), from, to);
  }
}
