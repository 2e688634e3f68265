package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusterReadsTest {
  @Test
  void aThreadsTallyReachesTheTotalsWhenAddedAndStartsAgainFromZero() {
    ClusterReads totals = new ClusterReads();
    ClusterReads.Tally tally = new ClusterReads.Tally();
    tally.hit(ClusterReads.Kind.EVENTS);
    tally.hit(ClusterReads.Kind.EVENTS);
    tally.miss(ClusterReads.Kind.EVENTS, 700);
    tally.miss(ClusterReads.Kind.POSTINGS, 40);

    assertEquals(0, totals.lookups(ClusterReads.Kind.EVENTS), "nothing shared before it is added");
    tally.addTo(totals);
    tally.addTo(totals);

    assertEquals(3, totals.lookups(ClusterReads.Kind.EVENTS));
    assertEquals(1, totals.misses(ClusterReads.Kind.EVENTS));
    assertEquals(700, totals.bytes(ClusterReads.Kind.EVENTS), "added once, not twice");
    assertEquals(40, totals.bytes(ClusterReads.Kind.POSTINGS));
    assertEquals(1, totals.lookups(ClusterReads.Kind.POSTINGS));
    assertEquals(0, totals.lookups(ClusterReads.Kind.REPORTS));
  }
}
