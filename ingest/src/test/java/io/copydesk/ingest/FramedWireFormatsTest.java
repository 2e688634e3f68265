package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** IPTC 7901 and ANPA-1312, framed by transmission controls, through the reader as they arrive. */
class FramedWireFormatsTest {
  private final ArticleReader reader = new ArticleReader(1 << 20);

  private RawArticle read(String sample) throws InputRejectedException {
    return reader.read(Samples.input(sample)).get(0);
  }

  @Test
  void iptc7901InLatin1() throws Exception {
    RawArticle a = read("iptc7901/dpa-latin1.txt");
    assertEquals("iptc7901", a.getSource().getFormat());
    assertEquals("eca062-20240514", a.getId(), "service, message number and the trailer's date");
    assertEquals(1, a.getVersion());
    assertEquals(
        "SPD gewinnt Bürgerschaftswahl in Bremen",
        a.getHeadline(),
        "the line after STX, not the heading");
    assertEquals("Jana Kurz, Nordpresse", a.getByline());
    assertEquals(
        "Bremen (Nordpresse) - Die SPD hat die Bürgerschaftswahl in Bremen gewonnen. Nach dem vorläufigen Ergebnis "
            + "kam sie auf 29,8 Prozent.\n\nDie Wahlbeteiligung lag bei 57 Prozent, wie die Landeswahlleiterin am Abend mitteilte.",
        a.getBody(),
        "wrapped lines joined, indents open paragraphs, the dateline leads, the note is gone");
    assertEquals("Nordpresse", a.getSource().getName(), "the agency in the dateline");
    assertEquals(Instant.parse("2024-05-14T11:30:00Z"), a.getPublishedAt());
  }

  @Test
  void iptc7901FlashIsAHeadline() throws Exception {
    RawArticle a = read("iptc7901/flash.txt");
    assertEquals("EIL: Starkes Erdbeben vor der Küste", a.getHeadline());
    assertEquals("", a.getBody());
    assertEquals("eca071-20240514", a.getId());
  }

  @Test
  void anpaWritethru() throws Exception {
    RawArticle a = read("anpa/storm-writethru.txt");
    assertEquals("anpa1312", a.getSource().getFormat());
    assertEquals("anpa:Storm-Dam:2024-05-14", a.getId(), "keyword without its cycle, and the date");
    assertEquals(2, a.getVersion(), "1st Ld-Writethru");
    assertEquals("Dam holds as river crests after storm", a.getHeadline());
    assertEquals("JANE DOE", a.getByline(), "the name, not the writer's title");
    assertEquals(
        "SPRINGFIELD, Mo. (AW) — A dam above Springfield held on Tuesday as the river crested two feet below its top, "
            + "officials said.\n\nAbout 1,200 people left their homes overnight.\n\n"
            + "The National Weather Service said more rain was likely Thursday.",
        a.getBody(),
        "AP's ' _ ' is a dash; Eds: and (END) gone");
    assertFalse(a.getBody().contains("UPDATES"), "the editorial note stays out");
    assertEquals("AW", a.getSource().getName());
    assertEquals(Instant.parse("2024-05-14T11:30:00Z"), a.getPublishedAt());
  }

  @Test
  void anpaBulletinIsTheSameStoryAtVersionOne() throws Exception {
    RawArticle a = read("anpa/bulletin.txt");
    assertEquals("anpa:Storm-Dam:2024-05-14", a.getId());
    assertEquals(1, a.getVersion());
    assertEquals(
        "Officials order evacuation below Springfield dam",
        a.getHeadline(),
        "URGENT is a priority, not the headline");
    assertEquals("", a.getBody());
    assertNull(a.getByline());
  }

  @Test
  void takesAndTrailers() {
    assertEquals(1, AnpaFormat.version(""));
    assertEquals(2, AnpaFormat.version("Ld-Writethru"));
    assertEquals(4, AnpaFormat.version("3rd Ld-Writethru"));
    assertEquals(
        Instant.parse("2024-05-14T15:30:00Z"), AnpaFormat.trailerTime("AP-NY-05-14-24 1130EDT"));
    assertNull(AnpaFormat.trailerTime("no time here"));
    assertEquals(
        Instant.parse("2024-12-03T07:05:00Z"), Iptc7901Format.trailerTime("030705 Dez 24"));
    assertNull(Iptc7901Format.trailerTime("030705 Foo 24"));
  }

  @Test
  void anAddKeepsItsOwnId() throws Exception {
    String add =
        "\u0016\u0016\u0001a0413\u001fr a\r\nr a\u0013\u0011 BC-Storm-Dam 1st Add 05-14 0110\r\n"
            + "\u0002\t^BC-Storm-Dam, 1st Add,0110<\r\n\tSPRINGFIELD, Mo. _ More text.\r\n\u0003AW-NY-05-14-24 1145GMT\u0004";
    RawArticle a = reader.read(Samples.input("add.txt", add)).get(0);
    assertEquals("anpa:Storm-Dam:2024-05-14:add1", a.getId());
    assertEquals("SPRINGFIELD, Mo. — More text.", a.getBody());
  }

  @Test
  void framingIsNotBinaryButBinaryStillIs() {
    assertTrue(WireFraming.isFramed(Samples.text("anpa/bulletin.txt")));
    String framedNoise =
        "\u0001eca001 4 i 10\r\n\u0002Head\r\n" + "\u0007\u0008\u000e\u000f".repeat(50) + "\u0003";
    assertEquals(
        "BINARY",
        assertThrows(
                InputRejectedException.class,
                () -> reader.read(Samples.input("b.txt", framedNoise)))
            .code());
  }

  @Test
  void aHeadingThatIsNot7901IsNotTaken() {
    assertFalse(new Iptc7901Format().recognises("\u0001hello world\r\n\u0002text\u0003"));
    assertFalse(new AnpaFormat().recognises(Samples.text("iptc7901/flash.txt")));
  }
}
