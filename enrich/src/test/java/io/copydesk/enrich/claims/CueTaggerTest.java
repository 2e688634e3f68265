package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.enrich.nlp.Token;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A cue word counts only where the tagger reads it as a verb of attribution. */
class CueTaggerTest {

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The governor states that the budget is balanced.|states|true",
        "Twenty-seven states sued the agency.|states|false",
        "The treaty binds the United States for a decade.|States|false",
        "A new survey shows most voters are undecided.|shows|true",
        "The network cancelled two shows last year.|shows|false",
        "The mayor plans to run again.|plans|true",
        "The council rejected the plans on Monday.|plans|false",
        "She called for a recount in two counties.|called|true",
        "He called his brother on Sunday.|called|false",
        "The senator called the budget “a betrayal of the poor.”|called|true",
        "Ana Lima called her rival a liar at the rally.|called|true",
        "A charity called Bread for All opened a kitchen.|called|false",
        "The mayor called a meeting for Friday.|called|false",
        "The senator is expected to resign.|expected|false",
        "Analysts expected a slower quarter.|expected|true"
      })
  void aCueIsAVerbOfAttribution(String sentence, String word, boolean cue) {
    List<Token> tokens = CoreNlpEngine.shared().annotate(sentence).sentences().get(0).tokens();
    List<String> tags = CueTagger.cueTags(tokens);
    int i = 0;
    while (!tokens.get(i).word().equals(word)) {
      i++;
    }
    assertEquals(cue, CueTagger.isCue(tokens, tags, i), tags.toString());
  }

  @org.junit.jupiter.api.Test
  void onlyTheWordsAroundACueAreTagged() {
    String sentence =
        "After a long night of counting in the northern districts of the old river city, "
            + "the election board now states that the turnout was higher than in any year before it.";
    List<Token> tokens = CoreNlpEngine.shared().annotate(sentence).sentences().get(0).tokens();
    List<String> tags = CueTagger.cueTags(tokens);
    int cue = 0;
    while (!tokens.get(cue).word().equals("states")) {
      cue++;
    }
    assertEquals(tokens.size(), tags.size());
    assertEquals("", tags.get(0), "far before the cue: not tagged");
    assertEquals("", tags.get(tokens.size() - 2), "far after the cue: not tagged");
    assertEquals("VBZ", tags.get(cue));
    assertEquals(true, CueTagger.isCue(tokens, tags, cue));
    assertEquals(
        cue - CueTagger.LEFT,
        tags.indexOf(tags.stream().filter(t -> !t.isEmpty()).findFirst().orElseThrow()));
  }

  @org.junit.jupiter.api.Test
  void windowsReadInAnyOrderGiveTheSameTags() {
    String sentence =
        "The mayor states that the plan works, and in the long debate that followed in the hall "
            + "the council said nothing about the plans it had announced.";
    List<Token> tokens = CoreNlpEngine.shared().annotate(sentence).sentences().get(0).tokens();
    List<String> forwards = List.copyOf(CueTagger.cueTags(tokens));
    CueTagger.CueWindows backwards = CueTagger.cueTags(tokens);
    for (int i = tokens.size() - 1; i >= 0; i--) {
      assertEquals(forwards.get(i), backwards.get(i), "token " + i);
    }
    assertEquals(false, backwards.wholeSentence());
  }

  @org.junit.jupiter.api.Test
  void aWindowOverTheWholeSentenceHoldsTheSentencesTags() {
    List<Token> tokens =
        CoreNlpEngine.shared().annotate("Officials claim so.").sentences().get(0).tokens();
    CueTagger.CueWindows windows = CueTagger.cueTags(tokens);
    assertEquals(true, windows.wholeSentence());
    assertEquals(CueTagger.tags(tokens), List.copyOf(windows));
  }
}
