package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HttpAccessTest {
  private static final class Ticking extends Clock {
    long millis;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  @Test
  void aConfiguredTokenIsRequiredAndOnlyThatTokenPasses() {
    HttpAccess access = new HttpAccess("s3cret", 0, 1, Clock.systemUTC());
    assertEquals(401, access.check(null, "10.0.0.1").status());
    assertEquals(401, access.check("Bearer wrong", "10.0.0.1").status());
    assertEquals(401, access.check("Basic s3cret", "10.0.0.1").status());
    assertTrue(access.check("Bearer s3cret", "10.0.0.1").allowed());
    assertTrue(
        access.check("bearer s3cret", "10.0.0.1").allowed(), "the scheme is case-insensitive");
    assertTrue(
        HttpAccess.open(Clock.systemUTC()).check(null, "10.0.0.1").allowed(),
        "no token configured: none needed");
  }

  @Test
  void eachClientGetsItsBurstThenTheRate() {
    Ticking clock = new Ticking();
    HttpAccess access = new HttpAccess("", 2, 3, clock);
    for (int i = 0; i < 3; i++) {
      assertTrue(access.check(null, "a").allowed(), "within the burst");
    }
    assertEquals(429, access.check(null, "a").status());
    assertTrue(access.check(null, "b").allowed(), "another client is not held back");
    clock.millis += 500; // 2 per second: one more after half a second
    assertTrue(access.check(null, "a").allowed());
    assertEquals(429, access.check(null, "a").status());
  }

  @Test
  void anIntakeBeyondLoopbackNeedsATokenOrAnExplicitOptOut() {
    for (String exposed : java.util.List.of("0.0.0.0", "10.1.2.3", "::", "no-such-host.invalid")) {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class,
              () -> HttpAccess.requireTokenBeyondLoopback(exposed, "", false),
              exposed);
      assertTrue(
          refused.getMessage().contains("ingest.http.host")
              || refused.getMessage().contains(exposed),
          refused.getMessage());
      assertTrue(
          refused.getMessage().contains("ingest.http.token"),
          "names the token setting: " + refused.getMessage());
      assertTrue(
          refused.getMessage().contains("ingest.http.allow.anonymous"),
          "names the opt-out: " + refused.getMessage());
    }
    for (String loopback : java.util.List.of("127.0.0.1", "localhost", "::1", "127.0.0.2")) {
      assertDoesNotThrow(
          () -> HttpAccess.requireTokenBeyondLoopback(loopback, "", false), loopback);
    }
    assertDoesNotThrow(
        () -> HttpAccess.requireTokenBeyondLoopback("0.0.0.0", "s3cret", false),
        "a token makes it safe");
    assertDoesNotThrow(
        () -> HttpAccess.requireTokenBeyondLoopback("0.0.0.0", "", true), "the explicit opt-out");
  }
}
