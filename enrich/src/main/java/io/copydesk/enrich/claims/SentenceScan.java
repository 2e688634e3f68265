package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Claim;
import java.util.List;
import java.util.Locale;

/**
 * One sentence as the patterns read it: its tokens, part-of-speech tags when a cue needs them, and
 * the claim read last in it ({@link #previous}), which a later pattern in the sentence may end or
 * drop.
 */
final class SentenceScan {
  /** Claims shorter than this many words are not kept: "it", "That". */
  static final int MIN_CLAIM_WORDS = 3;

  private final ArticleScan article;
  private final List<Token> tokens;

  /** Tags around the sentence's cue words only, when a cue needs them; tagged on first read. */
  private final CueTagger.CueWindows tags;

  private List<String> sentenceTags;

  /** How many of the sentence's first tokens {@link #sentenceTags} holds tagged. */
  private int taggedTo;

  private final List<Claim> claims;
  private Claim previous;

  SentenceScan(ArticleScan article, List<Token> tokens, List<Claim> claims) {
    this.article = article;
    this.tokens = tokens;
    this.tags = CueTagger.needsTags(tokens) ? CueTagger.cueTags(tokens) : null;
    this.claims = claims;
  }

  ArticleScan article() {
    return article;
  }

  String text() {
    return article.text();
  }

  List<Token> tokens() {
    return tokens;
  }

  Token token(int i) {
    return tokens.get(i);
  }

  String word(int i) {
    return tokens.get(i).word();
  }

  String lower(int i) {
    return tokens.get(i).word().toLowerCase(Locale.ROOT);
  }

  int size() {
    return tokens.size();
  }

  /**
   * Whether token {@code i} is an attribution cue used as a verb (tagged when the word alone cannot
   * tell).
   */
  boolean isCue(int i) {
    return CueTagger.isCue(tokens, tags, i)
        && !(i + 1 < tokens.size() && CueLexicon.undoneBy(word(i), word(i + 1)))
        && !CueTagger.changeOfQuantity(tokens, i)
        && (!CueLexicon.needsClause(tokens.get(i).word())
            || CueTagger.clauseFollows(tokens, i, () -> tags(i + CueTagger.CLAUSE_REACH)));
  }

  /**
   * Penn Treebank tags of the sentence's tokens up to {@code through} (inclusive): the rules read
   * tags only up to a few words after a cue, so only the sentence's beginning up to there and the
   * tagger's right context ({@link CueTagger#RIGHT} tokens) is tagged, as a sentence of its own.
   * Tags after {@code through} may be missing (empty) or read without their right context.
   */
  List<String> tags(int through) {
    int n = tokens.size();
    if (sentenceTags == null && tags != null && tags.wholeSentence()) {
      // A cue window over the whole sentence holds the same tags: the same words, tagged once.
      sentenceTags = tags;
      taggedTo = n;
    }
    if (sentenceTags == null || (taggedTo < n && through >= taggedTo - CueTagger.RIGHT)) {
      taggedTo = Math.min(n, Math.max(through + 1 + CueTagger.RIGHT, 2 * taggedTo));
      sentenceTags = CueTagger.prefixTags(tokens, taggedTo);
    }
    return sentenceTags;
  }

  /** The claim read last in this sentence, or null. */
  Claim previous() {
    return previous;
  }

  /** Whether the offset lies inside the sentence's previous claim. */
  boolean insidePrevious(int offset) {
    return previous != null && offset >= previous.getStart() && offset < previous.getEnd();
  }

  /**
   * Ends the previous claim at {@code at} in the article's claims, or drops it there when too
   * little is left ("Syria condemned the strike"). Returns the cut claim either way; the caller
   * decides what the sentence's previous claim is now.
   */
  Claim cutPrevious(int at) {
    Claim cut = article.truncate(previous, at);
    int index = claims.indexOf(previous);
    if (index >= 0 && longEnough(cut)) {
      claims.set(index, cut);
    } else if (index >= 0) {
      claims.remove(index);
    }
    return cut;
  }

  void setPrevious(Claim c) {
    previous = c;
  }

  /** Drops the previous claim ("A reported that B said …" keeps only B's). */
  void dropPrevious() {
    claims.remove(previous);
    previous = null;
  }

  /**
   * Keeps a claim read in this sentence: it becomes the previous one and its speaker the latest for
   * pronouns.
   */
  void add(Claim c, int at) {
    claims.add(c);
    article.speakers().spoke(c, at);
    previous = c;
  }

  /** Runs of white space, compiled once: claims' and speakers' words are split with it. */
  static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  static boolean longEnough(Claim c) {
    return WHITESPACE.split(c.getText()).length >= MIN_CLAIM_WORDS;
  }
}
