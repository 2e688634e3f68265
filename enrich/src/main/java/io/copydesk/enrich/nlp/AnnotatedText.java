package io.copydesk.enrich.nlp;

import java.util.List;

/**
 * What the NLP engine says about a text: sentences of entity-labelled tokens, offsets into {@code
 * text}.
 */
public record AnnotatedText(String text, List<Sentence> sentences) {
  public AnnotatedText {
    sentences = List.copyOf(sentences);
  }

  public static AnnotatedText empty(String text) {
    return new AnnotatedText(text == null ? "" : text, List.of());
  }

  public int tokenCount() {
    return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
  }
}
