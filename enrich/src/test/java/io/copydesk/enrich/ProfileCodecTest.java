package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.EventProfile;
import io.copydesk.enrich.cluster.Norms;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileCodecTest {
  private static EventProfile event(Map<String, Integer> terms, Instant firstActive) {
    return new EventProfile(
        "ev-1",
        List.of("a1", "a2"),
        terms,
        Map.of("PERSON:ruiz", 1.5, "GPE:são paulo", 0.1 + 0.2),
        Instant.parse("2026-01-01T00:00:00.123456789Z"),
        List.of("a:PERSON:ruiz", "t:quake"),
        Map.of("2026", 1),
        Map.of("wd:tuesday", 2, "d:2026-01-01", -3),
        new Norms(new Norms.Sums(4.5, 1.25, 0.75), new Norms.Sums(1.0, 0.5, 0.25)),
        firstActive);
  }

  @Test
  void anEventRoundTripsWithItsRecordedLengthsToTheLastBit() {
    EventProfile event =
        event(Map.of("quake", 3, "aftershock", 300_000), Instant.parse("2025-12-30T00:00:00Z"));
    assertEquals(event, ProfileCodec.event(ProfileCodec.event(event)));
  }

  @Test
  void absentTimesAndLengthsStayAbsent() {
    EventProfile event =
        new EventProfile(
            "ev-2", List.of(), Map.of(), Map.of(), null, List.of(), Map.of(), Map.of(), null, null);
    EventProfile back = ProfileCodec.event(ProfileCodec.event(event));
    assertEquals(event, back);
    assertEquals(Norms.UNKNOWN, back.norms());
    assertEquals(null, back.lastActive());
  }

  @Test
  void anEventsTermsComeBackInTheOrderTheyWereWritten() {
    Map<String, Integer> terms = new LinkedHashMap<>();
    for (String t : List.of("zebra", "apple", "mango", "kiwi", "banana")) {
      terms.put(t, t.length());
    }
    EventProfile back = ProfileCodec.event(ProfileCodec.event(event(terms, null)));
    assertEquals(List.copyOf(terms.keySet()), List.copyOf(back.terms().keySet()));
  }

  @Test
  void anArticleRoundTrips() {
    ArticleProfile article =
        new ArticleProfile(
            "a-7",
            Map.of("flood", 2, "levee", 1),
            Map.of("ORG:red cross", 0.4),
            Instant.parse("2026-03-04T05:06:07Z"),
            Set.of("2026"),
            Set.of("wd:monday"),
            Set.of("14000", "6.1"));
    assertEquals(article, ProfileCodec.article(ProfileCodec.article(article)));
    ArticleProfile undated =
        new ArticleProfile("a-8", Map.of(), Map.of(), null, Set.of(), Set.of(), Set.of());
    assertEquals(undated, ProfileCodec.article(ProfileCodec.article(undated)));
  }

  @Test
  void anEventFromAChangelogWrittenBeforeLengthsWereKeptReadsAsUnknown() {
    String before =
        "{\"eventId\":\"ev-1\",\"articleIds\":[\"a1\"],\"terms\":{\"quake\":2},\"actors\":{\"PERSON:ruiz\":1.0},"
            + "\"lastActive\":\"2026-01-01T00:00:00Z\",\"indexKeys\":[],\"years\":{},\"days\":{}}";
    EventProfile event = ProfileCodec.event(before.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("a1"), event.articleIds());
    assertEquals(Map.of("quake", 2), event.terms());
    assertEquals(Norms.UNKNOWN, event.norms(), "not recorded: computed when needed, as before");
    assertEquals(null, event.firstActive(), "not recorded: no lower bound in time, as before");
  }

  @Test
  void profilesWrittenAsJsonBeforeThisFormAreStillRead() {
    String eventJson =
        "{\"eventId\":\"ev-1\",\"articleIds\":[\"a1\",\"a2\"],\"terms\":{\"quake\":3},"
            + "\"actors\":{\"PERSON:ruiz\":1.5},\"lastActive\":\"2026-01-01T00:00:00Z\","
            + "\"indexKeys\":[\"a:PERSON:ruiz\"],\"years\":{\"2026\":1},\"days\":{\"wd:tuesday\":2},"
            + "\"norms\":{\"terms\":{\"squares\":4.5,\"logs\":1.25,\"logSquares\":0.75},"
            + "\"actors\":{\"squares\":1.0,\"logs\":0.5,\"logSquares\":0.25}},"
            + "\"firstActive\":\"2025-12-30T00:00:00Z\"}";
    EventProfile event = ProfileCodec.event(eventJson.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        new EventProfile(
            "ev-1",
            List.of("a1", "a2"),
            Map.of("quake", 3),
            Map.of("PERSON:ruiz", 1.5),
            Instant.parse("2026-01-01T00:00:00Z"),
            List.of("a:PERSON:ruiz"),
            Map.of("2026", 1),
            Map.of("wd:tuesday", 2),
            new Norms(new Norms.Sums(4.5, 1.25, 0.75), new Norms.Sums(1.0, 0.5, 0.25)),
            Instant.parse("2025-12-30T00:00:00Z")),
        event);
    String articleJson =
        "{\"id\":\"a-7\",\"terms\":{\"flood\":2},\"actors\":{\"ORG:red cross\":0.4},"
            + "\"publishedAt\":\"2026-03-04T05:06:07Z\",\"years\":[\"2026\"],\"days\":[],"
            + "\"numbers\":[\"14000\"]}";
    assertEquals(
        new ArticleProfile(
            "a-7",
            Map.of("flood", 2),
            Map.of("ORG:red cross", 0.4),
            Instant.parse("2026-03-04T05:06:07Z"),
            Set.of("2026"),
            Set.of(),
            Set.of("14000")),
        ProfileCodec.article(articleJson.getBytes(StandardCharsets.UTF_8)));
    // Rewritten in the new form, it reads back the same.
    assertEquals(event, ProfileCodec.event(ProfileCodec.event(event)));
  }

  @Test
  void aValueOfAnUnknownFormIsRefusedWithItsFirstByte() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProfileCodec.event(new byte[] {2, 0}));
    assertEquals("not a clustering profile of a known form (first byte 2)", e.getMessage());
  }
}
