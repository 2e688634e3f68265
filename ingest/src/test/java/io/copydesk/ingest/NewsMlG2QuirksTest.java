package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.copydesk.schema.RawArticle;
import org.junit.jupiter.api.Test;

/**
 * NewsML-G2 the way editorial systems send it: text bodies with HTML, escaped pseudo-tags, headline
 * roles, flashes.
 */
class NewsMlG2QuirksTest {
  private final ArticleReader reader = new ArticleReader(1 << 20);

  private RawArticle read(String sample) throws InputRejectedException {
    return reader.read(Samples.input(sample)).get(0);
  }

  @Test
  void htmlInCdataInATextPlainBody() throws Exception {
    RawArticle a = read("g2/inline-data-cdata-html.xml");
    assertEquals(
        "TROMSO (Harbour Wire) - Salmon export prices rose to a record in the week to Sunday – up 6 percent.\n\n"
            + "Demand from Asia drove the rise.",
        a.getBody());
    assertEquals(
        "Salmon prices hit record – exporters",
        a.getHeadline(),
        "a headline of another role, its <endash> a dash");
    assertEquals(2, a.getVersion());
  }

  @Test
  void escapedPseudoTagsInPlainText() throws Exception {
    RawArticle a = read("g2/inline-data-escaped.xml");
    assertEquals(
        "The morning ferry to Bodo left two hours late — fog closed the harbour.\n\nPassengers were offered vouchers.",
        a.getBody());
    assertFalse(a.getBody().contains("<"));
  }

  @Test
  void theMainHeadlineWinsOverOtherRoles() throws Exception {
    String xml =
        "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='urn:x:1'><contentMeta>"
            + "<headline role='hld:short'>Short</headline><headline role='hld:main'>The main headline</headline></contentMeta>"
            + "<contentSet><inlineData contenttype='text/plain'>Text.</inlineData></contentSet></newsItem>";
    assertEquals(
        "The main headline", reader.read(Samples.input("h.xml", xml)).get(0).getHeadline());
  }

  @Test
  void aHeadlineOnlyItemPasses() throws Exception {
    RawArticle a = read("g2/headline-only.xml");
    assertEquals("URGENT: Central bank raises key rate to 4.75 percent", a.getHeadline());
    assertEquals("", a.getBody());
    assertEquals("urn:newsml:harbourwire.example:20240514:rate-flash", a.getId());
  }
}
