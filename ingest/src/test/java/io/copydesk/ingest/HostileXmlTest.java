package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * XML meant to hurt (entities, DTDs) or to slip through as something else; all through the reader,
 * as inputs arrive.
 */
class HostileXmlTest {
  private final ArticleReader reader = new ArticleReader(1 << 20);

  private InputRejectedException rejection(InputDocument input) {
    return assertThrows(InputRejectedException.class, () -> reader.read(input));
  }

  private InputRejectedException rejection(String sample) {
    return rejection(Samples.input(sample));
  }

  @Test
  void externalEntitiesAreRefusedNotRead() {
    for (String sample : new String[] {"hostile/xxe-newsitem.xml", "hostile/xxe-rss.xml"}) {
      InputRejectedException e = rejection(sample);
      assertEquals("XML_DTD_REFUSED", e.code(), sample);
      assertFalse(e.getMessage().contains("root:"), "nothing of /etc/passwd in the reason");
    }
  }

  @Test
  void billionLaughsIsRefusedWithoutExpanding() {
    InputRejectedException e =
        assertTimeout(Duration.ofSeconds(5), () -> rejection("hostile/billion-laughs.xml"));
    assertEquals("XML_DTD_REFUSED", e.code());
  }

  @Test
  void anyDoctypeIsRefusedEvenAHarmlessOne() {
    assertEquals("XML_DTD_REFUSED", rejection("hostile/rss091-doctype.xml").code());
  }

  @Test
  void formatsRefuseADoctypeWhenCalledDirectly() {
    String g2 = Samples.text("hostile/xxe-newsitem.xml");
    assertEquals(
        "XML_DTD_REFUSED",
        assertThrows(
                InputRejectedException.class,
                () -> new NewsMlG2Format().parse(Samples.input("x.xml", g2), g2))
            .code());
    String feed = Samples.text("hostile/xxe-rss.xml");
    assertEquals(
        "XML_DTD_REFUSED",
        assertThrows(
                InputRejectedException.class,
                () -> FeedFormat.rss().parse(Samples.input("x.xml", feed), feed))
            .code());
  }

  @Test
  void xmlOfNoKnownFormatIsRefusedNotReadAsText() {
    InputRejectedException e = rejection("hostile/invoice.xml");
    assertEquals("UNSUPPORTED_XML", e.code());
    assertTrue(e.getMessage().contains("<Invoice>"), e.getMessage());
    assertFalse(new PlainTextFormat().recognises(Samples.text("hostile/invoice.xml")));
  }

  @Test
  void brokenXmlIsMalformedNotText() {
    assertEquals(
        "MALFORMED_XML",
        rejection(Samples.input("a.xml", "<?xml version=\"1.0\"?>\n<newsIt")).code());
    String g2 = Samples.text("g2/nitf-item.xml");
    assertEquals(
        "MALFORMED_XML",
        rejection(Samples.input("b.xml", g2.substring(0, g2.length() / 2))).code());
  }

  @Test
  void plainTextIsStillPlainText() throws Exception {
    assertEquals(
        "text",
        reader
            .read(Samples.input("c.txt", "Quake hits coast\nA quake hit the coast <b>early</b>."))
            .get(0)
            .getSource()
            .getFormat());
  }
}
