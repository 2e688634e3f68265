package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copydesk.schema.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlainTextFormatTest {
  private final PlainTextFormat format = new PlainTextFormat();

  private RawArticle parse(String text) throws InputRejectedException {
    InputDocument input =
        new InputDocument("story.txt", text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    return format.parse(input, text).get(0).toRawArticle(input, format.name());
  }

  @Test
  void headlineLineThenBody() throws Exception {
    RawArticle a =
        parse(
            "Storm floods coastal towns in Norway\nHeavy rain flooded three towns on Tuesday, police said.\nRoads were closed.\n");
    assertEquals("Storm floods coastal towns in Norway", a.getHeadline());
    assertNull(a.getByline());
    assertEquals(
        "Heavy rain flooded three towns on Tuesday, police said.\n\nRoads were closed.",
        a.getBody());
    assertEquals("story.txt", a.getSource().getFile());
    assertEquals("text", a.getSource().getFormat());
  }

  @Test
  void bylineWithoutHeadline() throws Exception {
    RawArticle a =
        parse(
            "By Maria Lopez\n\nThe council voted on Monday to close the bridge.\n\nIt reopens in May.");
    assertNull(a.getHeadline());
    assertEquals("Maria Lopez", a.getByline());
    assertEquals(
        "The council voted on Monday to close the bridge.\n\nIt reopens in May.", a.getBody());
  }

  @Test
  void headlineThenByline() throws Exception {
    RawArticle a =
        parse(
            "Council closes bridge\nBy Maria Lopez and Tom Ng\nThe council voted on Monday to close the bridge.");
    assertEquals("Council closes bridge", a.getHeadline());
    assertEquals("Maria Lopez and Tom Ng", a.getByline());
  }

  @Test
  void aFirstLineThatIsASentenceIsBodyNotHeadline() throws Exception {
    RawArticle a = parse("The council voted on Monday to close the bridge.\nIt reopens in May.");
    assertNull(a.getHeadline());
    assertEquals(
        "The council voted on Monday to close the bridge.\n\nIt reopens in May.", a.getBody());
  }

  @Test
  void aLoneLineIsBody() throws Exception {
    RawArticle a = parse("Markets closed early");
    assertNull(a.getHeadline());
    assertEquals("Markets closed early", a.getBody());
  }

  @Test
  void aHeadlineAloneHasNoBody() {
    InputRejectedException e =
        assertThrows(InputRejectedException.class, () -> parse("By John Smith\n"));
    assertEquals("NO_BODY", e.code());
  }

  @Test
  void idDependsOnTextNotOnWhiteSpaceOrFileName() throws Exception {
    RawArticle a = parse("Council closes bridge\nThe council voted to close the bridge.");
    InputDocument other = new InputDocument("other-name.txt", new byte[0], Instant.EPOCH);
    RawArticle b =
        format
            .parse(
                other, "Council closes bridge\r\n\r\n  The council voted  to close the bridge.  \n")
            .get(0)
            .toRawArticle(other, format.name());
    RawArticle c = parse("Council closes bridge\nThe council voted to reopen the bridge.");
    assertEquals(a.getId(), b.getId());
    assertEquals(a.getContentSha256(), b.getContentSha256());
    assertNotEquals(a.getId(), c.getId());
    assertEquals(1L, a.getVersion());
  }
}
