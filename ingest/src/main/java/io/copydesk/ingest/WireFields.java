package io.copydesk.ingest;

import io.copydesk.schema.PubStatus;
import java.util.Locale;

/**
 * Publishing status and version as the XML wire formats write them (G2 qcodes, NITF and NewsML 1.x
 * words).
 */
final class WireFields {
  private WireFields() {}

  /**
   * The status named by a code: "usable", "withheld", "canceled" (any case, G2's "stat:" prefix or
   * a full URI allowed); "embargoed" is usable once the embargo passes, which the embargo time
   * says. Anything else is refused: guessing "usable" could publish what the sender meant to hold
   * back.
   */
  static PubStatus pubStatus(String code, String what) throws InputRejectedException {
    if (code == null || code.isBlank()) {
      return PubStatus.usable;
    }
    return switch (lastSegment(code).toLowerCase(Locale.ROOT)) {
      case "usable", "embargoed" -> PubStatus.usable;
      case "withheld" -> PubStatus.withheld;
      case "canceled", "cancelled" -> PubStatus.canceled;
      default ->
          throw new InputRejectedException(
              "UNKNOWN_PUBSTATUS",
              what
                  + " has publishing status "
                  + code.strip()
                  + "; only usable, embargoed, withheld and canceled are known");
    };
  }

  /** A positive whole number, 1 when the format gives none. */
  static long version(String value, String what) throws InputRejectedException {
    if (value == null || value.isBlank()) {
      return 1;
    }
    try {
      long v = Long.parseLong(value.strip());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below, with the value
    }
    throw new InputRejectedException(
        "BAD_VERSION",
        what + " has version \"" + value + "\", which is not a positive whole number");
  }

  /**
   * The code of a qcode ("stat:usable") or of a full URI
   * ("http://cv.iptc.org/newscodes/ninature/text").
   */
  static String lastSegment(String qcodeOrUri) {
    String s = qcodeOrUri.strip();
    return s.substring(Math.max(s.lastIndexOf(':'), s.lastIndexOf('/')) + 1);
  }
}
