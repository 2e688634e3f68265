package io.copydesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One NITF 3.x document read from its {@code nitf} element, wherever it stands: a file of its own,
 * the {@code inlineXML} of a NewsML-G2 item or the {@code DataContent} of a NewsML 1.x item. Only
 * the fields a story needs: {@code head/docdata} ids, version, status and dates; the headline,
 * byline and dateline of {@code body.head}; {@code body.content} as paragraphs (tables kept as
 * text, media dropped). Editorial notes ({@code ed-msg}, {@code note}) are kept apart from the
 * body.
 */
final class NitfDocument {
  /** "By", and its word in the languages agencies file in (Von, Par, Por, Di, Door, Af, Av). */
  private static final Pattern LEADING_BY =
      Pattern.compile("^(?:by|von|par|por|di|door|af|av)\\s+", Pattern.CASE_INSENSITIVE);

  String docId;
  String duKey;
  String version;
  String generation;
  String managementStatus;
  String issued;
  String released;
  String copyrightHolder;
  String source;
  String language;
  String title;
  String headline;
  String byline;
  String dateline;
  String datelinePlace;
  String body = "";
  final List<String> editorialNotes = new ArrayList<>();

  private final ElementCursor nitf;

  private NitfDocument(ElementCursor nitf) {
    this.nitf = nitf;
  }

  /** {@code nitf} stands on the {@code nitf} start tag; the element is consumed. */
  static NitfDocument read(ElementCursor nitf) throws XMLStreamException {
    NitfDocument doc = new NitfDocument(nitf);
    doc.language = nitf.xmlLang();
    while (nitf.nextChild()) {
      switch (nitf.name()) {
        case "head" -> doc.readHead();
        case "body" -> doc.readBody();
        default -> nitf.skip();
      }
    }
    return doc;
  }

  /**
   * The body with the dateline as its lead, unless the first paragraph already opens with it, as
   * wire copy prints it.
   */
  String bodyWithDateline() {
    return withDateline(body, dateline, datelinePlace);
  }

  /**
   * "PLACE - first paragraph" when the body does not already start with the dateline's place: the
   * dateline is part of the copy as printed, and the article record has no field of its own for it.
   */
  static String withDateline(String body, String dateline, String place) {
    if (dateline == null || dateline.isBlank()) {
      return body;
    }
    String opening = FirstText.of(place, dateline).toLowerCase(Locale.ROOT);
    if (body.toLowerCase(Locale.ROOT).startsWith(opening)) {
      return body;
    }
    return body.isEmpty() ? dateline.strip() : dateline.strip() + " - " + body;
  }

  private void readHead() throws XMLStreamException {
    while (nitf.nextChild()) {
      switch (nitf.name()) {
        case "title" -> title = nitf.text();
        case "docdata" -> readDocdata();
        default -> nitf.skip();
      }
    }
  }

  private void readDocdata() throws XMLStreamException {
    managementStatus = nitf.attribute("management-status");
    while (nitf.nextChild()) {
      switch (nitf.name()) {
        case "doc-id" -> {
          docId = FirstText.of(docId, nitf.attribute("id-string"));
          source = FirstText.of(source, nitf.attributeAndSkip("regsrc"));
        }
        case "du-key" -> {
          duKey = nitf.attribute("key");
          generation = nitf.attribute("generation");
          version = nitf.attributeAndSkip("version");
        }
        case "date.issue" -> issued = nitf.attributeAndSkip("norm");
        case "date.release" -> released = nitf.attributeAndSkip("norm");
        case "doc.copyright" -> copyrightHolder = nitf.attributeAndSkip("holder");
        case "ed-msg" -> addNote(FirstText.of(nitf.attribute("info"), nitf.text()));
        default -> nitf.skip();
      }
    }
  }

  private void readBody() throws XMLStreamException {
    while (nitf.nextChild()) {
      switch (nitf.name()) {
        case "body.head" -> readBodyHead();
        case "body.content" -> {
          String paragraphs = HtmlText.paragraphs(nitf.markup());
          body = body.isEmpty() ? paragraphs : body;
        }
        default -> nitf.skip(); // body.end: taglines and bibliography, credits rather than copy
      }
    }
  }

  private void readBodyHead() throws XMLStreamException {
    while (nitf.nextChild()) {
      switch (nitf.name()) {
        case "hedline" -> readHedline();
        case "byline" -> byline = FirstText.of(byline, byline(nitf.markup()));
        case "dateline" -> readDateline(nitf.markup());
        case "note" -> addNote(nitf.text());
        default -> nitf.skip(); // abstract, distributor, rights, series
      }
    }
  }

  private void readHedline() throws XMLStreamException {
    while (nitf.nextChild()) {
      if (nitf.name().equals("hl1")) {
        headline = FirstText.of(headline, nitf.text());
      } else {
        nitf.skip(); // hl2: a subheadline
      }
    }
  }

  /**
   * The persons named, else the whole line without its "By"; the byline title ({@code byttl}) is
   * not a name.
   */
  private static String byline(String markup) {
    Element byline = Jsoup.parseBodyFragment(markup).body();
    String persons =
        byline.select("person").stream()
            .map(Element::text)
            .filter(t -> !t.isBlank())
            .collect(Collectors.joining(", "));
    if (!persons.isEmpty()) {
      return persons;
    }
    byline.select("byttl").remove();
    return withoutBy(byline.text().replaceAll("[,\\s]+$", ""));
  }

  /** A byline without its leading "By" (or "Von", "Par", ...); null when nothing is left. */
  static String withoutBy(String byline) {
    return byline == null
        ? null
        : FirstText.of(LEADING_BY.matcher(byline.strip()).replaceFirst(""));
  }

  private void readDateline(String markup) {
    Element line = Jsoup.parseBodyFragment(markup).body();
    dateline = FirstText.of(dateline, line.text());
    datelinePlace = FirstText.of(datelinePlace, line.select("location").text());
  }

  private void addNote(String note) {
    if (note != null && !note.isBlank()) {
      editorialNotes.add(note.strip());
    }
  }
}
