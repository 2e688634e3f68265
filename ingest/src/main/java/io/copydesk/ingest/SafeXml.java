package io.copydesk.ingest;

import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML from outside with DTDs and external entities switched off. A DOCTYPE is how XXE (reading
 * local files) and entity expansion ("billion laughs") attacks start, and no wire format needs one,
 * so a document that declares one is refused outright rather than read with the DTD ignored.
 */
final class SafeXml {
  /** The root element of a document, and whether a DOCTYPE came before it. */
  record Root(String namespace, String name, boolean doctype) {
    boolean is(String expectedNamespace, String expectedName) {
      return expectedNamespace.equals(namespace) && expectedName.equals(name);
    }
  }

  private SafeXml() {}

  /** A StAX reader that never reads a DTD or resolves an entity, with each text run in one piece. */
  static XMLStreamReader open(String text) throws XMLStreamException {
    // The JDK's own implementation, not whatever the class path offers: these properties are known to hold for it.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    // White space before the XML declaration is not well-formed, but common in feeds and harmless.
    return factory.createXMLStreamReader(new StringReader(text.stripLeading()));
  }

  /** The root element, for content sniffing: empty when the text does not start as XML. Reads only up to the root's start tag. */
  static Optional<Root> root(String text) {
    try {
      XMLStreamReader reader = open(text);
      boolean doctype = toRoot(reader);
      return Optional.of(new Root(namespace(reader), reader.getLocalName(), doctype));
    } catch (XMLStreamException e) {
      return Optional.empty();
    }
  }

  /** XML, though perhaps broken or of no format we read: an XML declaration, or a root element we can reach. */
  static boolean looksLikeXml(String text) {
    return text.stripLeading().startsWith("<?xml") || root(text).isPresent();
  }

  /** The root of a document about to be read: refused when it declares a DOCTYPE or its start is not well-formed. */
  static Root safeRoot(String text) throws InputRejectedException {
    try {
      XMLStreamReader reader = openAtSafeRoot(text);
      return new Root(namespace(reader), reader.getLocalName(), false);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /** A reader standing on the root's start tag, once the document is known to declare no DOCTYPE. */
  static XMLStreamReader openAtSafeRoot(String text) throws XMLStreamException, InputRejectedException {
    XMLStreamReader reader = open(text);
    if (toRoot(reader)) {
      throw new InputRejectedException("XML_DTD_REFUSED",
          "the XML declares a DOCTYPE; DTDs and entities are refused because they can read local files or expand without bound");
    }
    return reader;
  }

  static InputRejectedException malformed(Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ").strip();
    return new InputRejectedException("MALFORMED_XML", "the XML is not well-formed (it may be truncated): " + detail);
  }

  /** Moves to the root's start tag; true when a DOCTYPE came first. */
  private static boolean toRoot(XMLStreamReader reader) throws XMLStreamException {
    boolean doctype = false;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        doctype = true;
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        return doctype;
      }
    }
    throw new XMLStreamException("the document has no root element");
  }

  private static String namespace(XMLStreamReader reader) {
    String ns = reader.getNamespaceURI();
    return ns == null ? "" : ns;
  }
}
