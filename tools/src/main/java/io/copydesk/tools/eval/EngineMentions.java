package io.copydesk.tools.eval;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The NLP engine's own entity mentions, before any actor rule: each maximal run of tokens with one
 * PERSON, ORGANIZATION or LOCATION label is one mention, typed as the output contract types actors.
 * The yardstick the actor layer is measured against: it must never find less.
 */
final class EngineMentions {
  /** One mention: its character span in the annotated text, its surface and its output type. */
  record Mention(int start, int end, String text, String type) {}

  private EngineMentions() {}

  static List<Mention> of(AnnotatedText annotated) {
    List<Mention> mentions = new ArrayList<>();
    for (Sentence sentence : annotated.sentences()) {
      List<Token> tokens = sentence.tokens();
      int i = 0;
      while (i < tokens.size()) {
        Token t = tokens.get(i);
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).entity().equals(t.entity())) {
          j++;
        }
        String type = outputType(t.entity());
        if (type != null) {
          int start = t.begin();
          int end = tokens.get(j - 1).end();
          mentions.add(new Mention(start, end, annotated.text().substring(start, end), type));
        }
        i = j;
      }
    }
    return mentions;
  }

  /**
   * The output contract's actor type for an engine label; null for labels that are not entities.
   */
  static String outputType(String engineLabel) {
    return switch (engineLabel) {
      case "PERSON" -> "PERSON";
      case "ORGANIZATION" -> "ORG";
      case "LOCATION" -> "LOC";
      default -> null;
    };
  }
}
