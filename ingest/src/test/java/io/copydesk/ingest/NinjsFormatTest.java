package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.schema.PubStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NinjsFormatTest {
  private final NinjsFormat format = new NinjsFormat();

  static String sample(String name) {
    try (InputStream in = NinjsFormatTest.class.getResourceAsStream("/ninjs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputDocument doc(String text) {
    return new InputDocument("item.json", text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
  }

  private ParsedStory parse(String text) throws InputRejectedException {
    List<ParsedStory> stories = format.parse(doc(text), text);
    assertEquals(1, stories.size());
    return stories.get(0);
  }

  private InputRejectedException rejected(String text) {
    return assertThrows(InputRejectedException.class, () -> format.parse(doc(text), text));
  }

  @Test
  void apStyle1xWithIntegerVersionAndItemId() throws Exception {
    String text = sample("ap-text-1x.json");
    ParsedStory s = parse(text);
    assertEquals("8a1f0c3e9b2d4e6fa7c85d3b1e2f4a6c", s.id());
    assertEquals("http://apnews.example/item/8a1f0c3e9b2d4e6fa7c85d3b1e2f4a6c", s.uri());
    assertEquals(3, s.version());
    assertEquals(PubStatus.usable, s.pubstatus());
    assertEquals("Storm floods coastal towns in Norway", s.headline());
    assertEquals("By INGRID HALVORSEN", s.byline());
    assertEquals("en", s.language());
    assertEquals(Instant.parse("2024-03-05T14:30:00Z"), s.publishedAt());
    assertNull(s.embargoedUntil());
    assertEquals("The Associated Press", s.provider());
    // body_text wins over body_html; CRLF, single and blank-line breaks all become paragraph breaks
    assertEquals(
        "BERGEN, Norway (AP) — Heavy rain flooded three coastal towns in western Norway on Tuesday, police said."
            + "\n\nRoads into Bergen were closed and about 400 people left their homes overnight."
            + "\n\n\"We have not seen water this high since 2005,\" said Kari Nordmann, the mayor of Voss."
            + "\n\nForecasters expect the rain to ease on Thursday.",
        s.body());
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), s.payload());
  }

  @Test
  void htmlBodyBecomesParagraphsWithoutFurniture() throws Exception {
    ParsedStory s = parse(sample("html-body-1x.json"));
    assertEquals("urn:newsml:example.org:20240412:bridge-vote", s.id());
    assertEquals(2, s.version());
    assertEquals("Council votes to close the old bridge", s.headline());
    assertEquals("Maria Lopez", s.byline());
    assertEquals("en-GB", s.language());
    assertEquals(
        "The council voted on Monday to close the old bridge for repairs.\n\nIt reopens in May, the council said.",
        s.body());
    // no firstcreated: the version's time stands in
    assertEquals(Instant.parse("2024-04-12T07:15:00Z"), s.publishedAt());
    assertEquals("Example Regional News", s.provider());
  }

  @Test
  void canceledKillKeepsTheStoryIdSoItRetractsTheEarlierVersion() throws Exception {
    ParsedStory story = parse(sample("ap-text-1x.json"));
    ParsedStory kill = parse(sample("kill-1x.json"));
    assertEquals(PubStatus.canceled, kill.pubstatus());
    assertEquals(story.id(), kill.id());
    assertEquals(4, kill.version());
    assertEquals(
        "Editors: The AP is withdrawing this story. Please remove it from your platforms.\n\nA corrected version will follow.",
        kill.body());
  }

  @Test
  void aKillWithoutTextIsStillAccepted() throws Exception {
    ParsedStory kill =
        parse("{\"uri\": \"urn:x:kill\", \"version\": 2, \"pubstatus\": \"canceled\"}");
    assertEquals(PubStatus.canceled, kill.pubstatus());
    assertEquals("", kill.body());
  }

  @Test
  void embargoed2xPrefersPlainTextAndTheMainHeadline() throws Exception {
    ParsedStory s = parse(sample("embargoed-2x.json"));
    assertEquals("100498213", s.id());
    assertEquals(2, s.version());
    assertEquals("Statsbudsjettet: 12 milliarder til veier", s.headline());
    assertEquals("Ola Nordmann", s.byline());
    assertEquals(
        "Regjeringen vil bruke 12 milliarder kroner på veier neste år.\n\nTallene legges fram lørdag.",
        s.body());
    assertEquals(Instant.parse("2024-06-01T04:00:00Z"), s.embargoedUntil());
    assertEquals(Instant.parse("2024-05-31T13:00:00Z"), s.publishedAt());
    assertEquals("nb", s.language());
    assertEquals("NTB", s.provider()); // no copyright holder: the information source
  }

  @Test
  void camelCase3x() throws Exception {
    ParsedStory s = parse(sample("text-3x.json"));
    assertEquals("tt-6a91c2", s.id());
    assertEquals("https://news.example.com/items/2024/05/04/harbour-fire", s.uri());
    assertEquals(5, s.version());
    assertEquals(PubStatus.withheld, s.pubstatus());
    assertEquals("Brand i hamnen i Göteborg", s.headline());
    assertEquals("Anna Svensson, TT", s.byline());
    assertEquals("sv", s.language());
    // the main plain-text body, not the summary and not the XHTML rendering
    assertEquals(
        "En brand bröt ut i ett lager i Göteborgs hamn på lördagen.\n\nIngen skadades, uppger räddningstjänsten.",
        s.body());
    assertEquals(Instant.parse("2024-05-04T10:00:00Z"), s.publishedAt()); // no offset: UTC
    assertEquals(Instant.parse("2024-05-04T12:00:00Z"), s.embargoedUntil());
    assertEquals("TT Nyhetsbyrån", s.provider());
  }

  @Test
  void markupBodyWithoutContentTypeIsReadAsHtml() throws Exception {
    ParsedStory s =
        parse("{\"uri\": \"urn:x:1\", \"bodies\": [{\"value\": \"<p>One.</p><p>Two.</p>\"}]}");
    assertEquals("One.\n\nTwo.", s.body());
  }

  @Test
  void vendorExtensionsAreAcceptedAndReportedWhereTheyAre() throws Exception {
    String text = sample("vendor-extension-2x.json");
    ParsedStory s = parse(text);
    assertEquals("Bahn streicht Fernverkehr im Süden", s.headline());
    assertEquals(
        "Die Bahn streicht wegen Hochwassers Fernzüge in Bayern.\n\nDer Regionalverkehr läuft eingeschränkt.",
        s.body());
    // only the vendor's own properties, not the declared ones an unknown nested property taints
    List<String> unknown =
        NinjsValidator.validate(NinjsVersion.V2, new ObjectMapper().readTree(text));
    assertEquals(
        Set.of("$.dpa_priority", "$.dpa_services", "$.associations[0].dpa_credit"),
        Set.copyOf(unknown));
  }

  @Test
  void versionIsDetectedFromTheDeclarationThenFromTheKeys() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertEquals(NinjsVersion.V1, NinjsVersion.of(json.readTree(sample("ap-text-1x.json"))));
    assertEquals(NinjsVersion.V1, NinjsVersion.of(json.readTree(sample("html-body-1x.json"))));
    assertEquals(NinjsVersion.V2, NinjsVersion.of(json.readTree(sample("embargoed-2x.json"))));
    assertEquals(
        NinjsVersion.V2, NinjsVersion.of(json.readTree(sample("vendor-extension-2x.json"))));
    assertEquals(NinjsVersion.V3, NinjsVersion.of(json.readTree(sample("text-3x.json"))));
    assertEquals(
        NinjsVersion.V3,
        NinjsVersion.of(json.readTree("{\"uri\": \"u\", \"pubStatus\": \"usable\"}")));
    assertEquals(
        NinjsVersion.V2,
        NinjsVersion.of(
            json.readTree(
                "{\"uri\": \"u\", \"pubStatus\": \"usable\", \"$schema\": \"http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#\"}")));
    assertEquals(
        NinjsVersion.V1,
        NinjsVersion.of(json.readTree("{\"uri\": \"u\", \"standard\": {\"version\": \"9.0\"}}")));
  }

  @Test
  void versionFallsBackToOne() throws Exception {
    assertEquals(1, parse("{\"uri\": \"urn:x:1\", \"body_text\": \"Text.\"}").version());
    assertEquals(
        1,
        parse("{\"uri\": \"urn:x:1\", \"version\": \"draft\", \"body_text\": \"Text.\"}")
            .version());
    assertEquals(
        7,
        parse("{\"uri\": \"urn:x:1\", \"version\": \" 7 \", \"body_text\": \"Text.\"}").version());
  }

  @Test
  void anUnreadableDateIsLeftEmptyNotRefused() throws Exception {
    ParsedStory s =
        parse(
            "{\"uri\": \"urn:x:1\", \"firstcreated\": \"5 March 2024\", "
                + "\"versioncreated\": \"2024-03-05T16:02:11+0100\", \"embargoed\": \"soon\", \"body_text\": \"Text.\"}");
    assertEquals(
        Instant.parse("2024-03-05T15:02:11Z"), s.publishedAt()); // the next date that reads
    assertNull(s.embargoedUntil());
  }

  @Test
  void wrongTypeForHeadlineIsRefusedWithItsPath() {
    InputRejectedException e =
        rejected("{\"uri\": \"urn:x:1\", \"headline\": 42, \"body_text\": \"Text.\"}");
    assertEquals("INVALID_NINJS", e.code());
    assertTrue(e.getMessage().contains("ninjs 1.6"), e.getMessage());
    assertTrue(
        e.getMessage().contains("$.headline: integer found, string expected"), e.getMessage());
  }

  @Test
  void wrongTypeIn3xNamesTheRealErrorNotTheEchoes() {
    InputRejectedException e =
        rejected("{\"uri\": \"urn:x:1\", \"pubStatus\": \"usable\", \"bodies\": [{\"value\": 7}]}");
    assertEquals("INVALID_NINJS", e.code());
    assertEquals(
        "not valid ninjs 3.1: $.bodies[0].value: integer found, string expected", e.getMessage());
  }

  @Test
  void missingUriIsRefused() {
    InputRejectedException e =
        rejected("{\"headline\": \"Storm floods towns\", \"body_text\": \"Text.\"}");
    assertEquals("INVALID_NINJS", e.code());
    assertTrue(e.getMessage().contains("$: required property 'uri' not found"), e.getMessage());
    assertEquals("INVALID_NINJS", rejected("{\"uri\": \"  \", \"body_text\": \"Text.\"}").code());
  }

  @Test
  void unknownPubstatusIsRefused() {
    InputRejectedException e =
        rejected("{\"uri\": \"urn:x:1\", \"pubstatus\": \"killed\", \"body_text\": \"Text.\"}");
    assertEquals("INVALID_NINJS", e.code());
    assertTrue(e.getMessage().contains("$.pubstatus"), e.getMessage());
  }

  @Test
  void aUsableItemWithoutBodyOrHeadlineIsRefused() {
    assertEquals("NO_BODY", rejected("{\"uri\": \"urn:x:1\", \"type\": \"text\"}").code());
    assertEquals(
        "NO_BODY",
        rejected("{\"uri\": \"urn:x:1\", \"body_html\": \"<p> </p><img src=\\\"a.jpg\\\">\"}")
            .code());
    assertEquals(
        "NO_BODY",
        rejected(
                "{\"uri\": \"urn:x:1\", \"bodies\": [{\"contenttype\": \"image/jpeg\", \"value\": \"AAAA\"}]}")
            .code());
  }

  @Test
  void malformedJsonIsRefusedWithItsPlace() {
    InputRejectedException e = rejected("{\"uri\": \"urn:x:1\",\n \"headline\": \"A\",,}");
    assertEquals("MALFORMED_JSON", e.code());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertEquals(
        "MALFORMED_JSON",
        rejected("{\"uri\": \"urn:x:1\", \"uri\": \"urn:x:2\", \"body_text\": \"Text.\"}").code());
    assertEquals(
        "MALFORMED_JSON",
        rejected("{\"uri\": \"urn:x:1\", \"body_text\": \"Text.\"} trailing").code());
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutExhaustingTheStack() {
    String arrays = "[".repeat(5000) + "]".repeat(5000);
    InputRejectedException e = rejected(arrays);
    assertEquals("JSON_LIMIT", e.code());
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    String inItem = "{\"uri\": \"urn:x:1\", \"body_text\": \"Text.\", \"x\": " + arrays + "}";
    assertTrue(format.recognises(inItem));
    assertEquals("JSON_LIMIT", rejected(inItem).code());
  }

  @Test
  void aJsonArrayIsNotAnItem() {
    InputRejectedException e = rejected("[{\"uri\": \"urn:x:1\", \"body_text\": \"Text.\"}]");
    assertEquals("INVALID_NINJS", e.code());
    assertTrue(e.getMessage().contains("JSON array"), e.getMessage());
  }

  @Test
  void recognisesAnObjectWithATopLevelUri() {
    assertTrue(format.recognises(sample("text-3x.json")));
    assertTrue(
        format.recognises(
            "\n  {\"type\": \"text\", \"headline\": {\"uri\": \"nested\"}, \"uri\": \"urn:x:1\"}"));
    assertTrue(
        format.recognises(
            "{\"headline\": \"A\",, \"uri\": \"urn:x:1\"}")); // broken before the uri: refused
    // later
    assertFalse(format.recognises("{\"headline\": {\"uri\": \"nested only\"}, \"body\": \"x\"}"));
    assertFalse(format.recognises("[{\"uri\": \"urn:x:1\"}]"));
    assertFalse(format.recognises("Storm floods towns\nThe uri of the story is unknown."));
  }
}
