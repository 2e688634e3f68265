package io.copydesk.enrich.cluster;

import static io.copydesk.enrich.cluster.EventClustererTest.background;
import static io.copydesk.enrich.cluster.EventClustererTest.mill;
import static io.copydesk.enrich.cluster.EventClustererTest.probabilityOfJoining;
import static io.copydesk.enrich.cluster.EventClustererTest.profile;
import static io.copydesk.enrich.cluster.EventClustererTest.warehouse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMergerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final ClusterSettings settings = ClusterSettings.from(CopydeskConfig.defaults());

  /** The engineer's account of the collapse. */
  private static ArticleProfile engineer(String id) {
    return profile(
        id,
        "Kessel river bridge collapses near Marlow",
        "The Kessel river bridge collapsed near Marlow on Sunday. Engineer Tomas Vikander said the"
            + " steel frame had rusted through and the bridge should have closed last year.",
        "Tomas Vikander");
  }

  /** The rescue, told by the police chief, in other words. */
  private static ArticleProfile rescue(String id) {
    return profile(
        id,
        "Divers search for trucks after span gives way",
        "Divers searched the water for two trucks after the span gave way on Sunday, police chief"
            + " Ana Brill said. Rescuers pulled three drivers from the cold current.",
        "Ana Brill");
  }

  /** A later report of the collapse that also tells of the search. */
  private static ArticleProfile update(String id) {
    return profile(
        id,
        "Kessel river bridge had rusted, engineer says",
        "Engineer Tomas Vikander said the Kessel river bridge near Marlow had rusted through before"
            + " it collapsed on Sunday. Divers searched the water for two trucks after the span gave"
            + " way, police chief Ana Brill said.",
        "Tomas Vikander",
        "Ana Brill");
  }

  /** The copy that tells both. */
  private static ArticleProfile bridging(String id) {
    return profile(
        id,
        "Kessel river bridge collapse: divers search for trucks",
        "The Kessel river bridge collapsed near Marlow on Sunday and divers searched the water for"
            + " two trucks after the span gave way. Engineer Tomas Vikander said the steel frame had"
            + " rusted through; police chief Ana Brill said rescuers pulled three drivers from the"
            + " cold current.",
        "Tomas Vikander",
        "Ana Brill");
  }

  /** A look-alike: another bridge, another town, another day, another engineer. */
  private static ArticleProfile otherBridge(String id) {
    return profile(
        id,
        "Orrin river bridge collapses near Dunmore",
        "The Orrin river bridge collapsed near Dunmore on Thursday. Engineer Lise Okafor said the"
            + " concrete deck had cracked and the bridge should have closed last year.",
        "Lise Okafor");
  }

  /** A roundup naming both collapses. */
  private static ArticleProfile roundup(String id) {
    return profile(
        id,
        "Two river bridges collapse within days",
        "The Kessel river bridge collapsed near Marlow on Sunday, days after the Orrin river bridge"
            + " collapsed near Dunmore on Thursday. Engineer Tomas Vikander said the steel frame had"
            + " rusted through; engineer Lise Okafor said the concrete deck had cracked.",
        "Tomas Vikander",
        "Lise Okafor");
  }

  /** Merging at the join threshold, whatever the default: these tests are about the rule. */
  private final ClusterSettings merging = settings.withMergeThreshold(settings.threshold());

  @Test
  void twoReportsOfOneEventThatEachOpenedOneAreMergedOnceTheirEventsResembleEachOther() {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer c = new EventClusterer(state, merging);
    background(c);
    String collapse = c.place(engineer("a"), NOW).articleEventId();
    String rescue = c.place(rescue("b"), NOW).articleEventId();
    assertNotEquals(collapse, rescue, "the rescue report alone does not read as the collapse");

    // The update bridges both, but the rescue report against the collapse without the bridge is
    // still the first report alone: no merge yet.
    EventClusterer.Change update = c.place(update("u"), NOW);
    assertEquals(collapse, update.articleEventId());
    assertTrue(update.merges().isEmpty());
    assertTrue(probabilityOfJoining(c, bridging("m"), rescue) >= merging.merge().threshold());

    EventClusterer.Change bridged = c.place(bridging("m"), NOW);
    assertEquals(
        List.of(new EventClusterer.Merge(rescue, collapse, List.of("b"))), bridged.merges());
    assertEquals(collapse, bridged.articleEventId());
    assertEquals(List.of("a", "u", "m", "b"), state.event(collapse).articleIds());
    assertNull(state.event(rescue), "the smaller event is gone");
    assertNull(bridged.events().get(rescue), "and reported deleted");
    assertEquals(collapse, state.eventOf("b"));
    assertTrue(
        CandidateIndex.eventIds(state.postings("a:PERSON:brill")).contains(collapse)
            && !CandidateIndex.eventIds(state.postings("a:PERSON:brill")).contains(rescue),
        "the index follows the merge");
    assertEquals(
        collapse, c.place(rescue("b2"), NOW).articleEventId(), "later rescue copy finds it");
  }

  @Test
  void aRoundupNamingTwoLookAlikeIncidentsDoesNotMergeThem() {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer c = new EventClusterer(state, merging);
    background(c);
    String kessel = c.place(engineer("a"), NOW).articleEventId();
    c.place(engineer("a2"), NOW);
    String orrin = c.place(otherBridge("o"), NOW).articleEventId();
    assertNotEquals(kessel, orrin);
    assertTrue(
        probabilityOfJoining(c, roundup("r"), orrin) >= merging.merge().threshold()
            && probabilityOfJoining(c, roundup("r"), kessel) >= merging.merge().threshold(),
        "the roundup reads as either collapse");

    EventClusterer.Change change = c.place(roundup("r"), NOW);
    assertTrue(change.merges().isEmpty(), "another town, day and engineer: " + change.merges());
    assertEquals(List.of("o"), state.event(orrin).articleIds());
  }

  @Test
  void mergingCanBeTurnedOff() {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer c = new EventClusterer(state, settings.withMergeThreshold(1));
    background(c);
    c.place(engineer("a"), NOW);
    String rescue = c.place(rescue("b"), NOW).articleEventId();
    c.place(update("u"), NOW);
    assertTrue(c.place(bridging("m"), NOW).merges().isEmpty());
    assertEquals(List.of("b"), state.event(rescue).articleIds());
  }

  /**
   * Two fires, four reports each, in two events; a report naming both reaches both. With a merge
   * threshold that any pair passes, only the split check stands between them: the merged event
   * would fall apart at once, so it is not made (no merge-split ping-pong). Without splits, it is.
   */
  @Test
  void aMergeTheSplitCheckWouldUndoIsNotMade() {
    ClusterSettings any = settings.withMergeThreshold(1e-6);
    ClusterSettings anyWithoutSplits =
        any.withSplit(
            new ClusterSettings.Split(
                0, settings.split().minArticles(), settings.split().window()));
    ArticleProfile both =
        profile(
            "both",
            "Harbour warehouse fire and paper mill fire",
            "Fire gutted the harbour warehouse overnight, chief Dana Reyes said. Fire swept through"
                + " the paper mill by the river, chief Omar Haddad said.",
            "Dana Reyes",
            "Omar Haddad");
    for (ClusterSettings s : List.of(any, anyWithoutSplits)) {
      InMemoryClusterState state = new InMemoryClusterState();
      EventClusterer c = new EventClusterer(state, s);
      background(c);
      String fire = c.place(warehouse(1), NOW).articleEventId();
      String mill = c.file(mill(1), null, NOW).articleEventId();
      for (int n = 2; n <= 4; n++) {
        c.file(warehouse(n), fire, NOW);
        c.file(mill(n), mill, NOW);
      }
      c.place(both, NOW);
      assertEquals(
          s != any,
          state.eventOf("w1").equals(state.eventOf("m1")),
          (s == any ? "with" : "without") + " splits");
    }
  }
}
