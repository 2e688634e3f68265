package io.copydesk.ingest;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Walks an XML tree one child element at a time over a StAX reader, so a format reader can be
 * written as nested loops over the elements it knows. Elements are matched by local name: wire copy
 * mixes namespaces (G2, NITF, XHTML) and the names do not clash where we look.
 *
 * <p>After {@link #nextChild()} returns true the reader stands on that child's start tag, and the
 * caller must consume the child (read its {@link #text()} or {@link #markup()}, loop over its own
 * children, or {@link #skip()} it) before asking for the next one.
 */
final class ElementCursor {
  private final XMLStreamReader reader;

  /** {@code reader} stands on the start tag of the element to walk. */
  ElementCursor(XMLStreamReader reader) {
    this.reader = reader;
  }

  /**
   * Moves to the next child of the current element; false once at the current element's end tag.
   */
  boolean nextChild() throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
    throw new XMLStreamException("the document ends inside an element");
  }

  String name() {
    return reader.getLocalName();
  }

  /**
   * The attribute of the current element with this local name, in any namespace; null when absent.
   */
  String attribute(String localName) {
    return reader.getAttributeValue(null, localName);
  }

  /**
   * An attribute of the current element, for elements that say everything in attributes; consumes
   * the element.
   */
  String attributeAndSkip(String localName) throws XMLStreamException {
    String value = attribute(localName);
    skip();
    return value;
  }

  /** The current element's {@code xml:lang}, or null. */
  String xmlLang() {
    return reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
  }

  /** All the text inside the current element, white space collapsed; consumes the element. */
  String text() throws XMLStreamException {
    return rawText().replaceAll("\\s+", " ").strip();
  }

  /**
   * All the text inside the current element as written, line breaks kept (plain-text bodies);
   * consumes the element.
   */
  String rawText() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    consume(
        (event, depth) -> {
          if (isText(event)) {
            text.append(reader.getText());
          }
        });
    return text.toString();
  }

  /**
   * The current element's content written back out as markup, without namespaces, for {@link
   * HtmlText} to turn into paragraphs; consumes the element.
   */
  String markup() throws XMLStreamException {
    StringWriter out = new StringWriter();
    XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
    consume(
        (event, depth) -> {
          if (event == XMLStreamConstants.START_ELEMENT) {
            writer.writeStartElement(reader.getLocalName());
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
          } else if (event == XMLStreamConstants.END_ELEMENT
              && depth > 0) { // depth 0: the element's own end tag
            writer.writeEndElement();
          } else if (isText(event)) {
            writer.writeCharacters(reader.getText());
          }
        });
    writer.close();
    return out.toString();
  }

  /** Consumes the current element unread. */
  void skip() throws XMLStreamException {
    consume((event, depth) -> {});
  }

  /**
   * Reads on to the end of the document, so that anything broken after the root still counts as
   * malformed.
   */
  void finishDocument() throws XMLStreamException {
    while (reader.hasNext()) {
      reader.next();
    }
  }

  /** Sees each event up to and including the current element's end tag. */
  private interface EventVisitor {
    void visit(int event, int depthAfter) throws XMLStreamException;
  }

  private static boolean isText(int event) {
    return event == XMLStreamConstants.CHARACTERS
        || event == XMLStreamConstants.CDATA
        || event == XMLStreamConstants.SPACE;
  }

  private void consume(EventVisitor visitor) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      visitor.visit(event, depth);
    }
  }
}
