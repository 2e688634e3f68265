package io.copydesk.app;

import java.time.Duration;
import java.time.Instant;

/**
 * A deadline that moves on with progress: it expires only when the measure of progress has stayed
 * the same for the whole allowance. A {@code --once} backfill on a slow or busy machine may take
 * longer than the allowance and still be moving; only a pipeline that stopped moving gives up.
 */
final class ProgressDeadline {
  private final Duration allowance;
  private Instant deadline;
  private long lastProgress = Long.MIN_VALUE;

  ProgressDeadline(Duration allowance, Instant start) {
    this.allowance = allowance;
    this.deadline = start.plus(allowance);
  }

  /** Records the progress seen at {@code now}; a new value moves the deadline on. */
  void observe(long progress, Instant now) {
    if (progress != lastProgress) {
      lastProgress = progress;
      deadline = now.plus(allowance);
    }
  }

  boolean expired(Instant now) {
    return now.isAfter(deadline);
  }
}
