package io.copydesk.ingest;

import java.util.List;

/** One input format: recognises its own content and turns it into articles. */
interface WireFormat {
  /** The name recorded as {@code source.format}. */
  String name();

  /** Whether this text looks like this format (content sniffing, not the file extension). */
  boolean recognises(String text);

  /**
   * The stories in the input: one for most formats, one per item for feeds. Text comes out as
   * plain paragraphs separated by a blank line; cleaning and ids happen afterwards, for every format alike.
   */
  List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException;
}
