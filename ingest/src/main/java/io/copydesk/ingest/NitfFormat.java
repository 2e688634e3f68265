package io.copydesk.ingest;

import io.copydesk.schema.PubStatus;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPTC NITF 3.x as a file of its own, with or without the usual {@code <!DOCTYPE nitf SYSTEM
 * "nitf-3-x.dtd">} (accepted, never loaded; see {@link SafeXml#openAtRootAllowingExternalDtd}).
 *
 * <p>Id: {@code docdata/doc-id@id-string}, else {@code du-key@key}. Version: {@code
 * du-key@version}, else {@code @generation}. Status: {@code docdata@management-status}. Published:
 * {@code date.issue}; embargoed until {@code date.release} when that is later. Provider: {@code
 * doc.copyright@holder}, else {@code doc-id@regsrc}.
 */
final class NitfFormat implements WireFormat {
  private static final Logger LOG = LoggerFactory.getLogger(NitfFormat.class);

  @Override
  public String name() {
    return "nitf";
  }

  /** Root {@code nitf}, without a namespace (3.0 to 3.3) or in the NITF one (3.4 and later). */
  @Override
  public boolean recognises(String text) {
    return SafeXml.root(text).filter(NitfFormat::isNitfRoot).isPresent();
  }

  static boolean isNitfRoot(SafeXml.Root root) {
    return root.name().equals("nitf")
        && (root.namespace().isEmpty() || root.namespace().contains("NITF"));
  }

  @Override
  public List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException {
    try {
      ElementCursor root = new ElementCursor(SafeXml.openAtRootAllowingExternalDtd(text));
      NitfDocument doc = NitfDocument.read(root);
      root.finishDocument();
      return List.of(story(input, doc));
    } catch (XMLStreamException e) {
      throw SafeXml.malformed(e);
    }
  }

  private static ParsedStory story(InputDocument input, NitfDocument doc)
      throws InputRejectedException {
    String id = FirstText.of(doc.docId, doc.duKey);
    String what = id == null ? "the NITF document" : "NITF document " + id;
    PubStatus status = WireFields.pubStatus(doc.managementStatus, what);
    String headline = FirstText.of(doc.headline, doc.title);
    String body = doc.bodyWithDateline();
    if (body.isBlank() && headline == null && status == PubStatus.usable) {
      throw new InputRejectedException(
          "NO_BODY", what + " has neither a headline nor text in body.content");
    }
    for (String note : doc.editorialNotes) {
      LOG.info("{}: editorial note kept out of the body: {}", input.name(), note);
    }
    Instant issued = XmlDateTimes.parse(doc.issued);
    Instant released = XmlDateTimes.parse(doc.released);
    Instant embargo =
        released != null && (issued == null || released.isAfter(issued)) ? released : null;
    return new ParsedStory(
        id,
        WireFields.version(FirstText.of(doc.version, doc.generation), what),
        status,
        headline,
        doc.byline,
        body,
        doc.language,
        issued,
        embargo,
        FirstText.of(doc.copyrightHolder, doc.source),
        null,
        input.bytes());
  }
}
