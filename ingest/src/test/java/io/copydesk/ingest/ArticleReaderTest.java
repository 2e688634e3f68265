package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copydesk.schema.RawArticle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleReaderTest {
  private final ArticleReader reader = new ArticleReader(1000);

  private static InputDocument doc(byte[] bytes) {
    return new InputDocument("in.txt", bytes, Instant.EPOCH);
  }

  private String rejectCode(byte[] bytes) {
    return assertThrows(InputRejectedException.class, () -> reader.read(doc(bytes))).code();
  }

  @Test
  void refusesEmptyWhiteSpaceBinaryAndOversizedInput() {
    assertEquals("EMPTY", rejectCode(new byte[0]));
    assertEquals("EMPTY", rejectCode(" \n\t\r\n ".getBytes(StandardCharsets.UTF_8)));
    assertEquals("BINARY", rejectCode(new byte[] {'P', 'K', 3, 4, 0, 0, 8, 0, 1, 2, 3, 4, 5}));
    assertEquals("TOO_LARGE", rejectCode(new byte[1001]));
  }

  @Test
  void readsUtf16WithBomAndFallsBackToWindows1252() throws Exception {
    String text = "Café owners protest\nOwners of cafés marched on Friday.";
    byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
    assertEquals("Café owners protest", reader.read(doc(utf16)).get(0).getHeadline());
    byte[] cp1252 = text.getBytes(Charset.forName("windows-1252"));
    assertEquals("Owners of cafés marched on Friday.", reader.read(doc(cp1252)).get(0).getBody());
  }

  @Test
  void utf8ByteOrderMarkIsNotPartOfTheHeadline() throws Exception {
    byte[] bytes =
        "\uFEFFQuake hits coast\nA quake hit the coast.".getBytes(StandardCharsets.UTF_8);
    assertEquals("Quake hits coast", reader.read(doc(bytes)).get(0).getHeadline());
  }

  @Test
  void picksTheXmlFormatByRootAndToleratesWhiteSpaceBeforeTheDeclaration() throws Exception {
    ArticleReader big = new ArticleReader(1 << 20);
    for (String[] sample :
        new String[][] {
          {"g2/nitf-item.xml", "newsml-g2"}, {"feeds/rss2.xml", "rss"}, {"feeds/atom.xml", "atom"}
        }) {
      InputDocument input = Samples.input("in.xml", "\n  " + Samples.text(sample[0]));
      assertEquals(sample[1], big.read(input).get(0).getSource().getFormat(), sample[0]);
    }
  }

  @Test
  void picksNinjsByContentNotByFileName() throws Exception {
    ArticleReader reader = new ArticleReader(100_000);
    byte[] ninjs = NinjsFormatTest.sample("ap-text-1x.json").getBytes(StandardCharsets.UTF_8);
    RawArticle fromTxt =
        reader.read(new InputDocument("wire-0412.txt", ninjs, Instant.EPOCH)).get(0);
    assertEquals("ninjs", fromTxt.getSource().getFormat());
    assertEquals("8a1f0c3e9b2d4e6fa7c85d3b1e2f4a6c", fromTxt.getId());
    assertEquals(3L, fromTxt.getVersion());
    assertEquals("Storm floods coastal towns in Norway", fromTxt.getHeadline());
    assertEquals("The Associated Press", fromTxt.getSource().getName());
    assertEquals(
        "http://apnews.example/item/8a1f0c3e9b2d4e6fa7c85d3b1e2f4a6c",
        fromTxt.getSource().getUri());

    byte[] text =
        "Council closes bridge\nThe council voted to close the bridge."
            .getBytes(StandardCharsets.UTF_8);
    RawArticle fromJson = reader.read(new InputDocument("item.json", text, Instant.EPOCH)).get(0);
    assertEquals("text", fromJson.getSource().getFormat());
    assertEquals("Council closes bridge", fromJson.getHeadline());
  }

  @Test
  void brokenNinjsIsRefusedNotReadAsPlainText() {
    byte[] broken =
        "{\"uri\": \"urn:x:1\", \"headline\": \"A\",,}".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "MALFORMED_JSON",
        assertThrows(
                InputRejectedException.class,
                () ->
                    new ArticleReader(1000)
                        .read(new InputDocument("in.json", broken, Instant.EPOCH)))
            .code());
  }
}
