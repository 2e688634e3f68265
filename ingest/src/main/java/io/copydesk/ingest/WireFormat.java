package io.copydesk.ingest;

import java.util.List;

/** One input format: recognises its own content and turns it into articles. */
interface WireFormat {
  /** The name recorded as {@code source.format}. */
  String name();

  /** Whether this text looks like this format (content sniffing, not the file extension). */
  boolean recognises(String text);

  /**
   * The stories in the input: one for most formats, one per item for feeds. Text comes out as plain
   * paragraphs separated by a blank line; cleaning and ids happen afterwards, for every format
   * alike.
   */
  List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException;

  /**
   * Whether a story with a headline and no body is copy (a flash, a bulletin, an "URGENT"
   * one-liner) rather than an item to skip. True for the wire formats, whose headline is a field of
   * its own; feeds and plain text say false, since there a title without text is a teaser or a
   * fragment.
   */
  default boolean headlineOnlyIsCopy() {
    return true;
  }
}
