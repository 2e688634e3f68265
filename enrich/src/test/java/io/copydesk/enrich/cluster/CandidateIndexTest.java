package io.copydesk.enrich.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.contract.CopydeskConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {
  private final ClusterSettings settings =
      ClusterSettings.from(CopydeskConfig.defaults().with("cluster.candidates", "3"));
  private final InMemoryClusterState state = new InMemoryClusterState();
  private final CandidateIndex index =
      new CandidateIndex(state, settings, new Weighting(state, settings));

  /** An article with actors only: its lookup keys are exactly these. */
  private static ArticleProfile naming(String... actors) {
    Map<String, Double> weights = new java.util.HashMap<>();
    for (String a : actors) {
      weights.put(a, 1.0);
    }
    return new ArticleProfile("a1", Map.of(), weights, null, Set.of(), Set.of(), Set.of());
  }

  @Test
  void eventsSharingMoreKeysComeFirstWhateverTheirAge() {
    state.putPostings("a:PERSON:okafor", List.of("ev-old", "ev-b", "ev-c"));
    state.putPostings("a:GPE:harbourtown", List.of("ev-old", "ev-d"));

    assertEquals(
        "ev-old",
        index.candidates(naming("PERSON:okafor", "GPE:harbourtown")).get(0),
        "the only event sharing both keys leads, though filed first under both");
  }

  @Test
  void amongEventsSharingAsManyKeysTheMostRecentlyFiledAreTakenNotTheFirstIds() {
    // Filed at documents 1..6; ids in the opposite order of filing: the id alone would take the
    // oldest. A posting from older state has no time and counts as the oldest.
    state.putPostings("a:PERSON:okafor", List.of("ev-f 1", "ev-e 2", "ev-b 5", "ev-a 6"));
    state.putPostings("a:GPE:harbourtown", List.of("ev-0", "ev-d 3", "ev-c 4"));

    assertEquals(
        List.of("ev-a", "ev-b", "ev-c"),
        index.candidates(naming("PERSON:okafor", "GPE:harbourtown")));
  }

  @Test
  void anEventFiledLongAgoIsACandidateOnlyIfItSharesEnoughKeys() {
    ClusterSettings recent =
        ClusterSettings.from(
            CopydeskConfig.defaults()
                .with("cluster.candidates", "8")
                .with("cluster.candidates.recent.documents", "10")
                .with("cluster.candidates.strong.keys", "3"));
    Weighting weighting = new Weighting(state, recent);
    CandidateIndex windowed = new CandidateIndex(state, recent, weighting);
    state.putCount("#documents", 100);
    weighting.forget(); // the clock: 100 documents, so filed before 90 is old
    state.putPostings(
        "a:PERSON:okafor", List.of("ev-two 5", "ev-three 3", "ev-new 95", "ev-90 90"));
    state.putPostings("a:GPE:harbourtown", List.of("ev-two 6", "ev-three 4", "ev-unknown"));
    state.putPostings("a:ORGANIZATION:ferries", List.of("ev-three 2"));

    assertEquals(
        List.of("ev-three", "ev-new", "ev-90", "ev-unknown"),
        windowed.candidates(naming("PERSON:okafor", "GPE:harbourtown", "ORGANIZATION:ferries")),
        "two keys shared with an event filed 94 documents ago are passed over; three are enough,"
            + " and an event filed at the window's edge or at an unknown time is kept");
  }

  @Test
  void placingFilesAnEventWithTheDocumentClockAndCandidatesAreEventIds() {
    EventClusterer c = new EventClusterer(state, settings);
    EventClustererTest.background(c);
    String first =
        c.place(
                EventClustererTest.profile(
                    "x1", "Ferry sinks off Harbourtown", "A ferry sank.", "Okafor"),
                java.time.Instant.parse("2026-01-01T00:00:00Z"))
            .articleEventId();

    List<String> postings = state.postings("a:PERSON:okafor");
    assertEquals(List.of(first + " 7"), postings, "the seventh document counted");
    assertEquals(List.of(first), CandidateIndex.eventIds(postings));
  }
}
