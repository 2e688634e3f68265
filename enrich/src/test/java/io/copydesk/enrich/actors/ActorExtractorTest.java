package io.copydesk.enrich.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.enrich.nlp.NlpEngine;
import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Mention;
import io.copydesk.schema.TextField;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Actor rules over sentences written for the purpose, with the real NER and a small knowledge base.
 */
class ActorExtractorTest {
  private static final KnowledgeBase KB =
      KnowledgeBase.parse(
          List.of(
              "# test knowledge",
              "GPE\tUnited States\tU.S.|US|USA|America\tAmerican|Americans\tWashington",
              "GPE\tFrance\t\tFrench\tParis",
              "GPE\tPeru\t\tPeruvian|Peruvians\tLima",
              "GPE\tJordan\t\tJordanian|Jordanians\tAmman",
              "ORG\tShining Path\tSendero Luminoso\t\t",
              "ORG\tAssociated Press\tAP\t\t",
              "ORG\tCNN\t\t\t",
              "ORG\tPentagon\tDepartment of Defense\t\t",
              "ORG\tKata'ib Hezbollah\tKataib Hezbollah|Hezbollah Brigades\t\t"));
  private static final NlpEngine NLP = CoreNlpEngine.shared();
  private final ActorExtractor extractor = new ActorExtractor(KB);

  private List<Actor> actors(String headline, String body) {
    return extractor.extract(headline == null ? null : NLP.annotate(headline), NLP.annotate(body));
  }

  private static Optional<Actor> named(List<Actor> actors, String name) {
    return actors.stream().filter(a -> a.getName().equals(name)).findFirst();
  }

  @Test
  void aSurnameIsThePersonNamedInFullElsewhere() {
    List<Actor> a =
        actors(
            null,
            "Mayor Carla Mendes opened the bridge on Friday. Mendes said it cost less than planned.");
    Actor mendes = named(a, "Carla Mendes").orElseThrow();
    assertEquals(ActorType.PERSON, mendes.getType());
    assertEquals(2, mendes.getMentions().size());
    assertTrue(mendes.getAliases().contains("Mendes"));
    assertFalse(named(a, "Mendes").isPresent(), "one actor per person");
  }

  @Test
  void titlesBecomeRolesNotNames() {
    List<Actor> a =
        actors(
            null,
            "Defense Department Press Secretary Tom Ruiz said the base was closed. "
                + "Secretary of State Ann Cole spoke later. Lena Park, the Senate Majority Leader, disagreed.");
    assertEquals(
        "Defense Department Press Secretary", named(a, "Tom Ruiz").orElseThrow().getRole());
    assertEquals("Secretary of State", named(a, "Ann Cole").orElseThrow().getRole());
    assertEquals(
        "Senate Majority Leader", named(a, "Lena Park").map(Actor::getRole).orElse(a.toString()));
    assertTrue(
        a.stream().noneMatch(x -> x.getName().contains("Secretary") || x.getName().equals("State")),
        a.toString());
  }

  @Test
  void aliasesAndSpellingsMapToOneCanonicalKnownActor() {
    List<Actor> a =
        actors(
            null,
            "Kataib Hezbollah denied the claim. A spokesman for Kata’ib Hezbollah, also known as the "
                + "Hezbollah Brigades, spoke to The Associated Press. The AP could not verify it.");
    Actor group = named(a, "Kata'ib Hezbollah").orElseThrow();
    assertEquals(ActorType.ORG, group.getType());
    assertEquals(3, group.getMentions().size());
    assertEquals(2, named(a, "Associated Press").orElseThrow().getMentions().size());
    assertFalse(named(a, "Hezbollah").isPresent());
  }

  @Test
  void theUnitedStatesUnderItsShortFormsIsOneGpe() {
    List<Actor> a =
        actors(null, "The U.S. sent aid to Peru. US officials said America would send more.");
    Actor us = named(a, "United States").orElseThrow();
    assertEquals(ActorType.GPE, us.getType());
    assertEquals(3, us.getMentions().size());
  }

  @Test
  void demonymsAndCapitalsActForTheirState() {
    List<Actor> a =
        actors(
            null,
            "Peruvian officials met French diplomats in Lima on Tuesday. "
                + "Paris said the talks went well, while Lima has not commented.");
    Actor france = named(a, "France").orElseThrow();
    assertEquals(ActorType.GPE, france.getType());
    assertTrue(france.getAliases().contains("Paris"), france.toString());
    Actor peru = named(a, "Peru").orElseThrow();
    assertTrue(peru.getAliases().contains("Peruvian"), peru.toString());
    assertTrue(
        named(a, "Lima").isPresent(),
        "Lima where the talks took place is a place, not the state acting");
  }

  @Test
  void aPersonNamedLikeACountryIsAPerson() {
    List<Actor> a = actors(null, "Forward Michael Jordan scored 30 points.");
    assertTrue(named(a, "Michael Jordan").isPresent(), a.toString());
    assertFalse(named(a, "Jordan").isPresent());
  }

