package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IsoTimestampTest {
  @Test
  void readsTheOffsetsWireServicesWrite() {
    assertEquals(Instant.parse("2024-03-05T14:30:00Z"), IsoTimestamp.parse("2024-03-05T14:30:00Z"));
    assertEquals(
        Instant.parse("2024-03-05T13:30:00Z"), IsoTimestamp.parse("2024-03-05T14:30:00+01:00"));
    assertEquals(
        Instant.parse("2024-03-05T13:30:00Z"), IsoTimestamp.parse("2024-03-05T14:30:00+0100"));
    assertEquals(
        Instant.parse("2024-03-05T14:30:00.250Z"),
        IsoTimestamp.parse(" 2024-03-05T14:30:00.250z "));
  }

  @Test
  void noOffsetMeansUtc() {
    assertEquals(Instant.parse("2024-03-05T14:30:00Z"), IsoTimestamp.parse("2024-03-05T14:30:00"));
  }

  @Test
  void anythingElseIsNull() {
    assertNull(IsoTimestamp.parse(null));
    assertNull(IsoTimestamp.parse(" "));
    assertNull(IsoTimestamp.parse("2024-03-05"));
    assertNull(IsoTimestamp.parse("5 March 2024"));
    assertNull(IsoTimestamp.parse("2024-02-30T10:00:00Z"));
  }
}
