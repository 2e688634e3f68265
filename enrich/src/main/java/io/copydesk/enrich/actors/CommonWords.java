package io.copydesk.enrich.actors;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words an article writes in lower case somewhere: its common words. A capitalised word that is
 * also one of these owes its capital to the line's style (a title-case headline or subhead), not to
 * being a name. Words of three letters or fewer are left out: "of", "Red" and "Sea" say little
 * either way.
 */
final class CommonWords {
  private static final int SHORTEST = 4;
  private final Set<String> lowerCase = new HashSet<>();

  private CommonWords() {}

  static CommonWords of(AnnotatedText headline, AnnotatedText body) {
    CommonWords words = new CommonWords();
    words.add(headline);
    words.add(body);
    return words;
  }

  private void add(AnnotatedText text) {
    if (text == null) {
      return;
    }
    for (Sentence sentence : text.sentences()) {
      for (Token t : sentence.tokens()) {
        String w = t.word();
        if (w.length() >= SHORTEST && Character.isLowerCase(w.codePointAt(0))) {
          lowerCase.add(w);
        }
      }
    }
  }

  /**
   * Whether a capitalised word of this phrase is written in lower case elsewhere in the article.
   */
  boolean capitalisedIn(String phrase) {
    for (String w : Names.tokens(phrase)) {
      if (w.length() >= SHORTEST
          && Character.isUpperCase(w.codePointAt(0))
          && lowerCase.contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