  @Test
  void calendarWordsAndSentenceInitialAdverbsAreNotActors() {
    List<Actor> a =
        actors(
            null,
            "\"Definitely, we will return,\" the coach said on Monday. Police arrived on Sunday in Lima.");
    assertTrue(
        a.stream().noneMatch(x -> List.of("Definitely", "Monday", "Sunday").contains(x.getName())),
        a.toString());
  }

  @Test
  void headlineOnlyTitleCaseNamesNeedTheBodyToConfirmThem() {
    List<Actor> a =
        actors(
            "Flood Relief Operations Expand As Shining Path Attacks Convoy",
            "Rebels of the Shining Path attacked an aid convoy near Ayacucho, officials said.");
    assertTrue(a.stream().noneMatch(x -> x.getName().contains("Flood Relief")), a.toString());
    Actor rebels = named(a, "Shining Path").orElseThrow();
    assertTrue(rebels.getMentions().stream().anyMatch(m -> m.getField() == TextField.headline));
  }

  @Test
  void mentionsPointAtTheTextAndSalienceFavoursTheSubject() {
    String body =
        "CNN reported the deal. CNN said talks lasted a week, and CNN staff celebrated. A CNN News crew filmed it in Peru.";
    List<Actor> a = actors("CNN closes deal", body);
    Actor cnn = named(a, "CNN").orElseThrow();
    for (Mention m : cnn.getMentions()) {
      String source = m.getField() == TextField.headline ? "CNN closes deal" : body;
      assertTrue(source.substring(m.getStart(), m.getEnd()).startsWith("CNN"), m.toString());
    }
    Actor peru = named(a, "Peru").orElseThrow();
    assertTrue(cnn.getSalience() > peru.getSalience());
    assertNotNull(a.get(0));
    assertEquals("CNN", a.get(0).getName(), "most salient first");
  }

  @Test
  void resultsLinesKeepTheirNames() {
    List<Actor> a =
        actors(
            null,
            "Results of the women's downhill on Saturday:\n"
                + "1. Carole Montillet ( France ) 1:23.45\n2. Katja Seizinger ( Germany ) 1:23.90");
    assertTrue(named(a, "Carole Montillet").isPresent(), a.toString());
    assertTrue(named(a, "Katja Seizinger").isPresent(), a.toString());
  }

  @Test
  void aTitleCaseLineLosesOnlyNamesMadeOfTheArticlesCommonWords() {
    List<Actor> a =
        actors(
            null,
            "Airstrikes Against Militia Weapons Storage\n\n"
                + "The airstrikes hit militia weapons storage sites near the border, officials said.");
    assertTrue(
        a.stream()
            .noneMatch(x -> x.getName().contains("Airstrikes") || x.getName().contains("Storage")),
        a.toString());
  }

  @Test
  void aNameIsTheSameActorWithOneTypeThroughoutTheArticleEvenWhereTheNerMissedIt() {
    List<Actor> a =
        actors(
            null,
            "Tigray Rovers beat Ashanti Gold 2-1 on Sunday. Tigray Rovers scored twice after the break. "
                + "Coach Abebe Bekele said Tigray Rovers deserved it.");
    Actor team = named(a, "Tigray Rovers").orElseThrow();
    assertEquals(3, team.getMentions().size(), a.toString());
    assertEquals(
        1,
        a.stream().filter(x -> x.getName().equals("Tigray Rovers")).count(),
        "one type, one actor");
  }

  @Test
  void aDemonymActingForItsStateIsAnAliasNotANamedMention() {
    List<Actor> a = actors(null, "Peru sent aid. Peruvian officials said more would follow.");
    Actor peru = named(a, "Peru").orElseThrow();
    assertTrue(peru.getAliases().contains("Peruvian"), peru.toString());
    assertEquals(
        1, peru.getMentions().size(), "\"Peruvian\" names no one: the span is not a mention");
    List<Actor> onlyDemonym = actors(null, "French officials said the talks went well.");
    assertFalse(named(onlyDemonym, "France").isPresent(), "a demonym alone makes no actor");
  }

  @Test
  void anOrganisationBeforeATitleIsAnActorButATitleWordIsNot() {
    List<Actor> a =
        actors(
            null,
            "Defender Roberto Carlos saved the blushes of Real Madrid coach Fabio Capello. "
                + "Secretary of State Ann Cole spoke later.");
    assertTrue(named(a, "Real Madrid").isPresent(), a.toString());
    assertFalse(named(a, "State").isPresent(), a.toString());
  }

  @Test
  void aKnownNameInsideALongerUnlabelledNameIsNotAMention() {
    List<Actor> a =
        actors(
            null,
            "Results from the U.S. Open Tennis Championships on Saturday. U.S. President Bill Clinton watched.");
    Actor us = named(a, "United States").orElseThrow();
    assertEquals(1, us.getMentions().size(), us.toString());
  }
}
