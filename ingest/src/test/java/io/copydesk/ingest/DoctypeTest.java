package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.copydesk.schema.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DOCTYPE rule: only the name of an external DTD, only for NITF and NewsML 1.x, and never
 * loaded.
 */
class DoctypeTest {
  private final ArticleReader reader = new ArticleReader(1 << 20);

  private static String nitf(String doctype, String paragraph) {
    return "<?xml version=\"1.0\"?>\n"
        + doctype
        + "\n<nitf><head><docdata><doc-id id-string=\"d1\"/></docdata></head>"
        + "<body><body.head><hedline><hl1>Headline</hl1></hedline></body.head>"
        + "<body.content><p>"
        + paragraph
        + "</p></body.content></body></nitf>";
  }

  private String rejectCode(String text) {
    return assertThrows(
            InputRejectedException.class, () -> reader.read(Samples.input("d.xml", text)))
        .code();
  }

  @Test
  void anExternalDtdIsNamedButNeverLoaded(@TempDir Path dir) throws Exception {
    // Not a DTD at all: loading or parsing it would fail the document.
    Path dtd = Files.writeString(dir.resolve("nitf-3-5.dtd"), "this is not a DTD <<< \n");
    List<RawArticle> read =
        reader.read(
            Samples.input(
                "n.xml",
                nitf("<!DOCTYPE nitf SYSTEM \"" + dtd.toUri() + "\">", "Text of the story.")));
    assertEquals("Text of the story.", read.get(0).getBody());
    assertEquals("nitf", read.get(0).getSource().getFormat());
  }

  @Test
  void anEntityDeclaredOnlyInTheExternalDtdIsNotExpanded(@TempDir Path dir) throws Exception {
    Path dtd = Files.writeString(dir.resolve("leak.dtd"), "<!ENTITY secret \"LEAKED\">\n");
    String text = nitf("<!DOCTYPE nitf SYSTEM \"" + dtd.toUri() + "\">", "Before &secret; after.");
    assertEquals(
        "MALFORMED_XML",
        rejectCode(text),
        "an undeclared entity is an error, not a lookup in the DTD");
  }

  @Test
  void htmlNamedEntitiesOfTheDtdBecomeCharacters() throws Exception {
    RawArticle a =
        reader
            .read(
                Samples.input(
                    "n.xml",
                    nitf(
                        "<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD NITF 3.5//EN\" \"nitf-3-5.dtd\">",
                        "Caf&eacute; &mdash; &amp; more")))
            .get(0);
    assertEquals("Café — & more", a.getBody());
  }

  @Test
  void anInternalSubsetIsRefusedForEveryFormat() {
    assertEquals(
        "XML_DTD_REFUSED",
        rejectCode(nitf("<!DOCTYPE nitf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;")));
    assertEquals(
        "XML_DTD_REFUSED",
        rejectCode(nitf("<!DOCTYPE nitf SYSTEM \"nitf.dtd\" [<!ENTITY a \"b\">]>", "&a;")));
    assertEquals(
        "XML_DTD_REFUSED",
        rejectCode(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE NewsML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>&xxe;</HeadLine></NewsLines></NewsComponent></NewsItem></NewsML>"));
    assertEquals(
        "XML_DTD_REFUSED", rejectCode(nitf("<!DOCTYPE nitf>", "No external id, nothing to name.")));
  }

  @Test
  void billionLaughsWithANitfRootIsRefusedWithoutExpanding() {
    String entities =
        "<!ENTITY l0 \"lol\">"
            + java.util.stream.IntStream.range(1, 10)
                .mapToObj(i -> "<!ENTITY l" + i + " \"" + ("&l" + (i - 1) + ";").repeat(10) + "\">")
                .reduce("", String::concat);
    String code =
        assertTimeout(
            Duration.ofSeconds(5),
            () -> rejectCode(nitf("<!DOCTYPE nitf [" + entities + "]>", "&l9;")));
    assertEquals("XML_DTD_REFUSED", code);
  }

  @Test
  void schemaFormatsStillRefuseAnyDoctype() {
    String g2 =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem SYSTEM \"g2.dtd\">\n"
            + "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='urn:x:1'><contentMeta><headline>H</headline></contentMeta></newsItem>";
    assertEquals("XML_DTD_REFUSED", rejectCode(g2));
  }

  @Test
  void theDoctypeMayNotHideAnInternalSubsetBehindQuotes() {
    String sneaky = nitf("<!DOCTYPE nitf SYSTEM \"a]>\" [<!ENTITY x \"y\">]>", "&x;");
    assertEquals("XML_DTD_REFUSED", rejectCode(sneaky));
  }
}
