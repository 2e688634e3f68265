package io.copydesk.enrich.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Actor rules over invented text whose entity labels are written into it, so each test fixes what
 * the NER said and checks only what the rule does with it. Markup: one sentence a line, tokens
 * separated by spaces, {@code [LABEL:words]} labels the words, {@code a|-|b} are tokens written
 * without space between them ("In-mo").
 */
class LabelledTextRulesTest {
  private static final KnowledgeBase KB =
      KnowledgeBase.parse(
          List.of(
              "GPE\tCanada\t\tCanadian|Canadians\tOttawa",
              "GPE\tEl Salvador\t\tSalvadoran|Salvadorans\tSan Salvador",
              "GPE\tUnited States\tU.S.|US\tAmerican|Americans\tWashington",
              "ORG\tUnited Nations\tUN|U.N.\t\t",
              "ORG\tELN\tNational Liberation Army\t\t")); // "EL" starts a name as it is
  private final ActorExtractor extractor = new ActorExtractor(KB);

  /** The text and tokens the markup describes. */
  static AnnotatedText labelled(String markup) {
    StringBuilder text = new StringBuilder();
    List<Sentence> sentences = new ArrayList<>();
    for (String line : markup.split("\n")) {
      if (text.length() > 0) {
        text.append('\n');
      }
      int sentenceBegin = text.length();
      List<Token> tokens = new ArrayList<>();
      String label = Token.NONE;
      for (String word : line.split(" ")) {
        if (word.startsWith("[")) {
          label = word.substring(1, word.indexOf(':'));
          word = word.substring(word.indexOf(':') + 1);
        }
        boolean closes = word.endsWith("]");
        if (closes) {
          word = word.substring(0, word.length() - 1);
        }
        if (!tokens.isEmpty()) {
          text.append(' ');
        }
        for (String part : word.split("\\|")) {
          int begin = text.length();
          text.append(part);
          tokens.add(new Token(begin, text.length(), part, label));
        }
        if (closes) {
          label = Token.NONE;
        }
      }
      sentences.add(new Sentence(sentenceBegin, text.length(), tokens));
    }
    return new AnnotatedText(text.toString(), sentences);
  }

  /** Each mention's text with its actor's type. */
  private Map<String, ActorType> mentions(String markup) {
    AnnotatedText body = labelled(markup);
    Map<String, ActorType> out = new TreeMap<>();
    for (Actor a : extractor.extract(null, body)) {
      for (Mention m : a.getMentions()) {
        out.merge(
            body.text().substring(m.getStart(), m.getEnd()) + "@" + m.getStart(),
            a.getType(),
            (x, y) -> x);
      }
    }
    return out;
  }

  private List<String> names(String markup) {
    return extractor.extract(null, labelled(markup)).stream().map(Actor::getName).toList();
  }

  private static List<String> texts(Map<String, ActorType> mentions) {
    return mentions.keySet().stream().map(k -> k.substring(0, k.indexOf('@'))).toList();
  }

  @Test
  void aNameStartsWithAWordAndEndsWithANameWord() {
    Map<String, ActorType> m =
        mentions(
            "Farmers in [LOCATION:Lunan province] blocked a road on Monday .\n"
                + "[PERSON:-- Dara Whitcombe] , Lisbon Newsroom\n"
                + "Talks with [PERSON:Pak In|-|mo] resumed .");
    assertEquals(List.of("Dara Whitcombe", "Lunan", "Pak In-mo"), texts(m), m.toString());
    assertEquals(ActorType.LOC, m.get("Lunan@11"));
  }

  @Test
  void aStateShoutedInCapitalsIsTheKnownState() {
    Map<String, ActorType> m =
        mentions(
            "SOCCER - CANADA BEAT [ORGANIZATION:EL SALVADOR] 3-1 .\n"
                + "[LOCATION:Canada] beat [LOCATION:El Salvador] 3-1 in Toronto on Sunday .");
    assertEquals(ActorType.GPE, m.get("EL SALVADOR@21"), m.toString());
    assertEquals(ActorType.GPE, m.get("CANADA@9"), m.toString());
    assertEquals(
        List.of("UNITED NATIONS"),
        names("AID FROM THE [ORGANIZATION:UNITED NATIONS] WILL GROW"),
        "only places are looked up in capitals");
  }

  @Test
  void aPlaceThatWinsOrLosesInAReportWithAScoreIsItsTeam() {
    Map<String, ActorType> m =
        mentions(
            "[LOCATION:Riverton] beat [LOCATION:Glenford] 3-1 on Saturday .\n"
                + "In [LOCATION:Riverton] , fans stayed late .\n"
                + "It was [LOCATION:Glenford] 's seventh loss in a row .\n"
                + "[LOCATION:Canada] beat [LOCATION:Portvale] 2-0 .\n"
                + "[LOCATION:Lakemont] hosted the match .");
    assertEquals(ActorType.ORG, m.get("Riverton@0"), m.toString());
    assertEquals(ActorType.ORG, m.get("Glenford@14"), m.toString());
    assertEquals(ActorType.LOC, m.get("Riverton@44"), "the venue stays a place: " + m);
    assertEquals(ActorType.ORG, m.get("Glenford@81"), m.toString());
    assertEquals(ActorType.GPE, m.get("Canada@117"), "a national side is its country: " + m);
    assertEquals(ActorType.ORG, m.get("Portvale@129"), m.toString());
    assertEquals(ActorType.LOC, m.get("Lakemont@144"), "a place that does not act: " + m);
  }

  @Test
  void withoutAScoreAPlaceThatWinsIsStillAPlace() {
    String noScore =
        "[LOCATION:Riverton] won approval for a new bridge on Monday .\n"
            + "Officials in [LOCATION:Riverton] said work starts in 2027 .";
    assertEquals(ActorType.LOC, mentions(noScore).get("Riverton@0"), noScore);
  }

  @Test
  void aBareSurnameIsThePersonNamedInFull() {
    String text =
        "Seeded player [PERSON:Malik Washington] lost on Sunday .\n"
            + "[LOCATION:Washington] served for the match at 5-4 .";
    assertEquals(List.of("Malik Washington"), names(text), "one person, no place");
    assertEquals(ActorType.PERSON, mentions(text).get("Washington@48"), text);
  }

  @Test
  void aSurnameNeedsAReliableFullName() {
    Map<String, ActorType> m =
        mentions(
            "Aid reached [PERSON:Banda Aceh] on Monday .\n"
                + "Roads into [LOCATION:Banda Aceh] and the rest of [LOCATION:Aceh] were cut .\n"
                + "[PERSON:Poor Mexico] , one poor farmer said , while [LOCATION:Mexico] sent help .");
    assertEquals(ActorType.LOC, m.get("Aceh@73"), m.toString());
    assertEquals(ActorType.LOC, m.get("Mexico@132"), m.toString());
  }
}
