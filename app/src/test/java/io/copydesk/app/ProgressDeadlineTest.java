package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressDeadlineTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void withoutAnyProgressItExpiresAfterTheAllowance() {
    ProgressDeadline deadline = new ProgressDeadline(Duration.ofSeconds(300), T0);
    assertFalse(deadline.expired(T0.plusSeconds(300)));
    assertTrue(deadline.expired(T0.plusSeconds(301)));
  }

  @Test
  void progressMovesTheDeadlineOnSoALongRunThatKeepsMovingGoesOn() {
    ProgressDeadline deadline = new ProgressDeadline(Duration.ofSeconds(300), T0);
    for (int minute = 1; minute <= 30; minute++) {
      Instant now = T0.plusSeconds(60L * minute);
      deadline.observe(minute * 100L, now);
      assertFalse(deadline.expired(now), "still moving after " + minute + " minutes");
    }
    Instant lastMove = T0.plusSeconds(60L * 30);
    deadline.observe(3000, lastMove.plusSeconds(200)); // the same value: no progress
    assertFalse(deadline.expired(lastMove.plusSeconds(300)));
    assertTrue(deadline.expired(lastMove.plusSeconds(301)));
  }
}
