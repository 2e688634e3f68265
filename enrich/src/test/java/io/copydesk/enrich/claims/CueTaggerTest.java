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

  /**
   * What the words around a cue decide without the tagger ("-" where they cannot, and the tagger
   * must).
   */
  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Officials said the vote was delayed.|said|VBD",
        "The result was reported on Monday.|reported|VBN",
        "She called for a recount.|called|VBD",
        "The union is demanding a raise.|demanding|VBG",
        "She says the bridge is safe.|says|VBZ",
        "He also plans to run again.|plans|VBZ",
        "They do not want a recount.|want|VB",
        "The agency would publish its findings.|publish|VB",
        "The board declined to comment.|comment|VB",
        "Clinton says the plan works.|says|VBZ",
        "The agency will publish a report soon.|report|NN",
        "Twenty-seven states sued the agency.|states|NN",
        "Eight of 27 states sued.|states|NN",
        "Ninety reports were filed.|reports|NN",
        "Thousands of billions plans were drawn up.|plans|NN",
        "Money was sent to states in the west.|states|-",
        "The treaty binds the United States for a decade.|States|NN",
        "The mayor's plan failed.|plan|NN",
        "He spoke of plans to expand.|plans|NN",
        "The governor states that the budget is balanced.|states|-",
        "Voters in swing states were polled.|states|-",
        "A poll taken in 2016 shows a lead.|shows|-",
        "Mayor Lima Says Bridge Will Open.|Says|VBZ",
        "A charity called Bread for All opened a kitchen.|called|-",
        "By saying so, he ended the talks.|saying|-"
      })
  void theWordsAroundACueDecideItsPartOfSpeechWhenTheyCan(
      String sentence, String word, String tag) {
    List<Token> tokens = CoreNlpEngine.shared().annotate(sentence).sentences().get(0).tokens();
    int i = 0;
    while (!tokens.get(i).word().equals(word)) {
      i++;
    }
    assertEquals(tag.equals("-") ? null : tag, CueTagger.wordTag(tokens, i));
  }

  @org.junit.jupiter.api.Test
  void aSentenceWhoseCuesTheWordsDecideIsNotTagged() {
    List<Token> tokens =
        CoreNlpEngine.shared()
            .annotate("She says the state would publish the report.")
            .sentences()
            .get(0)
            .tokens();
    assertEquals(false, CueTagger.needsTags(tokens));
    assertEquals(true, CueTagger.isCue(tokens, null, 1), "says: a verb, no tags read");
    assertEquals(false, CueTagger.isCue(tokens, null, 3), "state: a noun, no tags read");
    assertEquals(true, CueTagger.isCue(tokens, null, 5), "publish: a verb, no tags read");
  }

  @org.junit.jupiter.api.Test
  void aPrefixTaggedUpToACueAndItsRightContextHoldsTheSentencesTagsUpToTheCue() {
    List<Token> tokens =
        CoreNlpEngine.shared()
            .annotate(
                "In a long interview on the radio the mayor declared that the bridge over the"
                    + " river would stay closed until the spring.")
            .sentences()
            .get(0)
            .tokens();
    int cue = 0;
    while (!tokens.get(cue).word().equals("declared")) {
      cue++;
    }
    List<String> whole = CueTagger.tags(tokens);
    List<String> prefix = CueTagger.prefixTags(tokens, cue + 1 + CueTagger.RIGHT);
    assertEquals(whole.subList(0, cue + 1), prefix.subList(0, cue + 1));
    assertEquals("", prefix.get(tokens.size() - 1), "after the prefix: not tagged");
  }
}
