package io.copydesk.tools.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineMentionsTest {
  /** Tokens split on spaces, labelled in order. */
  private static AnnotatedText labelled(String text, String... labels) {
    List<Token> tokens = new ArrayList<>();
    int at = 0;
    int k = 0;
    for (String word : text.split(" ")) {
      tokens.add(new Token(at, at + word.length(), word, labels[k++]));
      at += word.length() + 1;
    }
    return new AnnotatedText(text, List.of(new Sentence(0, text.length(), tokens)));
  }

  @Test
  void eachLabelledRunIsOneMentionWithItsSpanAndOutputType() {
    AnnotatedText text =
        labelled(
            "Carole Montillet ( France ) beat Real Madrid",
            "PERSON",
            "PERSON",
            "O",
            "LOCATION",
            "O",
            "O",
            "ORGANIZATION",
            "ORGANIZATION");
    List<EngineMentions.Mention> found = EngineMentions.of(text);
    assertEquals(
        List.of(
            new EngineMentions.Mention(0, 16, "Carole Montillet", "PERSON"),
            new EngineMentions.Mention(19, 25, "France", "LOC"),
            new EngineMentions.Mention(33, 44, "Real Madrid", "ORG")),
        found);
  }

  @Test
  void adjacentRunsOfDifferentLabelsStayApart() {
    List<EngineMentions.Mention> found =
        EngineMentions.of(labelled("Reuters London", "ORGANIZATION", "LOCATION"));
    assertEquals(2, found.size());
    assertEquals("ORG", found.get(0).type());
    assertEquals("LOC", found.get(1).type());
  }

  @Test
  void labelsThatAreNotEntitiesAreNotMentions() {
    assertEquals(List.of(), EngineMentions.of(labelled("on Friday", "O", "DATE")));
  }
}
