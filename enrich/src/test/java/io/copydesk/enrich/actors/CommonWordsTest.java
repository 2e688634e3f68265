package io.copydesk.enrich.actors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonWordsTest {
  private static AnnotatedText plain(String text) {
    List<Token> tokens = new ArrayList<>();
    int at = 0;
    for (String w : text.split(" ")) {
      tokens.add(new Token(at, at + w.length(), w, Token.NONE));
      at += w.length() + 1;
    }
    return new AnnotatedText(text, List.of(new Sentence(0, text.length(), tokens)));
  }

  @Test
  void aCapitalisedWordTheArticleAlsoWritesInLowerCaseIsCommon() {
    CommonWords words = CommonWords.of(null, plain("the airstrikes hit a storage site"));
    assertTrue(words.capitalisedIn("Airstrikes Against Militia"));
    assertTrue(words.capitalisedIn("Weapons Storage"));
  }

  @Test
  void namesAndShortWordsAreNot() {
    CommonWords words = CommonWords.of(plain("the red car"), plain("star players of the club"));
    assertFalse(words.capitalisedIn("Goran Ivanisevic"));
    assertFalse(words.capitalisedIn("Red Sea"), "words under four letters say nothing");
    assertFalse(
        words.capitalisedIn("Bank of England"),
        "lower-case words inside a name are not capitalised ones");
  }
}
