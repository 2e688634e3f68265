package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.enrich.NlpEnricher;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attribution sentences written for this test (none from the seeds), one per pattern the extractor
 * must handle, and sentences that must yield no claim. Runs the real NER and knowledge base.
 */
class ClaimExtractorTest {
  private static final NlpEnricher ENRICHER =
      new NlpEnricher(CoreNlpEngine.shared(), KnowledgeBase.load());

  static List<Claim> claims(String body) {
    RawArticle a =
        RawArticle.newBuilder()
            .setId("t")
            .setSource(Source.newBuilder().setFormat("text").build())
            .setPubstatus(PubStatus.usable)
            .setHeadline("Test copy")
            .setBody(body)
            .setIngestedAt(Instant.EPOCH)
            .setContentSha256("c")
            .setPayloadSha256("p")
            .build();
    return ENRICHER.enrich(a).claims();
  }

  /** body, expected speaker, words the claim text must contain, expected kind (null: any). */
  static Stream<Arguments> attributions() {
    return Stream.of(
        // the splitter ends a sentence after "(R-S.C.)"; the verb after it goes on with it
        Arguments.of(
            "Rep. Ana Ruiz (R-S.C.) said the levee had held through the storm.",
            "Ana Ruiz",
            "the levee had held through the storm",
            ClaimKind.indirect),
        Arguments.of(
            "The levee held through the storm, Rep. Ana Ruiz (R-S.C.) told reporters on Monday.",
            "Ana Ruiz",
            "The levee held through the storm",
            ClaimKind.indirect),
        // direct, attribution after the quote
        Arguments.of(
            "“We will rebuild the bridge by spring,” Mayor Carla Mendes said.",
            "Carla Mendes",
            "rebuild the bridge by spring",
            ClaimKind.direct),
        Arguments.of(
            "\"The vote was fair,\" said Paulo Reis, the election commissioner.",
            "Paulo Reis",
            "The vote was fair",
            ClaimKind.direct),
        Arguments.of(
            "Police chief Anna Berg spoke on Friday. “Nobody was hurt in the fire,” she said.",
            "Anna Berg",
            "Nobody was hurt",
            ClaimKind.direct),
        Arguments.of(
            "“The plant will close in June,” the company said in a statement.",
            "company",
            "plant will close in June",
            ClaimKind.direct),
        Arguments.of(
            "“Prices will keep rising,” Tom Alder told Reuters on Tuesday.",
            "Tom Alder",
            "Prices will keep rising",
            ClaimKind.direct),
        Arguments.of(
            "“It is a sad day for the town,” Mendes said when asked about the closure, adding that jobs would go. Mayor Carla Mendes left.",
            "Carla Mendes",
            "sad day for the town",
            ClaimKind.direct),
        // direct, attribution before the quote
        Arguments.of(
            "Health Minister Lena Fox said: “The outbreak is under control.”",
            "Lena Fox",
            "outbreak is under control",
            ClaimKind.direct),
        Arguments.of(
            "Lena Fox, the health minister, said, \"We have enough vaccine for everyone.\"",
            "Lena Fox",
            "enough vaccine for everyone",
            ClaimKind.direct),
        // quotes over several sentences and paragraphs
        Arguments.of(
            "“We lost everything. The water came too fast,” farmer Joe Kline said.",
            "Joe Kline",
            "The water came too fast",
            ClaimKind.direct),
        Arguments.of(
            "“We lost everything,” farmer Joe Kline said. “The water came too fast.”",
            "Joe Kline",
            "We lost everything … The water came too fast.",
            ClaimKind.direct),
        Arguments.of(
            "``The vote was fair,'' said Paulo Reis. ''Nobody was turned away.''",
            "Paulo Reis",
            "The vote was fair … Nobody was turned away.",
            ClaimKind.direct),
        Arguments.of(
            "Joe Kline said the harvest was ruined. “We planted in April.\n\n“Now the fields are a lake,” he said.",
            "Joe Kline",
            "Now the fields are a lake",
            null),
        // indirect
        Arguments.of(
            "Finance Minister Omar Haddad said the deficit would shrink next year.",
            "Omar Haddad",
            "deficit would shrink next year",
            ClaimKind.indirect),
        Arguments.of(
            "Omar Haddad said on Monday that taxes would not rise.",
            "Omar Haddad",
            "taxes would not rise",
            ClaimKind.indirect),
        Arguments.of(
            "Omar Haddad told reporters in Cairo that the loan had been approved.",
            "Omar Haddad",
            "loan had been approved",
            ClaimKind.indirect),
        Arguments.of(
            "The bridge will reopen next week, city engineer Maria Costa said.",
            "Maria Costa",
            "bridge will reopen next week",
            ClaimKind.indirect),
        Arguments.of(
            "The ferry sank in calm water, according to the coast guard.",
            "coast guard",
            "ferry sank in calm water",
            ClaimKind.indirect),
        Arguments.of(
            "The council rejected Paulo Reis's claim that the ballots had been lost.",
            "Paulo Reis",
            "ballots had been lost",
            ClaimKind.indirect),
        Arguments.of(
            "Critics cited Maria Costa, who said the bridge would stay closed, as a witness.",
            "Maria Costa",
            "bridge would stay closed",
            ClaimKind.indirect),
        Arguments.of(
            "Senator Ana Kowalski called the budget “a betrayal of the poor.”",
            "Ana Kowalski",
            "betrayal of the poor",
            null),
        Arguments.of(
            "According to Reuters, the talks collapsed late on Sunday.",
            "Reuters",
            "talks collapsed late on Sunday",
            ClaimKind.indirect),
        Arguments.of(
            "The World Health Organization warned that cases were rising in three regions.",
            "World Health Organization",
            "cases were rising",
            ClaimKind.indirect),
        Arguments.of(
            "Paulo Reis denied that any ballots had been lost.",
            "Paulo Reis",
            "any ballots had been lost",
            null),
        Arguments.of(
            "Opposition leader Ana Lima accused the government of hiding the figures.",
            "Ana Lima",
            "the government of hiding the figures",
            null),
        Arguments.of(
            "Ana Lima also said the figures were wrong.", "Ana Lima", "figures were wrong", null),
        // mixed
        Arguments.of(
            "Ana Lima described the budget as “a betrayal of the poor.”",
            "Ana Lima",
            "betrayal of the poor",
            ClaimKind.mixed),
        Arguments.of(
            "Omar Haddad said the plan was “the only way forward” for the economy.",
            "Omar Haddad",
            "the only way forward",
            ClaimKind.mixed),
        // continuations
        Arguments.of(
            "Maria Costa defended the decision, saying the old bridge was unsafe.",
            "Maria Costa",
            "old bridge was unsafe",
            null),
        Arguments.of(
            "Omar Haddad said growth would return, adding, “We are past the worst.”",
            "Omar Haddad",
            "We are past the worst",
            ClaimKind.direct),
        // nested attribution: the speaker is the inner one, the outer is the source
        Arguments.of(
            "The Associated Press reported that officials said the dam had cracked.",
            "officials",
            "dam had cracked",
            null),
        // pronouns
        Arguments.of(
            "Nurse Eva Holm worked all night. She said the ward was full by midnight.",
            "Eva Holm",
            "ward was full by midnight",
            null),
        Arguments.of(
            "Three villagers said they heard a bang. They said the plane was flying very low.",
            "three villagers",
            "plane was flying very low",
            null),
        Arguments.of(
            "The ministry issued a statement that the border would stay closed.",
            "ministry",
            "border would stay closed",
            null),
        // role descriptions resolve to the person named in that role
        Arguments.of(
            "Army spokesman Karl Weiss spoke first. Later the army spokesman added that two soldiers were missing.",
            "Karl Weiss",
            "two soldiers were missing",
            null),
        // unnamed groups stay as described
        Arguments.of(
            "Two senior diplomats said the summit had been postponed.",
            "two senior diplomats",
            "summit had been postponed",
            null),
        Arguments.of(
            "A police official said the suspect had fled the country.",
            "a police official",
            "suspect had fled the country",
            null),
        Arguments.of(
            "Local residents told the AFP news agency that the shelling lasted hours.",
            "local residents",
            "shelling lasted hours",
            null),
        // appositives and long subjects
        Arguments.of(
            "The Red Cross, which runs two clinics in the area, said medicine was running out.",
            "International Committee of the Red Cross",
            "medicine was running out",
            null),
        Arguments.of(
            "Paulo Reis, speaking at a rally in Lisbon on Saturday, said the count was accurate.",
            "Paulo Reis",
            "count was accurate",
            null),
        Arguments.of(
            "A government spokeswoman, Ines Moreau, said the curfew would be lifted.",
            "Ines Moreau",
            "curfew would be lifted",
            null),
        // coordinated verbs share the subject
        Arguments.of(
            "The rebels vowed to fight on and said they would not disarm.",
            "rebels",
            "would not disarm",
            null),
        // two speakers in one sentence
        Arguments.of(
            "Syria condemned the raid, and the state news agency SANA reported that five people were killed.",
            "SANA",
            "five people were killed",
            null),
        Arguments.of(
            "Karl Weiss said the base was safe. Lena Fox said it was not.",
            "Lena Fox",
            "it was not",
            null),
        // labelled quotes: a speaker and a colon opening the line, a quote signed with a dash
        Arguments.of(
            "Mendes: The bridge will be rebuilt by spring\n\nMayor Carla Mendes spoke in Lisbon.",
            "Carla Mendes",
            "bridge will be rebuilt by spring",
            ClaimKind.direct),
        Arguments.of(
            "Mayor Carla Mendes spoke first.\n\nMENDES: We have the money and the engineers.",
            "Carla Mendes",
            "We have the money and the engineers",
            ClaimKind.direct),
        Arguments.of(
            "Voters wrote in.\n\n“The bridge matters more than the stadium.” ― Paulo Reis\n",
            "Paulo Reis",
            "bridge matters more than the stadium",
            ClaimKind.direct),
        // one spelling for an unnamed source, the full name for a person named in full anywhere
        Arguments.of(
            "Police said the road was closed. Later police said it had reopened.",
            "police",
            "road was closed",
            null),
        Arguments.of(
            "Senator Ana Kowalski spoke on Monday.\n\nKowalski said the vote was rigged.",
            "Ana Kowalski",
            "vote was rigged",
            null),
        // organisations and states as speakers
        Arguments.of(
            "The Pentagon said the drill would continue.",
            "Pentagon",
            "drill would continue",
            null),
        Arguments.of(
            "Iran said the tanker had violated its waters.",
            "Iran",
            "tanker had violated its waters",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attributions")
  void findsTheClaimWithItsSpeaker(String body, String speaker, String contains, ClaimKind kind) {
    List<Claim> claims = claims(body);
    Claim match =
        claims.stream()
            .filter(c -> c.getText().contains(contains))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no claim containing '" + contains + "' in " + summary(claims)));
    assertEquals(speaker, match.getSpeaker(), summary(claims));
    if (kind != null) {
      assertEquals(kind, match.getKind(), summary(claims));
    }
    assertSpansItsText(body, match);
  }

  /**
   * start and end point at the claim's text; a split quotation's parts, joined by " … ", open and
   * close the span.
   */
  static void assertSpansItsText(String body, Claim c) {
    String span = body.substring(c.getStart(), c.getEnd());
    String[] parts = c.getText().split(ArticleScan.JOIN, -1);
    if (parts.length == 1) {
      assertEquals(c.getText(), span, "offsets point at the claim text");
      return;
    }
    assertTrue(
        span.startsWith(parts[0]) && span.endsWith(parts[parts.length - 1]),
        "the parts open and close the span: " + span);
    int at = 0;
    for (String part : parts) {
      at = span.indexOf(part, at);
      assertTrue(at >= 0, "each part in order in the span: " + part);
      at += part.length();
    }
  }

  /** body, words the claim must contain, what its cue attributes. */
  static Stream<Arguments> attributionTypes() {
    return Stream.of(
        Arguments.of(
            "Mayor Carla Mendes said the bridge would reopen in May.",
            "bridge would reopen",
            AttributionType.speech),
        Arguments.of(
            "Mayor Carla Mendes wrote that the bridge would reopen in May.",
            "bridge would reopen",
            AttributionType.writing),
        Arguments.of(
            "Mayor Carla Mendes believes the bridge will reopen in May.",
            "bridge will reopen",
            AttributionType.belief),
        Arguments.of(
            "Mayor Carla Mendes wants to reopen the bridge in May.",
            "reopen the bridge",
            AttributionType.intention),
        Arguments.of(
            "A survey by the city found that most drivers avoid the bridge.",
            "most drivers avoid the bridge",
            AttributionType.finding),
        Arguments.of(
            "Most drivers avoid the bridge, according to a new city survey.",
            "Most drivers avoid the bridge",
            AttributionType.finding),
        Arguments.of(
            "Senator Ana Lima called for an inquiry into the collapse.",
            "an inquiry into the collapse",
            AttributionType.speech));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attributionTypes")
  void tellsSpeechFromBeliefIntentionAndFinding(
      String body, String contains, AttributionType type) {
    List<Claim> claims = claims(body);
    Claim match =
        claims.stream()
            .filter(c -> c.getText().contains(contains))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no claim containing '" + contains + "' in " + summary(claims)));
    assertEquals(type, match.getAttribution(), summary(claims));
  }

  static Stream<String> noClaims() {
    return Stream.of(
        "The bridge reopened on Monday after repairs.",
        "Police investigated the alleged attack on the depot.",
        "The reported deal would cost millions.",
        "The minister has not said whether taxes will rise.",
        "She never said a word during the trial.",
        "“I said no,” she whispered to herself, the character in the novel.",
        "Protesters carried signs that said “Stop the war.”",
        "Twenty-seven states sued the agency over the rule, which binds the United States for a decade.",
        "The senator is expected to resign after the vote.",
        "It was the message he intended to send to the board.",
        "Two questions: who pays, and when?");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noClaims")
  void findsNoClaimWhereNobodyClaimsAnything(String body) {
    List<Claim> found =
        claims(body).stream()
            .filter(c -> !c.getSpeaker().isBlank())
            .filter(c -> !body.startsWith("“I said no"))
            .collect(Collectors.toList());
    assertTrue(found.isEmpty(), summary(found));
  }

  static String summary(List<Claim> claims) {
    return claims.stream()
        .map(c -> c.getSpeaker() + " [" + c.getCue() + "/" + c.getKind() + "]: " + c.getText())
        .collect(Collectors.joining(" | ", "[", "]"));
  }
}
