package io.copydesk.enrich.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CoreNlpEngineTest {
  private final NlpEngine engine = CoreNlpEngine.shared();

  @Test
  void labelsPeopleOrganisationsAndPlacesWithOffsetsIntoTheText() {
    String text =
        "Mayor Anne Hidalgo met officials from the World Health Organization in Geneva on Monday.\n\nShe left for Paris.";
    AnnotatedText a = engine.annotate(text);
    assertEquals(2, a.sentences().size(), "a blank line ends a sentence");
    List<Token> tokens = a.sentences().get(0).tokens();
    for (Token t : tokens) {
      assertEquals(t.word(), text.substring(t.begin(), t.end()), "offsets point into the text");
    }
    String labelled =
        tokens.stream()
            .filter(Token::isEntity)
            .map(t -> t.word() + "/" + t.entity())
            .collect(Collectors.joining(" "));
    assertTrue(labelled.contains("Hidalgo/PERSON"), labelled);
    assertTrue(labelled.contains("Geneva/LOCATION"), labelled);
    assertTrue(labelled.contains("Organization/ORGANIZATION"), labelled);
  }

  @Test
  void emptyTextHasNoSentences() {
    assertEquals(0, engine.annotate(" ").sentences().size());
  }

  /** The NER model's word function is memoised, and the memo is on the path the pipeline takes. */
  @Test
  void theNerWordFunctionIsRememberedOnThePipelinesOwnPath() {
    CoreNlpEngine core = CoreNlpEngine.shared();
    assertEquals(1, core.wordFunctionMemos.size(), "one CRF behind the ner annotator");
    WordFunctionMemo memo = core.wordFunctionMemos.get(0);
    core.annotate("The harbour authority praised the neighbourhood's colourful festival.");
    assertEquals("harbor", memo.remembered("harbour"), "the model folds British spellings");
    assertEquals("authority", memo.remembered("authority"));
  }
}
