package io.copydesk.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Turns an HTML or XHTML fragment (ninjs body_html, NITF or XHTML bodies, feed content) into plain
 * paragraphs separated by a blank line. Images, figures, scripts, styles and embedded media are
 * page furniture, not text, and are dropped.
 */
public final class HtmlText {
  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th, hl1, hl2";
  private static final String FURNITURE = "script, style, noscript, img, figure, figcaption, picture, video, audio, iframe, object, embed, svg, form, button, nav, aside";

  private HtmlText() {}

  public static String paragraphs(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select(FURNITURE).remove();
    List<String> paragraphs = new ArrayList<>();
    Elements blocks = doc.body().select(BLOCKS);
    if (blocks.isEmpty()) {
      // No paragraph markup: line breaks and generic containers are the only paragraph signals.
      doc.select("br, div, section, article, header, footer").forEach(e -> e.after(new TextNode("\n")));
      for (String line : doc.body().wholeText().split("\\n")) {
        addIfText(paragraphs, line);
      }
    } else {
      for (Element block : blocks) {
        if (block.children().select(BLOCKS).isEmpty()) { // innermost blocks only, so nested text is not repeated
          addIfText(paragraphs, block.text());
        }
      }
    }
    return String.join("\n\n", paragraphs);
  }

  private static void addIfText(List<String> paragraphs, String text) {
    String t = text.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
    if (!t.isEmpty()) {
      paragraphs.add(t);
    }
  }
}
