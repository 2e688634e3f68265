package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.enrich.actors.ActorExtractor;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.Mention;
import io.copydesk.schema.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who a subject, pronoun or short name stands for, over actors built by hand. */
class SpeakerResolverTest {

  /** An actor with a mention at every place its surface form occurs in the text. */
  static Actor actor(String text, String name, ActorType type, String surface, double salience) {
    List<Mention> mentions = new ArrayList<>();
    for (int at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      int end = at + surface.length();
      boolean wholeWord =
          (at == 0 || !Character.isLetter(text.charAt(at - 1)))
              && (end == text.length() || !Character.isLetter(text.charAt(end)));
      if (wholeWord) {
        mentions.add(new Mention(TextField.body, at, end));
      }
    }
    return Actor.newBuilder()
        .setName(name)
        .setType(type)
        .setMentions(mentions)
        .setSalience(salience)
        .build();
  }

  /** A resolver over people named in full wherever the text names them. */
  private static SpeakerResolver people(String text, String... names) {
    List<Actor> actors = new ArrayList<>();
    for (String name : names) {
      actors.add(actor(text, name, ActorType.PERSON, name, 0.5));
    }
    return new SpeakerResolver(actors, text, QuoteSpans.find(text));
  }

  @Test
  void aShortNameIsTheFullNamedPersonItEndsOrOpens() {
    String text = "Ban Ki-moon spoke first. Later Ban said the talks would go on. Okafor agreed.";
    List<Actor> actors =
        List.of(
            actor(text, "Ban Ki-moon", ActorType.PERSON, "Ban Ki-moon", 0.9),
            actor(text, "Ban", ActorType.PERSON, "Ban", 0.2),
            actor(text, "Okafor", ActorType.PERSON, "Okafor", 0.1));
    SpeakerResolver r = new SpeakerResolver(actors, text);
    assertEquals("Ban Ki-moon", r.canonical(actors.get(1)), "a first word opening a full name");
    assertEquals("Okafor", r.canonical(actors.get(2)), "nobody named in full: stays as named");
    int at = text.indexOf("Ban said");
    assertEquals("Ban Ki-moon", r.resolve("Ban", at, at + 3).name());
    String two = "Lee Morgan and Ana Lee met. Lee said little.";
    Actor lee = actor(two, "Lee", ActorType.PERSON, "Lee said", 0.1);
    SpeakerResolver surnameFirst =
        new SpeakerResolver(
            List.of(
                actor(two, "Lee Morgan", ActorType.PERSON, "Lee Morgan", 0.5),
                actor(two, "Ana Lee", ActorType.PERSON, "Ana Lee", 0.5),
                lee),
            two);
    assertEquals("Ana Lee", surnameFirst.canonical(lee), "a surname before a first name");
  }

