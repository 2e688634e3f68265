package io.copydesk.ingest;

import io.copydesk.contract.Sha256;
import java.text.Normalizer;

/** Ids and content hashes derived from text, for inputs that carry no id of their own. */
final class StoryIds {
  private static final int ID_HEX_CHARS = 24; // 96 bits: collisions are not a practical concern

  private StoryIds() {}

  /** SHA-256 of the normalised headline and body: the same for redeliveries of the same text. */
  static String contentHash(String headline, String body) {
    return Sha256.hex(normalise(headline == null ? "" : headline) + "\n" + normalise(body));
  }

  /** A stable id for a text-only story, from its content hash. */
  static String fromContentHash(String contentHash) {
    return "txt-" + contentHash.substring(0, ID_HEX_CHARS);
  }

  /** Unicode compatibility form, one space for any run of white space, no outer spaces. */
  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
  }
}
