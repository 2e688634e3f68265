package io.copydesk.ingest;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The id of an HTTP request: the sender's {@code X-Request-Id} when it is usable, else one made
 * here ({@code http-<millis>-<n>}, distinct within a process even within one millisecond). A
 * refusal is filed on the rejects topic under it, and every answer echoes it.
 */
final class RequestIds {
  /** The header a sender may set, echoed on every answer. */
  static final String HEADER = "X-Request-Id";

  static final int MAX_LENGTH = 128;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_LENGTH + "}");

  private final AtomicLong made = new AtomicLong();
  private final Clock clock;

  RequestIds(Clock clock) {
    this.clock = clock;
  }

  /** The sender's id when it is usable, else a new one ({@code senderId} may be null). */
  String choose(String senderId) {
    return senderId != null && VALID.matcher(senderId).matches() ? senderId : make();
  }

  /** A new id. */
  String make() {
    return "http-" + clock.millis() + "-" + made.incrementAndGet();
  }
}
