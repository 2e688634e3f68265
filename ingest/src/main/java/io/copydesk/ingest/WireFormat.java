package io.copydesk.ingest;

import io.copydesk.schema.RawArticle;
import java.util.List;

/** One input format: recognises its own content and turns it into articles. */
interface WireFormat {
  /** The name recorded as {@code source.format}. */
  String name();

  /** Whether this text looks like this format (content sniffing, not the file extension). */
  boolean recognises(String text);

  /** The articles in the input: one for most formats, one per item for feeds. */
  List<RawArticle> parse(InputDocument input, String text) throws InputRejectedException;
}
