package io.copydesk.ingest;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPTC NewsML-G2: a single {@code newsItem}, or a {@code newsMessage} whose {@code itemSet} holds
 * several. Read with StAX (there is no maintained Java binding), never with a DTD.
 *
 * <p>In a newsMessage a bad item (a picture, an item with no text) is skipped with a warning, so
 * that one broken item does not hold back the rest of the batch; the message is refused only when
 * no item in it has text.
 */
final class NewsMlG2Format implements WireFormat {
  static final String NAMESPACE = "http://iptc.org/std/nar/2006-10-01/";
  private static final Logger LOG = LoggerFactory.getLogger(NewsMlG2Format.class);

  @Override
  public String name() {
    return "newsml-g2";
  }

  @Override
  public boolean recognises(String text) {
    return SafeXml.root(text)
        .filter(root -> root.is(NAMESPACE, "newsItem") || root.is(NAMESPACE, "newsMessage"))
        .isPresent();
  }

  @Override
  public List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException {
    try {
      ElementCursor root = new ElementCursor(SafeXml.openAtSafeRoot(text));
      List<ParsedStory> stories =
          root.name().equals("newsItem")
              ? List.of(NewsItemReader.read(root, input.bytes()))
              : readMessage(input, root);
      root.finishDocument();
      return stories;
    } catch (XMLStreamException e) {
      throw SafeXml.malformed(e);
    }
  }

  private static List<ParsedStory> readMessage(InputDocument input, ElementCursor message)
      throws XMLStreamException, InputRejectedException {
    List<ParsedStory> stories = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    while (message.nextChild()) {
      if (!message.name().equals("itemSet")) {
        message.skip(); // the header: sender, timestamps, transmission ids
        continue;
      }
      while (message.nextChild()) {
        if (!message.name().equals("newsItem")) {
          skipped.add("a " + message.name() + " is not a news item");
          message.skip(); // packageItem, conceptItem, knowledgeItem: no story text of their own
          continue;
        }
        try {
          // Each story keeps the whole message as its payload: batches are small, and it is what
          // arrived.
          stories.add(NewsItemReader.read(message, input.bytes()));
        } catch (InputRejectedException e) {
          skipped.add(e.getMessage());
        }
      }
    }
    for (String why : skipped) {
      LOG.warn("{}: skipped an item of the newsMessage: {}", input.name(), why);
    }
    if (stories.isEmpty()) {
      throw new InputRejectedException(
          "NO_BODY",
          skipped.isEmpty()
              ? "the newsMessage holds no newsItem"
              : "no newsItem in the newsMessage has text (" + String.join("; ", skipped) + ")");
    }
    return stories;
  }
}
