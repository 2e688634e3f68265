package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Actor;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who said what, from the body's tokens, quotations and actors (never from the headline). Each
 * pattern of English news attribution is an {@link AttributionPattern}:
 *
 * <ul>
 *   <li>{@link ReportingVerb}: {@code “…,” Kirby said}, {@code “…,” said Kirby}, {@code Kirby said:
 *       “…”}, {@code Kirby said (that) …}, {@code …, Kirby said}, {@code X told Y that …}, beliefs,
 *       intentions and findings ({@code X believes …}, {@code the poll found …}), mixed quotes
 *       ({@code described the strikes as “defensive”}), nesting ({@code A reported that B said …}:
 *       B speaks, A is the source);
 *   <li>{@link AccordingTo}: {@code according to X, …} and {@code …, according to X};
 *   <li>{@link Continuation}: {@code …, saying …}, {@code …, adding, “…”} keep the clause's
 *       speaker;
 *   <li>{@link NominalCue}: {@code X's claim that …}, {@code a Reuters report that …};
 *   <li>{@link LabelledQuotes}: {@code Pence: …} lines and quotations signed {@code ― Name};
 *   <li>{@link QuoteRunOn}: a quotation no attribution reads goes on in the last quoted voice; the
 *       parts of a quotation split by its attribution ({@code “A,” she said. “B.”}) are one claim.
 * </ul>
 *
 * Speakers resolve to the article's actors ({@link SpeakerResolver}): a name to its canonical
 * actor, a pronoun to the most recent compatible speaker, a definite role description ("the
 * Pentagon spokesman") to the person the article gave that role; an unnamed group ("two Iraqi
 * militia officials") stays as described, in one spelling.
 */
public final class ClaimExtractor {
  private final List<AttributionPattern> patterns;

  public ClaimExtractor() {
    this(
        List.of(
            new AccordingTo(),
            new Continuation(),
            new ParticipleClause(),
            new AsParenthetical(),
            new ReportingVerb(),
            new NominalCue(),
            new LabelledQuotes(),
            new WholeQuotes(),
            new QuoteRunOn()));
  }

  /** Only these patterns, in this order of precedence at a token: for tests of one pattern. */
  ClaimExtractor(List<AttributionPattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  public List<Claim> extract(AnnotatedText body, List<Actor> actors) {
    ArticleScan article = new ArticleScan(body.text(), actors);
    List<Claim> claims = new ArrayList<>();
    for (List<Token> sentence : sentences(body)) {
      SentenceScan scan = new SentenceScan(article, sentence, claims);
      for (int i = 0; i < scan.size(); i++) {
        Token t = scan.token(i);
        if (article.insideQuote(t.begin()) || insideDirect(claims, t.begin())) {
          continue; // reported speech inside a quotation is the quote's content, not a new claim
        }
        Claim c = readAt(scan, i);
        if (c != null && (SentenceScan.longEnough(c) || c.getKind() == ClaimKind.direct)) {
          scan.add(c, t.begin());
        }
      }
    }
    for (AttributionPattern p : patterns) {
      p.afterArticle(article, claims);
    }
    // A short quotation ("“That,” he added, “…”") waits for the rest of it; alone it is no claim.
    claims.removeIf(c -> !SentenceScan.longEnough(c));
    claims.sort(Comparator.comparingInt(Claim::getStart));
    return claims;
  }

  /**
   * The body's sentences as token lists. The splitter ends a sentence at an abbreviation's full
   * stop closing a parenthesis ("Rep. Ana Ruiz (R-S.C.) | said …"); a sentence it opens with a
   * lower-case word after a closing parenthesis goes on with the one before.
   */
  static List<List<Token>> sentences(AnnotatedText body) {
    List<List<Token>> sentences = new ArrayList<>();
    for (Sentence sentence : body.sentences()) {
      List<Token> tokens = sentence.tokens();
      List<Token> last = sentences.isEmpty() ? null : sentences.get(sentences.size() - 1);
      if (last != null
          && !last.isEmpty()
          && !tokens.isEmpty()
          && last.get(last.size() - 1).word().equals(")")
          && Character.isLowerCase(tokens.get(0).word().codePointAt(0))) {
        List<Token> joined = new ArrayList<>(last);
        joined.addAll(tokens);
        sentences.set(sentences.size() - 1, joined);
      } else {
        sentences.add(tokens);
      }
    }
    return sentences;
  }

  /** Whether the offset lies in a quotation read already (a block quotation has no marks). */
  private static boolean insideDirect(List<Claim> claims, int offset) {
    for (Claim c : claims) {
      if (c.getKind() == ClaimKind.direct && offset >= c.getStart() && offset < c.getEnd()) {
        return true;
      }
    }
    return false;
  }

  /** The first pattern whose trigger is at token {@code i} reads there; the others do not. */
  private Claim readAt(SentenceScan scan, int i) {
    for (AttributionPattern p : patterns) {
      if (p.startsAt(scan, i)) {
        return p.read(scan, i);
      }
    }
    return null;
  }
}
