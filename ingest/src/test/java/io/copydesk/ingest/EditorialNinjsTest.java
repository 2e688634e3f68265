package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * ninjs as editorial systems export it: guid for uri, body_html5, headlines arrays, associations.
 */
class EditorialNinjsTest {
  private final ArticleReader reader = new ArticleReader(1 << 20);

  private RawArticle read(String json) throws InputRejectedException {
    return reader
        .read(new InputDocument("item.json", json.getBytes(StandardCharsets.UTF_8), Instant.EPOCH))
        .get(0);
  }

  @Test
  void guidAndBodyHtml5() throws Exception {
    RawArticle a = read(NinjsFormatTest.sample("editorial-guid-html5.json"));
    assertEquals("ninjs", a.getSource().getFormat());
    assertEquals("urn:newsroom:fjordpress:2024:harbour-fire", a.getId());
    assertEquals(4, a.getVersion());
    assertEquals("Brann i havnelager i Bergen", a.getHeadline());
    assertEquals("Ola Berg", a.getByline());
    assertEquals(
        "BERGEN (Fjord Press) - En brann brøt ut i et lager i havnen tirsdag morgen.\n\nIngen ble skadet, opplyser politiet.",
        a.getBody(),
        "the figure and the association's picture are not text");
    assertEquals(Instant.parse("2024-05-14T08:05:00Z"), a.getPublishedAt());
  }

  @Test
  void headlinesArrayAndBodyXhtmlInA2xShapedItem() throws Exception {
    RawArticle a = read(NinjsFormatTest.sample("editorial-headlines-xhtml.json"));
    assertEquals(
        "City trims budget for roads and schools",
        a.getHeadline(),
        "the main headline, not the first");
    assertEquals("Nina Vik", a.getByline());
    assertEquals(
        "The city council cut next year's budget by 3 percent on Tuesday.\n\nRoads and schools take the largest share of the cuts.",
        a.getBody());
  }

  @Test
  void theSchemaStillAppliesToGuidItemsAndTheirAssociations() {
    InputRejectedException wrongType =
        assertThrows(
            InputRejectedException.class,
            () -> read("{\"guid\": \"urn:x:1\", \"headline\": 42, \"body_html5\": \"<p>T.</p>\"}"));
    assertEquals("INVALID_NINJS", wrongType.getMessage().isEmpty() ? "" : wrongType.code());
    InputRejectedException badAssociation =
        assertThrows(
            InputRejectedException.class,
            () ->
                read(
                    "{\"guid\": \"urn:x:1\", \"body_html5\": \"<p>T.</p>\", \"associations\": {\"pic\": {\"guid\": \"urn:x:2\", \"version\": 3}}}"));
    assertEquals("INVALID_NINJS", badAssociation.code());
    assertTrue(badAssociation.getMessage().contains("associations"), badAssociation.getMessage());
  }

  @Test
  void aHeadlineOnlyItemIsAFlash() throws Exception {
    RawArticle a = read(NinjsFormatTest.sample("flash-1x.json"));
    assertEquals("FLASH: Strong earthquake shakes northern coast", a.getHeadline());
    assertEquals("", a.getBody());
  }

  @Test
  void jsonWithNeitherUriNorGuidIsStillNotNinjs() {
    assertEquals(
        "UNSUPPORTED_JSON",
        assertThrows(
                InputRejectedException.class,
                () -> read("{\"headline\": \"H\", \"body_html5\": \"<p>T.</p>\"}"))
            .code());
  }
}
