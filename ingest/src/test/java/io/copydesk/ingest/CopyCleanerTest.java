package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CopyCleanerTest {
  private final CopyCleaner cleaner = new CopyCleaner();

  private String body(String text) {
    return cleaner.clean("Harbour fire destroys warehouse", null, text).body();
  }

  @Test
  void imageMarkupAndPhotoCreditsGoTextStays() {
    assertEquals(
        "A fire destroyed a warehouse on Tuesday.\n\nNobody was hurt, the fire service said.",
        body(
            "![](https://cdn.example.com/img/fire.jpg)\n\nA fire destroyed a warehouse on Tuesday. <img src=\"x.png\">\n\n"
                + "(AP Photo/Jane Doe)\n\nNobody was hurt, the fire service said.\n\nhttps://cdn.example.com/logo.png"));
  }

  @Test
  void endMarkersSeparatorsAndCreditLinesGo() {
    assertEquals(
        "The port reopened on Wednesday.\n\n\"We are back to normal,\" the harbour master said.",
        body(
            "The port reopened on Wednesday.\n\n\"We are back to normal,\" the harbour master said. {eoa}\n\n___\n\n"
                + "Associated Press writer Ana Ruiz in Lisbon contributed to this report.\n\n(Reporting by Tom Berg; Editing by Lia Chen)"));
  }

  @Test
  void aRelatedStoryTailOfTeasersIsCut() {
    String article =
        "The council approved the budget on Monday.\n\nThe vote was 7 to 2.\n\n"
            + "The mayor said the money would go to schools.\n\nOpponents said taxes would rise.";
    String tail =
        "\n\nShare:\n\nMore In Local News\n\nNew Bike Lanes Open Downtown\n\n"
            + "The city opened three new bike lanes this week, part of a plan announced last year by the transport office.\n\n"
            + "School Lunch Prices Set To Rise\n\nParents will pay more for school lunches from September, the district said.\n\nLoad More";
    assertEquals(article, body(article + tail));
  }

  @Test
  void aNavigationWordInsideTheArticleDoesNotCutIt() {
    String text =
        "Police arrested two men on Friday.\n\nThe men were charged with theft.\n\nThey appear in court next week.\n\n"
            + "Related\n\nA third suspect, police said, is still being sought and may have left the country, according to a statement "
            + "released late on Friday evening by the regional police headquarters in the capital.\n\n"
            + "Police asked witnesses to come forward with any information that could help the investigation.";
    String cleaned = body(text);
    assertEquals(text.replace("Related\n\n", ""), cleaned, "only the stray navigation line goes");
  }

  @Test
  void repeatedCaptionLinesAndTheRepeatedHeadlineGo() {
    assertEquals(
        "Flames spread through the warehouse before dawn.\n\nThe Harbour Warehouse Was Built In 1902",
        body(
            "Harbour fire destroys warehouse\n\nHarbour Fire\n\nHarbour Fire\n\nFlames spread through the warehouse before dawn.\n\n"
                + "The Harbour Warehouse Was Built In 1902"));
  }

  @Test
  void aLeadingBylineParagraphMovesToTheByline() {
    CopyCleaner.Cleaned c =
        cleaner.clean(null, null, "By Maria Lopez\n\nThe council voted on Monday.");
    assertEquals("Maria Lopez", c.byline());
    assertEquals("The council voted on Monday.", c.body());
    assertNull(c.headline());
  }

  @Test
  void socialLinesGoAnywhere() {
    assertEquals(
        "Text one.\n\nText two.",
        body(
            "Share this article\n\nText one.\n\nFollow us on Twitter\n\nText two.\n\nAdvertisement"));
  }
}
