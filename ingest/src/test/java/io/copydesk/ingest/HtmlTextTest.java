package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void paragraphsAndHeadingsBecomeBlankLineSeparatedText() {
    assertEquals(
        "Heading\n\nFirst paragraph with a link.\n\nSecond & last.",
        HtmlText.paragraphs(
            "<h2>Heading</h2><p>First  paragraph with <a href='x'>a link</a>.</p>\n<p>Second &amp; last.</p>"));
  }

  @Test
  void imagesFiguresAndScriptsAreDropped() {
    assertEquals(
        "Text.",
        HtmlText.paragraphs(
            "<figure><img src='a.png'><figcaption>Caption</figcaption></figure><p>Text.</p><script>var x=1;</script>"));
  }

  @Test
  void nestedBlocksAreNotRepeated() {
    assertEquals(
        "One.\n\nTwo.",
        HtmlText.paragraphs("<blockquote><p>One.</p></blockquote><ul><li><p>Two.</p></li></ul>"));
  }

  @Test
  void lineBreaksAndDivsSeparateParagraphsWhenThereIsNoParagraphMarkup() {
    assertEquals(
        "One.\n\nTwo.\n\nThree.", HtmlText.paragraphs("<div>One.</div><div>Two.<br>Three.</div>"));
    assertEquals("", HtmlText.paragraphs("  "));
  }
}
