package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.RawArticle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeclaredEncodingTest {
  private final ArticleReader reader = new ArticleReader(1 << 20);
  private static final String SNOW =
      "In München fielen 20 Zentimeter Schnee, sagte ein Sprecher: „So viel wie seit Jahren nicht.“";

  @Test
  void latin1AsDeclaredWithWindows1252Quotes() throws Exception {
    RawArticle a = reader.read(Samples.input("encodings/nitf-latin1.xml")).get(0);
    assertEquals("Schnee in München und Zürich", a.getHeadline());
    assertEquals(SNOW, a.getBody(), "0x84 and 0x93 are quotes, not C1 controls");
  }

  @Test
  void declaresLatin1ButIsUtf8() throws Exception {
    byte[] bytes = Samples.bytes("encodings/nitf-declares-latin1-is-utf8.xml");
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    assertEquals(StandardCharsets.UTF_8, decoded.charset());
    assertTrue(
        decoded.warning().contains("declares ISO-8859-1 but is valid UTF-8"), decoded.warning());
    assertEquals(
        SNOW,
        reader.read(Samples.input("encodings/nitf-declares-latin1-is-utf8.xml")).get(0).getBody(),
        "no mojibake");
  }

  @Test
  void latin9HasTheEuroSign() throws Exception {
    RawArticle a = reader.read(Samples.input("encodings/nitf-latin9-euro.xml")).get(0);
    assertEquals("Benzin kostet 1,89 €", a.getHeadline());
    assertEquals(
        Charset.forName("ISO-8859-15"),
        TextDecoder.decode(Samples.bytes("encodings/nitf-latin9-euro.xml")).charset());
  }

  @Test
  void windows1252DeclaredAndUndeclared() {
    byte[] declared =
        "<?xml version='1.0' encoding='windows-1252'?><x>\u201cQuote\u201d</x>"
            .getBytes(Charset.forName("windows-1252"));
    TextDecoder.Decoded d = TextDecoder.decode(declared);
    assertEquals("<?xml version='1.0' encoding='windows-1252'?><x>“Quote”</x>", d.text());
    assertNull(d.warning());
    TextDecoder.Decoded plain =
        TextDecoder.decode("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("café", plain.text());
    assertTrue(plain.warning().contains("Windows-1252"), plain.warning());
    assertNull(
        TextDecoder.decode(
                "<?xml version='1.0' encoding='ISO-8859-1'?><x>ascii</x>"
                    .getBytes(StandardCharsets.US_ASCII))
            .warning());
  }

  @Test
  void controlCharactersNeverReachARecord() throws Exception {
    // A few stray controls in real copy (under the binary threshold) are removed, not published.
    String more =
        "Officials said the damage was limited to older buildings near the harbour. "
            .repeat(5)
            .strip();
    String text =
        "Quake hits coast\nA quake\u000b hit the coast\u0085 on Monday.\r\nRescue teams\u001b arrived.\n"
            + more;
    RawArticle a = reader.read(Samples.input("c.txt", text)).get(0);
    assertEquals(
        "A quake hit the coast on Monday.\n\nRescue teams arrived.\n\n" + more, a.getBody());
    assertEquals("a\nb\tc", ParsedStory.printable("a\r\nb\tc\u0000\u007f\u009f"));
  }
}
