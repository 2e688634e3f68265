package io.copydesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Turns an HTML or XHTML fragment (ninjs body_html, NITF or XHTML bodies, feed content) into plain
 * paragraphs separated by a blank line. Images, figures, scripts, styles and embedded media are
 * page furniture, not text, and are dropped (NITF's {@code media} too); a table row becomes one
 * paragraph.
 */
public final class HtmlText {
  private static final String BLOCKS =
      "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th, hl1, hl2";
  private static final String FURNITURE =
      "script, style, noscript, img, figure, figcaption, picture, video, audio, iframe, object, embed, svg, form, button, nav, aside, media";

  /** A paragraph, line-break or list tag: HTML inside a text body. */
  private static final Pattern MARKUP =
      Pattern.compile(
          "<(?:p|br|div|h[1-6]|ul|ol|li|table|blockquote)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  private HtmlText() {}

  /**
   * A body given as character data: plain text (one paragraph per line) unless it carries markup,
   * which is read as markup whatever the declared type, so that tags never reach the body (HTML
   * escaped or in CDATA inside a text/plain body is common in editorial systems' exports).
   */
  static String paragraphsOfTextOrMarkup(String data, boolean declaredMarkup) {
    if (data == null) {
      return "";
    }
    data = CopyCleaner.typography(data);
    return declaredMarkup || MARKUP.matcher(data).find()
        ? paragraphs(data)
        : String.join("\n\n", PlainTextFormat.paragraphs(data));
  }

  public static String paragraphs(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select(FURNITURE).remove();
    tableRowsAsParagraphs(doc);
    List<String> paragraphs = new ArrayList<>();
    Elements blocks = doc.body().select(BLOCKS);
    if (blocks.isEmpty()) {
      // No paragraph markup: line breaks and generic containers are the only paragraph signals.
      doc.select("br, div, section, article, header, footer")
          .forEach(e -> e.after(new TextNode("\n")));
      for (String line : doc.body().wholeText().split("\\n")) {
        addIfText(paragraphs, line);
      }
    } else {
      for (Element block : blocks) {
        if (block
            .children()
            .select(BLOCKS)
            .isEmpty()) { // innermost blocks only, so nested text is not repeated
          addIfText(paragraphs, block.text());
        }
      }
    }
    return String.join("\n\n", paragraphs);
  }

  /**
   * A table (results, prices, election figures) is text: each row becomes one paragraph with its
   * cells separated by " | ", rather than one paragraph per cell.
   */
  private static void tableRowsAsParagraphs(Document doc) {
    for (Element row : doc.select("tr")) {
      List<String> cells = new ArrayList<>();
      for (Element cell : row.select("> td, > th")) {
        String t = cell.text().replace('\u00A0', ' ').strip();
        cells.add(t);
      }
      Element paragraph = new Element("p").text(String.join(" | ", cells));
      row.replaceWith(paragraph);
    }
  }

  private static void addIfText(List<String> paragraphs, String text) {
    String t = text.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
    if (!t.isEmpty()) {
      paragraphs.add(t);
    }
  }
}
