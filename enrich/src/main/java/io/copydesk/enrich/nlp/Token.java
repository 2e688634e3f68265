package io.copydesk.enrich.nlp;

/**
 * A token with its character span [begin, end) in the annotated text and its entity label: PERSON,
 * ORGANIZATION, LOCATION, or O for none.
 */
public record Token(int begin, int end, String word, String entity) {
  public static final String NONE = "O";

  public boolean isEntity() {
    return !NONE.equals(entity);
  }
}
