package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import io.copydesk.schema.Mention;
import io.copydesk.schema.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who said what, from the body's tokens, quotations and actors (never from the headline). Patterns
 * of English news attribution:
 *
 * <ul>
 *   <li>direct: {@code “…,” Kirby said}, {@code “…,” said Kirby}, {@code Kirby said: “…”}, quotes
 *       running over several sentences or paragraphs;
 *   <li>indirect: {@code Kirby said (that) …}, {@code …, Kirby said}, {@code X told Y that …},
 *       {@code according to X, …} and {@code …, according to X};
 *   <li>mixed: an indirect claim that quotes some words ({@code described the strikes as “defensive”});
 *   <li>continuations: {@code …, saying …}, {@code …, adding, “…”} keep the clause's speaker;
 *   <li>nested: {@code A reported that B said …}: the speaker is B, with A as the source.
 * </ul>
 *
 * Speakers resolve to the article's actors: a name to its canonical actor, a pronoun to the most
 * recent compatible speaker, a definite role description ("the Pentagon spokesman") to the person
 * the article gave that role; an unnamed group ("two Iraqi militia officials") stays as described, in one spelling.
 */
public final class ClaimExtractor {
  private static final int MAX_SUBJECT_TOKENS = 12;
  private static final int MIN_CLAIM_TOKENS = 3;

