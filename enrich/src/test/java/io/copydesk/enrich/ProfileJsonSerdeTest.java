package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.enrich.cluster.EventProfile;
import io.copydesk.enrich.cluster.Norms;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileJsonSerdeTest {
  private final ProfileJsonSerde<EventProfile> serde = new ProfileJsonSerde<>(EventProfile.class);

  @Test
  void anEventRoundTripsWithItsRecordedLengths() {
    Norms norms = new Norms(new Norms.Sums(4.5, 1.25, 0.75), new Norms.Sums(1.0, 0.5, 0.25));
    EventProfile event =
        new EventProfile(
            "ev-1",
            List.of("a1", "a2"),
            Map.of("quake", 3),
            Map.of("PERSON:ruiz", 1.5),
            Instant.parse("2026-01-01T00:00:00Z"),
            List.of("a:PERSON:ruiz"),
            Map.of("2026", 1),
            Map.of("wd:tuesday", 2),
            norms,
            Instant.parse("2025-12-30T00:00:00Z"));
    assertEquals(
        event, serde.deserializer().deserialize("t", serde.serializer().serialize("t", event)));
  }

  @Test
  void anEventFromAChangelogWrittenBeforeLengthsWereKeptReadsAsUnknown() {
    String before =
        "{\"eventId\":\"ev-1\",\"articleIds\":[\"a1\"],\"terms\":{\"quake\":2},\"actors\":{\"PERSON:ruiz\":1.0},"
            + "\"lastActive\":\"2026-01-01T00:00:00Z\",\"indexKeys\":[],\"years\":{},\"days\":{}}";
    EventProfile event =
        serde.deserializer().deserialize("t", before.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("a1"), event.articleIds());
    assertEquals(Map.of("quake", 2), event.terms());
    assertEquals(Norms.UNKNOWN, event.norms(), "not recorded: computed when needed, as before");
    assertEquals(null, event.firstActive(), "not recorded: no lower bound in time, as before");
  }
}
