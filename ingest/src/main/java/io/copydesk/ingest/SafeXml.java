package io.copydesk.ingest;

import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Entities;

/**
 * Reads XML from outside with DTDs and external entities switched off. A DOCTYPE is how XXE
 * (reading local files) and entity expansion ("billion laughs") attacks start. Formats defined by
 * an XML Schema (NewsML-G2, feeds) never need one, so for them any DOCTYPE is refused outright. The
 * DTD-defined formats (NITF, NewsML 1.x) arrive with a DOCTYPE that names their external DTD; for
 * them, and only when the DOCTYPE is nothing but that name ({@link
 * #openAtRootAllowingExternalDtd}), the document is read with the DTD neither loaded nor used. An
 * internal subset (where entities are declared) is refused all the same.
 */
final class SafeXml {
  /** The root element of a document, and whether a DOCTYPE came before it. */
  record Root(String namespace, String name, boolean doctype) {
    boolean is(String expectedNamespace, String expectedName) {
      return expectedNamespace.equals(namespace) && expectedName.equals(name);
    }
  }

  /**
   * A DOCTYPE that only names an external DTD: {@code <!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">} or
   * with a PUBLIC id. No internal subset (no {@code [}), so no entity or attribute default can be
   * declared.
   */
  private static final Pattern EXTERNAL_DTD_ONLY =
      Pattern.compile(
          "<!DOCTYPE\\s+[\\w.:-]+\\s+(?:SYSTEM\\s+(?:\"[^\"\\[\\]<>]*\"|'[^'\\[\\]<>]*')"
              + "|PUBLIC\\s+(?:\"[^\"\\[\\]<>]*\"|'[^'\\[\\]<>]*')\\s+(?:\"[^\"\\[\\]<>]*\"|'[^'\\[\\]<>]*'))\\s*>");

  /** An entity reference; the five XML ones and character references need no DTD. */
  private static final Pattern ENTITY_REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");

  private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

  private SafeXml() {}

  /**
   * A StAX reader that never reads a DTD or resolves an entity, with each text run in one piece.
   */
  static XMLStreamReader open(String text) throws XMLStreamException {
    // The JDK's own implementation, not whatever the class path offers: these properties are known
    // to hold for it.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    // White space before the XML declaration is not well-formed, but common in feeds and harmless.
    return factory.createXMLStreamReader(new StringReader(text.stripLeading()));
  }

  /**
   * The root element, for content sniffing: empty when the text does not start as XML. Reads only
   * up to the root's start tag.
   */
  static Optional<Root> root(String text) {
    try {
      XMLStreamReader reader = open(text);
      boolean doctype = toRoot(reader);
      return Optional.of(new Root(namespace(reader), reader.getLocalName(), doctype));
    } catch (XMLStreamException e) {
      return Optional.empty();
    }
  }

  /**
   * XML, though perhaps broken or of no format we read: an XML declaration, or a root element we
   * can reach.
   */
  static boolean looksLikeXml(String text) {
    return text.stripLeading().startsWith("<?xml") || root(text).isPresent();
  }

  /**
   * The root of a document about to be read: refused when it declares a DOCTYPE or its start is not
   * well-formed.
   */
  static Root safeRoot(String text) throws InputRejectedException {
    try {
      XMLStreamReader reader = openAtSafeRoot(text);
      return new Root(namespace(reader), reader.getLocalName(), false);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /**
   * A reader standing on the root's start tag, once the document is known to declare no DOCTYPE.
   */
  static XMLStreamReader openAtSafeRoot(String text)
      throws XMLStreamException, InputRejectedException {
    XMLStreamReader reader = open(text);
    if (toRoot(reader)) {
      throw new InputRejectedException(
          "XML_DTD_REFUSED",
          "the XML declares a DOCTYPE; DTDs and entities are refused because they can read local files or expand without bound");
    }
    return reader;
  }

  /**
   * A reader standing on the root's start tag for a DTD-defined format: a DOCTYPE is accepted when
   * it only names an external DTD, which is never loaded; one with an internal subset is refused.
   * The DTD would have declared the HTML named entities such files use ({@code &eacute;}, {@code
   * &mdash;}), so those become character references first: one character each, nothing is expanded
   * further.
   */
  static XMLStreamReader openAtRootAllowingExternalDtd(String text)
      throws XMLStreamException, InputRejectedException {
    XMLStreamReader reader = open(text);
    if (!toRoot(reader)) {
      return reader;
    }
    String doctype = doctypeOf(text);
    if (doctype == null || !EXTERNAL_DTD_ONLY.matcher(doctype).matches()) {
      throw new InputRejectedException(
          "XML_DTD_REFUSED",
          "the XML's DOCTYPE declares more than the name of an external DTD "
              + "(an internal subset with entities or attributes); it is refused because it can read local files or expand without bound");
    }
    reader.close();
    reader = open(withNamedEntitiesAsCharacters(text));
    toRoot(reader);
    return reader;
  }

  /**
   * The DOCTYPE declaration as written, up to its first {@code >} outside quotes; null if there is
   * none.
   */
  private static String doctypeOf(String text) {
    int start = text.indexOf("<!DOCTYPE");
    if (start < 0) {
      return null;
    }
    char quote = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return text.substring(start, i + 1);
      }
    }
    return null;
  }

  /**
   * HTML named entities ({@code &eacute;}) as numeric character references; any other name is left
   * to fail as undeclared.
   */
  static String withNamedEntitiesAsCharacters(String text) {
    Matcher m = ENTITY_REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String name = m.group(1);
      String replacement = m.group();
      if (!XML_ENTITIES.contains(name) && Entities.isNamedEntity(name)) {
        replacement =
            Entities.getByName(name)
                .codePoints()
                .mapToObj(cp -> "&#" + cp + ";")
                .reduce("", String::concat);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  static InputRejectedException malformed(Exception e) {
    String detail =
        e.getMessage() == null
            ? e.getClass().getSimpleName()
            : e.getMessage().replaceAll("\\s+", " ").strip();
    return new InputRejectedException(
        "MALFORMED_XML", "the XML is not well-formed (it may be truncated): " + detail);
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