  public List<Claim> extract(AnnotatedText body, List<Actor> actors) {
    String text = body.text();
    List<QuoteSpans.Span> quotes = QuoteSpans.find(text);
    SpeakerResolver speakers = new SpeakerResolver(actors, text);
    List<Claim> claims = new ArrayList<>();
    for (Sentence sentence : body.sentences()) {
      List<Token> tokens = sentence.tokens();
      List<String> tags = CueTagger.needsTags(tokens) ? CueTagger.tags(tokens) : null;
      Claim previous = null;
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (insideQuote(quotes, t.begin())) {
          continue; // reported speech inside a quotation is the quote's content, not a new claim
        }
        Claim c = null;
        if (t.word().equalsIgnoreCase("according") && i + 1 < tokens.size() && tokens.get(i + 1).word().equalsIgnoreCase("to")) {
          c = accordingTo(text, tokens, i, quotes, speakers);
        } else if (Cues.isContinuation(t.word()) && i > 0 && tokens.get(i - 1).word().equals(",")) {
          if (previous != null && t.begin() >= previous.getStart() && t.begin() < previous.getEnd()) {
            // "X said growth would return, adding, “…”": the first claim ends at the comma.
            Claim cut = truncate(text, previous, tokens.get(i - 1).begin(), quotes);
            if (cut.getText().split("\\s+").length >= MIN_CLAIM_TOKENS) {
              claims.set(claims.indexOf(previous), cut);
            } else {
              claims.remove(previous);
            }
            previous = cut;
          }
          Claim speakerOf = previous != null ? previous : openingActor(text, tokens, speakers);
          c = speakerOf == null ? null : continuation(text, tokens, i, quotes, speakerOf);
        } else if (((tags != null ? CueTagger.isCue(tokens, tags, i) : CueTagger.isCueUntagged(tokens, i)) || issuesStatement(tokens, i))
            && (i == 0 || !Cues.NOT_BEFORE_VERB.contains(tokens.get(i - 1).word().toLowerCase(Locale.ROOT)))) {
          boolean insidePrevious = previous != null && t.begin() >= previous.getStart() && t.begin() < previous.getEnd();
          boolean relay = insidePrevious && Cues.RELAYS.contains(firstWord(previous.getCue()))
              && Cues.SPEECH.contains(t.word().toLowerCase(Locale.ROOT));
          int coordination = insidePrevious && !relay ? coordinatedClauseStart(tokens, i) : -1;
          if (insidePrevious && !relay && coordination < 0 && i > 0 && tokens.get(i - 1).word().equalsIgnoreCase("and")) {
            coordination = i - 1; // "The rebels vowed to fight on and said …": the same subject, a new claim
          }
          if (insidePrevious && !relay && coordination < 0) {
            continue; // "Psaki said the U.S. believes …": one claim, Psaki's
          }
          if (coordination >= 0) {
            // "Syria condemned the strike and SANA reported …": two claims; the first ends at "and".
            Claim cut = truncate(text, previous, tokens.get(coordination).begin(), quotes);
            if (cut.getText().split("\\s+").length >= MIN_CLAIM_TOKENS) {
              claims.set(claims.indexOf(previous), cut);
              previous = cut;
            } else {
              claims.remove(previous); // "Syria condemned the strike": what was left is no claim
              previous = null;
            }
          }
          c = reported(text, tokens, i, quotes, speakers, previous);
          if (c != null && relay) {
            // "A reported that B said …": B is the speaker, A the source.
            claims.remove(previous);
            c = Claim.newBuilder(c).setSource(previous.getSpeaker()).build();
          }
        }
        if (c != null && c.getText().split("\\s+").length >= MIN_CLAIM_TOKENS) {
          claims.add(c);
          speakers.spoke(c, t.begin());
          previous = c;
        }
      }
      Claim latest = claims.isEmpty() ? null : claims.get(claims.size() - 1);
      if (previous == null && latest != null && (latest.getKind() != ClaimKind.indirect)) {
        // A quotation that opens a sentence right after a quoted speaker goes on in that speaker's voice.
        QuoteSpans.Span quote = quoteStartingAt(quotes, tokens.get(0).begin());
        if (quote != null && quote.start() > latest.getEnd() && quote.start() - latest.getEnd() < 400) {
          Claim more = claim(text, quote.start(), quote.end(),
              new SpeakerResolver.Speaker(latest.getSpeaker(), latest.getSpeakerSurface(), latest.getSource(), null),
              latest.getCue(), ClaimKind.direct);
          if (more != null) {
            claims.add(more);
          }
        }
      }
    }
    for (LabelledQuotes.Found f : LabelledQuotes.find(text, quotes, speakers, actors)) {
      boolean known = claims.stream().anyMatch(c -> Math.abs(c.getStart() - f.start()) <= 2 && Math.abs(c.getEnd() - f.end()) <= 2);
      Claim c = known ? null : claim(text, f.start(), f.end(), f.speaker(), f.cue(), ClaimKind.direct);
      if (c != null) {
        claims.add(c);
      }
    }
    claims.sort(java.util.Comparator.comparingInt(Claim::getStart));
    return claims;
  }

  /** "… issued a statement that …": the statement is the cue. */
  private static boolean issuesStatement(List<Token> tokens, int i) {
    String w = tokens.get(i).word().toLowerCase(Locale.ROOT);
    if (!(w.equals("issued") || w.equals("released") || w.equals("put"))) {
      return false;
    }
    for (int j = i + 1; j < Math.min(tokens.size(), i + 5); j++) {
      if (tokens.get(j).word().equalsIgnoreCase("statement")) {
        return j + 1 < tokens.size() && (tokens.get(j + 1).word().equalsIgnoreCase("that")
            || tokens.get(j + 1).word().equalsIgnoreCase("saying") || tokens.get(j + 1).word().equals(":"));
      }
    }
    return false;
  }

  /** Where "and SUBJECT VERB" starts, if the verb at {@code cue} opens a coordinated clause with its own subject. */
  private static int coordinatedClauseStart(List<Token> tokens, int cue) {
    int verbStart = cue;
    while (verbStart > 0 && (Cues.isAuxiliary(tokens.get(verbStart - 1).word()) || isAdverb(tokens.get(verbStart - 1).word()))) {
      verbStart--;
    }
    Subject subject = subjectBefore(tokens, verbStart);
    if (subject == null || subject.start() == 0 || subject.appositiveEnd() > 0) {
      return -1;
    }
    String before = tokens.get(subject.start() - 1).word().toLowerCase(Locale.ROOT);
    return before.equals("and") || before.equals("but") || before.equals("while") ? subject.start() - 1 : -1;
  }

  private static Claim truncate(String text, Claim claim, int at, List<QuoteSpans.Span> quotes) {
    int end = Math.max(claim.getStart(), Math.min(at, claim.getEnd()));
    while (end > claim.getStart() && " ,;".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    ClaimKind kind = claim.getKind() == ClaimKind.direct ? ClaimKind.direct : kindOf(claim.getStart(), end, quotes);
    return Claim.newBuilder(claim).setEnd(end).setText(text.substring(claim.getStart(), end)).setKind(kind).build();
  }

  /**
   * "Maria Costa defended the decision, saying …": with no claim before it, a continuation speaks
   * for the named actor that opens the sentence. A stand-in claim carries that speaker.
   */
  private static Claim openingActor(String text, List<Token> tokens, SpeakerResolver speakers) {
    int end = 0;
    while (end < tokens.size() && end < MAX_SUBJECT_TOKENS && (Character.isUpperCase(tokens.get(end).word().codePointAt(0))
        || tokens.get(end).word().equalsIgnoreCase("the"))) {
      end++;
    }
    if (end == 0) {
      return null;
    }
    SpeakerResolver.Speaker s = speakers.resolve(text.substring(tokens.get(0).begin(), tokens.get(end - 1).end()),
        tokens.get(0).begin(), tokens.get(end - 1).end());
    if (s == null || s.type() == null) {
      return null; // only a named actor: an unnamed opening phrase may not be the subject
    }
    return Claim.newBuilder().setSpeaker(s.name()).setSpeakerSurface(s.surface()).setCue("").setText("")
        .setKind(ClaimKind.indirect).setField(TextField.body).setStart(0).setEnd(0).build();
  }

  /** "X said (that) …", "…, X said", "“…,” said X", "X said: “…”", "X vowed … and said …". */
  private Claim reported(String text, List<Token> tokens, int cue, List<QuoteSpans.Span> quotes, SpeakerResolver speakers,
      Claim previous) {
    int verbStart = cue;
    while (verbStart > 0 && (Cues.isAuxiliary(tokens.get(verbStart - 1).word()) || isAdverb(tokens.get(verbStart - 1).word()))) {
      verbStart--;
      String w = tokens.get(verbStart).word().toLowerCase(Locale.ROOT);
      if (w.equals("not") || w.equals("never") || w.equals("n't")) {
        return null; // "has not blamed": nothing was claimed
      }
    }
    String cueText = cuePhrase(text, tokens, cue);
    // "called for …", "pointed out …": the particle belongs to the cue.
    int after = CueLexicon.particles(tokens.get(cue).word()).isEmpty() ? cue + 1 : cue + 2;
    if (verbStart > 0 && tokens.get(verbStart - 1).word().equalsIgnoreCase("and") && previous != null) {
      // "The factions vowed revenge and said …": the same subject speaks on.
      int from = skipToContent(tokens, after, tokens.get(cue).word());
      if (from >= tokens.size()) {
        return null;
      }
      SpeakerResolver.Speaker same = new SpeakerResolver.Speaker(previous.getSpeaker(), previous.getSpeakerSurface(), null, null);
      int start = withVerbIfObject(tokens, cue, from, after);
      QuoteSpans.Span quote = quoteStartingAt(quotes, start);
      if (quote != null) {
        return claim(text, quote.start(), quote.end(), same, cueText, ClaimKind.direct);
      }
      int end = endOfClause(tokens);
      return end > start ? claim(text, start, end, same, cueText, kindOf(start, end, quotes)) : null;
    }
    if (verbStart > 1 && isPronoun(tokens.get(verbStart - 1).word())
        && Cues.RELATIVES.contains(tokens.get(verbStart - 2).word().toLowerCase(Locale.ROOT))) {
      return null; // "… which he claimed was …": the content is outside the clause
    }
    Subject subject = subjectBefore(tokens, verbStart);
    boolean inverted = false;
    if (subject == null && invertible(tokens.get(cue).word())) {
      subject = subjectAfter(tokens, cue);
      inverted = subject != null;
    }
    if (subject == null) {
      return null;
    }
    SpeakerResolver.Speaker speaker = null;
    if (subject.appositiveEnd() > subject.appositiveStart()) {
      // "A Pentagon spokeswoman, Navy Cmdr. Jessica McNulty, said": the named person in the appositive.
      SpeakerResolver.Speaker named = speakers.resolve(
          text.substring(tokens.get(subject.appositiveStart()).begin(), tokens.get(subject.appositiveEnd() - 1).end()),
          tokens.get(subject.appositiveStart()).begin(), tokens.get(subject.appositiveEnd() - 1).end());
      if (named != null && named.type() == ActorType.PERSON) {
        speaker = named;
      }
    }
    if (speaker == null) {
      String speakerText = text.substring(tokens.get(subject.start()).begin(), tokens.get(subject.end() - 1).end());
      speaker = speakers.resolve(speakerText, tokens.get(subject.start()).begin(), tokens.get(subject.end() - 1).end());
    }
    if (speaker == null) {
      return null;
    }
    int contentBefore = inverted ? verbStart : subject.start();
    // A quotation right before the attribution is what was said: "“…,” he said when asked …".
    if (contentBefore > 0 && isCommaOrQuote(tokens.get(contentBefore - 1).word())) {
      QuoteSpans.Span quote = quoteEndingAt(quotes, tokens.get(contentBefore - 1).begin());
      if (quote != null) {
        return claim(text, quote.start(), quote.end(), speaker, cueText, ClaimKind.direct);
      }
    }
    // Content before the attribution: "…, Kirby said." when nothing but time, place or channel follows.
    if (contentBefore > 2 && isCommaOrQuote(tokens.get(contentBefore - 1).word())
        && attributionEndsClause(tokens, inverted ? subject.end() : after, tokens.get(cue).word())) {
      int start = tokens.get(0).begin();
      int end = tokens.get(contentBefore - 1).begin();
      return claim(text, start, end, speaker, cueText, kindOf(start, end, quotes));
    }
    // Content after the verb: "Kirby said (that) …", "Kirby said: “…”", "X told Y that …".
    int from = (inverted ? subject.end() : after);
    from = skipToContent(tokens, from, tokens.get(cue).word());
    if (from >= tokens.size()) {
      return null;
    }
    int start = tokens.get(from).begin();
    QuoteSpans.Span quote = quoteStartingAt(quotes, start);
    if (quote != null) {
      return claim(text, quote.start(), quote.end(), speaker, cueText, ClaimKind.direct);
    }
    int end = endOfClause(tokens);
    if (end <= start) {
      return null;
    }
    if (!inverted) {
      start = withVerbIfObject(tokens, cue, from, after);
    }
    return claim(text, start, end, speaker, cueText, kindOf(start, end, quotes));
  }

  /**
   * "denied the presence of weapons", "vowed revenge": when the verb takes an object, not a clause,
   * the verb is part of what was claimed. Verbs of saying, belief and finding, and verbs with a
   * particle ("called for"), take what follows as their content.
   */
  private static int withVerbIfObject(List<Token> tokens, int cue, int from, int after) {
    boolean clause = from > 0 && tokens.get(from - 1).word().equalsIgnoreCase("that");
    String verb = tokens.get(cue).word().toLowerCase(Locale.ROOT);
    AttributionType type = CueLexicon.type(verb);
    boolean takesContent = Cues.SPEECH.contains(verb) || Cues.RELAYS.contains(verb) || after > cue + 1
        || type == AttributionType.belief || type == AttributionType.finding;
    return clause || takesContent ? tokens.get(from).begin() : tokens.get(cue).begin();
  }

  /** Only verbs of saying and writing put their subject after them: "“…,” said Kirby", never "“…,” believes Kirby". */
  private static boolean invertible(String verb) {
    AttributionType type = CueLexicon.type(verb);
    return type == AttributionType.speech || type == AttributionType.writing;
  }

  /** "according to X, …" and "…, according to X." */
  private Claim accordingTo(String text, List<Token> tokens, int at, List<QuoteSpans.Span> quotes, SpeakerResolver speakers) {
    int s = at + 2;
    int e = s;
    while (e < tokens.size() && !Cues.isBoundary(tokens.get(e).word()) && !tokens.get(e).word().equals(".") && e - s < MAX_SUBJECT_TOKENS) {
      e++;
    }
    if (e == s) {
      return null;
    }
    SpeakerResolver.Speaker speaker = speakers.resolve(text.substring(tokens.get(s).begin(), tokens.get(e - 1).end()),
        tokens.get(s).begin(), tokens.get(e - 1).end());
    if (speaker == null) {
      return null;
    }
    int start;
    int end;
    if (at > 0) {
      start = tokens.get(0).begin();
      end = tokens.get(at - 1).word().equals(",") ? tokens.get(at - 1).begin() : tokens.get(at - 1).end();
    } else {
      int from = e < tokens.size() && tokens.get(e).word().equals(",") ? e + 1 : e;
      if (from >= tokens.size()) {
        return null;
      }
      start = tokens.get(from).begin();
      end = endOfClause(tokens);
    }
    return end > start ? claim(text, start, end, speaker, "according to", kindOf(start, end, quotes)) : null;
  }

  /** "…, saying they were launched …", "…, adding, “…”": the clause's speaker goes on. */
  private Claim continuation(String text, List<Token> tokens, int cue, List<QuoteSpans.Span> quotes, Claim previous) {
    int from = skipToContent(tokens, cue + 1, tokens.get(cue).word());
    if (from >= tokens.size()) {
      return null;
    }
    int start = tokens.get(from).begin();
    QuoteSpans.Span quote = quoteStartingAt(quotes, start);
    SpeakerResolver.Speaker speaker = new SpeakerResolver.Speaker(previous.getSpeaker(), previous.getSpeakerSurface(), null, null);
    if (quote != null) {
      return claim(text, quote.start(), quote.end(), speaker, tokens.get(cue).word(), ClaimKind.direct);
    }
    int end = endOfClause(tokens);
    return end > start ? claim(text, start, end, speaker, tokens.get(cue).word(), kindOf(start, end, quotes)) : null;
  }

  /**
   * A subject directly before the verb: a name, pronoun or noun phrase. When an appositive sits
   * between ("Nancy Pelosi, the House Speaker, said"; "The Forces, an umbrella of militias — … —
   * said"), the subject is the sentence's opening phrase and the appositive is kept apart.
   */
  private static Subject subjectBefore(List<Token> tokens, int verbStart) {
    int end = verbStart;
    if (end > 0 && isAppositiveClose(tokens.get(end - 1).word())) {
      int open = end - 2;
      while (open > 0 && !tokens.get(open).word().equals(",")) {
        open--;
      }
      if (open <= 0) {
        return null;
      }
      int start = open;
      while (start > 0 && open - start < MAX_SUBJECT_TOKENS && !Cues.isBoundary(tokens.get(start - 1).word())
          && !Cues.isVerb(tokens.get(start - 1).word())) {
        start--;
      }
      return start == open ? null : new Subject(start, open, open + 1, end - 1);
    }
    int start = end;
    while (start > 0 && end - start < MAX_SUBJECT_TOKENS && !Cues.isBoundary(tokens.get(start - 1).word())
        && !Cues.isVerb(tokens.get(start - 1).word())) {
      start--;
    }
    if (start == end) {
      return null;
    }
    if (end - start > 1 && isPronoun(tokens.get(end - 1).word())) {
      return null; // "the message he intended to send": a relative clause, not a subject
    }
    return new Subject(start, end, 0, 0);
  }

  private static boolean isAppositiveClose(String w) {
    return w.equals(",") || w.equals("—") || w.equals("–") || w.equals("--");
  }

  private static boolean isAdverb(String w) {
    return w.length() > 4 && w.endsWith("ly") && Character.isLowerCase(w.codePointAt(0));
  }

  private static boolean isPronoun(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return l.equals("he") || l.equals("she") || l.equals("they") || l.equals("it");
  }

  private static String firstWord(String cue) {
    int space = cue.indexOf(' ');
    return (space < 0 ? cue : cue.substring(0, space)).toLowerCase(Locale.ROOT);
  }

  /** "…,” said Kirby." : the subject after the verb, up to the end of the clause. */
  private static Subject subjectAfter(List<Token> tokens, int cue) {
    int start = cue + 1;
    int end = start;
    while (end < tokens.size() && end - start < MAX_SUBJECT_TOKENS && !Cues.isBoundary(tokens.get(end).word())
        && !tokens.get(end).word().equals(".")) {
      end++;
    }
    return end > start ? new Subject(start, end, 0, 0) : null;
  }

  private record Subject(int start, int end, int appositiveStart, int appositiveEnd) {}

  /** The verb and the reporting phrase that names its channel: "said in a joint statement", "told The Associated Press". */
  private static String cuePhrase(String text, List<Token> tokens, int cue) {
    int end = cue + 1;
    if (!CueLexicon.particles(tokens.get(cue).word()).isEmpty()) {
      end = cue + 2;
    } else if (end + 2 < tokens.size() && tokens.get(end).word().equalsIgnoreCase("in")
        && (tokens.get(end + 1).word().equalsIgnoreCase("a") || tokens.get(end + 1).word().equalsIgnoreCase("an"))) {
      int j = end + 2;
      while (j < tokens.size() && j - end < 5 && !tokens.get(j).word().equalsIgnoreCase("statement")
          && Character.isLowerCase(tokens.get(j).word().codePointAt(0))) {
        j++;
      }
      if (j < tokens.size() && tokens.get(j).word().equalsIgnoreCase("statement")) {
        end = j + 1;
      }
    } else if (tokens.get(cue).word().equalsIgnoreCase("told")) {
      int j = end;
      while (j < tokens.size() && j - end < 5 && (Character.isUpperCase(tokens.get(j).word().codePointAt(0))
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
  private static int skipToContent(List<Token> tokens, int from, String verb) {
    int limit = Math.min(tokens.size(), from + 12);
    for (int j = from; j < limit; j++) {
      String w = tokens.get(j).word();
      if (w.equalsIgnoreCase("that")) {
        return j + 1;
      }
      boolean adjunctWord = Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0))
          || Cues.ADJUNCT_STARTS.contains(w.toLowerCase(Locale.ROOT)) || CHANNEL_WORDS.contains(w.toLowerCase(Locale.ROOT));
      if (!adjunctWord) {
        break;
      }
    }
    int j = from;
    // "said in a joint statement they would …": the channel is not what was said.
    if (j + 2 < tokens.size() && tokens.get(j).word().equalsIgnoreCase("in")
        && (tokens.get(j + 1).word().equalsIgnoreCase("a") || tokens.get(j + 1).word().equalsIgnoreCase("an"))) {
      for (int k = j + 2; k < Math.min(tokens.size(), j + 6); k++) {
        if (tokens.get(k).word().equalsIgnoreCase("statement")) {
          j = k + 1;
          break;
        }
      }
    }
    while (j < tokens.size() && (tokens.get(j).word().equals(":") || tokens.get(j).word().equals(","))) {
      j++;
    }
    return j;
  }

  /** Words of a channel or audience phrase between a reporting verb and its content. */
  private static final java.util.Set<String> CHANNEL_WORDS = java.util.Set.of("a", "an", "the", "statement", "joint",
      "written", "emailed", "news", "conference", "interview", "briefing", "reporters", "journalists", "lawmakers",
      "television", "radio", "post", "speech", "letter", "meeting", "call", "phone", "telephone", "by", "with", "of");

  /**
   * Whether the attribution closes the clause: nothing after the verb, or only time, place or
   * channel ("on Monday", "in a statement", "told The Military Times"), never an object or clause.
   */
  private static boolean attributionEndsClause(List<Token> tokens, int after, String verb) {
    if (after >= tokens.size()) {
      return true;
    }
    String first = tokens.get(after).word();
    if (first.equals(".") || first.equals(",") || first.equals(";")) {
      return true;
    }
    boolean told = verb.equalsIgnoreCase("told") || verb.equalsIgnoreCase("tells");
    boolean adjunct = Cues.ADJUNCT_STARTS.contains(first.toLowerCase(Locale.ROOT))
        || (told && (Character.isUpperCase(first.codePointAt(0)) || first.equalsIgnoreCase("reporters")));
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

  private static int endOfClause(List<Token> tokens) {
    Token last = tokens.get(tokens.size() - 1);
    return last.word().equals(".") && tokens.size() > 1 ? tokens.get(tokens.size() - 2).end() : last.end();
  }

  private static boolean isCommaOrQuote(String w) {
    return w.equals(",") || w.equals("”") || w.equals("\"") || w.equals("''");
  }

  private static boolean insideQuote(List<QuoteSpans.Span> quotes, int offset) {
    return quotes.stream().anyMatch(q -> q.contains(offset));
  }

  /** The quotation whose closing mark is at, or just after a comma before, this offset. */
  private static QuoteSpans.Span quoteEndingAt(List<QuoteSpans.Span> quotes, int offset) {
    for (QuoteSpans.Span q : quotes) {
      if (q.end() <= offset && offset - q.end() <= 2) {
        return q;
      }
    }
    return null;
  }

  /** The quotation opening at this offset (the content starts right after the mark). */
  private static QuoteSpans.Span quoteStartingAt(List<QuoteSpans.Span> quotes, int offset) {
    for (QuoteSpans.Span q : quotes) {
      if (q.start() - 1 == offset) {
        return q;
      }
    }
    return null;
  }

  private static ClaimKind kindOf(int start, int end, List<QuoteSpans.Span> quotes) {
    for (QuoteSpans.Span q : quotes) {
      if (q.start() >= start && q.end() <= end) {
        return ClaimKind.mixed;
      }
    }
    return ClaimKind.indirect;
  }

  /** What the cue attributes; "according to" a poll, survey or study gives its finding. */
  static AttributionType attributionOf(String cue, String speaker) {
    AttributionType type = CueLexicon.type(firstWord(cue));
    if (type != null) {
      return type;
    }
    String head = speaker.substring(speaker.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    return FINDING_SOURCES.contains(head) ? AttributionType.finding : AttributionType.speech;
  }

  /** Sources whose words are findings, not speech: "according to a new poll". */
  private static final java.util.Set<String> FINDING_SOURCES = java.util.Set.of("poll", "polls", "survey", "surveys",
      "study", "studies", "report", "reports", "analysis", "data", "figures", "estimates", "research", "census");

  private static Claim claim(String text, int start, int end, SpeakerResolver.Speaker speaker, String cue, ClaimKind kind) {
    // Trim the marks and punctuation the span boundaries leave behind.
    while (start < end && ",.;: \n\"“”".indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && ",;: \n\"“”".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    if (end <= start) {
      return null;
    }
    return Claim.newBuilder()
        .setSpeaker(speaker.name())
        .setSpeakerSurface(speaker.surface())
        .setSource(speaker.source())
        .setCue(cue)
        .setText(text.substring(start, end))
        .setKind(kind)
        .setAttribution(attributionOf(cue, speaker.name()))
        .setField(TextField.body)
        .setStart(start)
        .setEnd(end)
        .build();
  }
}
