package io.copydesk.enrich.nlp;

import java.util.List;

/** A sentence: its character span in the annotated text and its tokens. */
public record Sentence(int begin, int end, List<Token> tokens) {
  public Sentence {
    tokens = List.copyOf(tokens);
  }
}