  /** Each pronoun, at the place it stands in the text, and the person it must stand for. */
  @ParameterizedTest(name = "{1} in: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // he and she skip the person of the other gender
        "Maria Lopez said she would go. Tom Becker said he would stay. She said no. Maria Lopez"
            + " left.|She|Maria Lopez|Maria Lopez,Tom Becker",
        "Maria Lopez said she would go. Tom Becker said he would stay. She said no. Maria Lopez"
            + " left.|.|Tom Becker|Maria Lopez,Tom Becker",
        // the subject opening the sentence before, not the last name read
        "Tom Grey blasted the plan on The Ann Lake Show. “It is a disgrace,” he said."
            + "|he|Tom Grey|Tom Grey,Ann Lake",
        // a person named inside a quotation is not the pronoun's
        "Carl Young spoke. “Nobody believes Dana Ortiz,” the senator said. He added more."
            + "|He|Carl Young|Carl Young,Dana Ortiz"
      })
  void aPronounStandsForTheNearestPersonItMayMean(
      String text, String pronoun, String expected, String names) {
    SpeakerResolver r = people(text, names.split(","));
    int at = pronoun.equals(".") ? text.length() : text.lastIndexOf(pronoun + " ");
    String word = pronoun.equals(".") ? "he" : pronoun;
    assertEquals(expected, r.resolve(word, at, at + word.length()).name());
  }

  @Test
  void genderComesFromTitlesAndSubjectPronounsOfTheArticle() {
    String text =
        "Mr. Hale arrived late. Joan Pratt said she was ready; Okon Ito nodded. Ms. Rowe, his"
            + " deputy, waited. Ito said her plan was sound.";
    List<Actor> actors =
        List.of(
            actor(text, "Hale", ActorType.PERSON, "Hale", 0.3),
            actor(text, "Joan Pratt", ActorType.PERSON, "Joan Pratt", 0.3),
            actor(text, "Okon Ito", ActorType.PERSON, "Okon Ito", 0.3),
            actor(text, "Rowe", ActorType.PERSON, "Rowe", 0.3));
    PersonGender g = new PersonGender(actors, text, QuoteSpans.find(text), Actor::getName);
    assertEquals(PersonGender.Gender.MALE, g.of("Hale"));
    assertEquals(PersonGender.Gender.FEMALE, g.of("Joan Pratt"));
    assertEquals(PersonGender.Gender.FEMALE, g.of("Rowe"));
    assertNull(g.of("Okon Ito"), "'his' and 'her' after a name are often about somebody else");
  }

  @Test
  void withNoEvidenceInTheArticleTheFirstNameTellsTheGender() {
    assertEquals(PersonGender.Gender.MALE, PersonGender.byFirstName("Antonin Scalia"));
    assertEquals(PersonGender.Gender.FEMALE, PersonGender.byFirstName("Melanie Austin"));
    assertNull(PersonGender.byFirstName("Scalia"), "a surname alone tells nothing");
    assertNull(PersonGender.byFirstName("Jordan Smith"), "a first name of both genders");
    String text =
        "A plot against Justice Antonin Scalia was rumored. “Here comes the man,” she said.";
    SpeakerResolver r = people(text, "Antonin Scalia");
    int at = text.indexOf("she said");
    assertNull(r.resolve("she", at, at + 3), "'she' is not Antonin Scalia");
    String titled = "Mr. Jordan Smith spoke. “We won,” he said.";
    int he = titled.indexOf("he said");
    assertEquals("Jordan Smith", people(titled, "Jordan Smith").resolve("he", he, he + 2).name());
  }

  @Test
  void aDefiniteDescriptionIsThePersonTheArticleGaveThatTitle() {
    String text =
        "Republican nominee Donald Trump spoke in Ohio. Sen. Jane Roe, a Democrat from Maine,"
            + " disagreed. Pentagon spokesman Carl Diaz declined to comment. X";
    SpeakerResolver r = people(text, "Donald Trump", "Jane Roe", "Carl Diaz");
    int at = text.length() - 1;
    assertEquals("Jane Roe", r.resolve("The senator", at, at + 11).name());
    assertEquals("Donald Trump", r.resolve("the Republican nominee", at, at + 22).name());
    assertEquals("Carl Diaz", r.resolve("the Pentagon spokesman", at, at + 22).name());
    assertEquals("Iraqi spokesman", r.resolve("the Iraqi spokesman", at, at + 19).name());
    assertEquals("company", r.resolve("the company", at, at + 11).name());
    assertEquals("senators", r.resolve("the senators", at, at + 12).name(), "several people");
  }

  @Test
  void timeAndDanglingWordsAfterASubjectAreNotTheSpeaker() {
    assertEquals("Wells Fargo", SpeakerResolver.withoutTrailingTime("Wells Fargo just this month"));
    assertEquals("The Times", SpeakerResolver.withoutTrailingTime("The Times on Saturday"));
    assertEquals("attorneys", SpeakerResolver.withoutTrailingTime("attorneys for the"));
    assertEquals(
        "a poll released Friday", SpeakerResolver.withoutTrailingTime("a poll released Friday"));
    SpeakerResolver r = people("To meet the goal.", "Nobody Here");
    assertNull(r.resolve("to meet", 0, 7), "an infinitive is no speaker");
    assertNull(r.resolve("perhaps", 0, 7), "an adverb is no speaker");
    assertNull(r.resolve("he had fought in Vietnam", 0, 7), "a clause is no speaker");
    assertTrue(SpeakerResolver.clauseShaped("they had voted"));
    assertTrue(!SpeakerResolver.clauseShaped("they both"), "a pronoun with its quantifier");
  }

  /** The speaker the whole extractor gives each invented sentence's claim. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      “Why should we wait?” Mayor Carla Mendes said. “The bridge is ready.”                | Why should we wait? … The bridge is ready. | Carla Mendes
      “Is the count over yet?” said Omar Haddad, a senior minister.                         | Is the count over yet?                     | Omar Haddad
      Maria Lopez cheered. The crowd's love for Tom Becker is plain: “Here he comes at last,” she said. | Here he comes at last        | Maria Lopez
      Tom Grey, who campaigned for Dan Moss since he left the race, blasted the plan on Monday. “It is a disgrace. It is a disgrace and a shame,” he said. | It is a disgrace. It is a disgrace and a shame | Tom Grey
      Dr. Jane Roe, who was the White House physician under President Bill Clinton, said that the first lady had hidden a clot. | the first lady had hidden a clot | Jane Roe
      Gloria Hatch, of Silver Spring, Md., said the event brought back memories.            | the event brought back memories            | Gloria Hatch
      Jean Roux, the foreign minister of France, a permanent member of the Security Council, said the test could not go unpunished. | the test could not go unpunished | Jean Roux
      Ann Ward has faced criticism at home. In response to the pressure, Ann Ward set up a commission, overseen by former U.N. envoy Tom Becker, to study the clashes. “Unity means prosperity for all of the people,” she said. | Unity means prosperity for all of the people | Ann Ward
      “Unity means prosperity, because people fight over limited resources,” she said in the hall, emphasizing it was time to act. | emphasizing it was time to act | null
      Senator Ana Lima met the envoy. Lima aides acknowledged a close bond with the embassy. But they stressed that the sanctions had worked. | the sanctions had worked | Lima aides
      Senator Ana Lima met the envoy. Ana Lima's spokesman said the sanctions had worked.  | the sanctions had worked                  | Ana Lima's spokesman
      Mr. Dunmore and Mr. Keel say other changes are needed. The program has grown beyond its intent, they say. | The program has grown beyond its intent | Keel
      """)
  void theSpeakerIsWhoTheSentenceMeans(String body, String text, String speaker) {
    AnnotatedText annotated = CoreNlpEngine.shared().annotate(body);
    List<Actor> actors = new ActorExtractor(KnowledgeBase.load()).extract(null, annotated);
    List<Claim> claims = new ClaimExtractor().extract(annotated, actors);
    assertEquals(
        speaker.equals("null") ? null : speaker,
        speakerOf(claims, text),
        PatternTable.summary(claims));
  }

  @Test
  void aNameAfterAPrepositionOrAnArticleIsNoSubject() {
    String text = "The crowd's love for Okon Becker is plain. She cheered. The Ann Lake Show ran.";
    assertTrue(PersonGender.subjectLike(text, 0));
    assertTrue(!PersonGender.subjectLike(text, text.indexOf("Okon")), "for Okon Becker");
    assertTrue(!PersonGender.subjectLike(text, text.indexOf("Ann")), "The Ann Lake Show");
    List<Actor> actors = List.of(actor(text, "Okon Becker", ActorType.PERSON, "Okon Becker", 0.3));
    PersonGender g = new PersonGender(actors, text, QuoteSpans.find(text), Actor::getName);
    assertNull(g.of("Okon Becker"), "the next 'she' is not about the object of 'for'");
  }

  /** Item 3 of issue 22: a named speaker is the canonical name of an actor of the same article. */
  @Test
  void everyNamedSpeakerIsAnActorOfTheArticle() {
    String body =
        "Republican nominee Maria Delgado visited Toledo on Tuesday. Delgado said the steel plant"
            + " would stay open. “We will fight for every single job,” she said. The nominee added"
            + " that taxes on small firms would fall next year. Tom Reyes, the city's mayor, said he"
            + " welcomed the visit. Reyes told reporters that the plant employs four thousand"
            + " people. The United Steelworkers said it would back her campaign.";
    AnnotatedText text = CoreNlpEngine.shared().annotate(body);
    List<Actor> actors = new ActorExtractor(KnowledgeBase.load()).extract(null, text);
    List<Claim> claims = new ClaimExtractor().extract(text, actors);
    Set<String> names = actors.stream().map(Actor::getName).collect(Collectors.toSet());
    String summary = PatternTable.summary(claims) + " actors " + names;
    for (Claim c : claims) {
      boolean description = Character.isLowerCase(c.getSpeaker().codePointAt(0));
      assertTrue(description || names.contains(c.getSpeaker()), c.getSpeaker() + " in " + summary);
    }
    assertEquals("Maria Delgado", speakerOf(claims, "steel plant would stay open"), summary);
    assertEquals("Maria Delgado", speakerOf(claims, "every single job"), summary);
    assertEquals("Maria Delgado", speakerOf(claims, "taxes on small firms"), summary);
    assertEquals("Tom Reyes", speakerOf(claims, "employs four thousand"), summary);
  }

  private static String speakerOf(List<Claim> claims, String contains) {
    return claims.stream()
        .filter(c -> c.getText().contains(contains))
        .map(Claim::getSpeaker)
        .findFirst()
        .orElse(null);
  }
}
