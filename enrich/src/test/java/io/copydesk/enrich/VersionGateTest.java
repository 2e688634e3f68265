package io.copydesk.enrich;

import static io.copydesk.enrich.EnrichTopologyTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.StoryState;
import org.junit.jupiter.api.Test;

class VersionGateTest {
  private final RawArticle v2 = article("s", 2, "H", "B");
  private final StoryState seenV2 = VersionGate.stateOf(v2);

  @Test
  void firstDeliveryIsAccepted() {
    assertEquals(VersionGate.Verdict.ACCEPT, VersionGate.judge(null, v2));
  }

  @Test
  void olderAndEqualVersionsAreDropped() {
    assertEquals(
        VersionGate.Verdict.STALE, VersionGate.judge(seenV2, article("s", 1, "H", "other")));
    assertEquals(
        VersionGate.Verdict.DUPLICATE, VersionGate.judge(seenV2, article("s", 2, "H", "other")));
  }

  @Test
  void aNewerVersionIsAcceptedUnlessNothingChanged() {
    assertEquals(
        VersionGate.Verdict.ACCEPT, VersionGate.judge(seenV2, article("s", 3, "H", "changed")));
    assertEquals(
        VersionGate.Verdict.DUPLICATE, VersionGate.judge(seenV2, article("s", 3, "H", "B")));
    RawArticle kill =
        RawArticle.newBuilder(article("s", 3, "H", "B")).setPubstatus(PubStatus.canceled).build();
    assertEquals(
        VersionGate.Verdict.ACCEPT,
        VersionGate.judge(seenV2, kill),
        "a kill of unchanged text is news");
  }

  @Test
  void aKillAtTheLiveVersionIsAcceptedOnceButAStaleKillIsNot() {
    RawArticle killAtV2 =
        RawArticle.newBuilder(article("s", 2, "H", "B")).setPubstatus(PubStatus.canceled).build();
    assertEquals(VersionGate.Verdict.ACCEPT, VersionGate.judge(seenV2, killAtV2));
    assertEquals(
        VersionGate.Verdict.DUPLICATE, VersionGate.judge(VersionGate.stateOf(killAtV2), killAtV2));
    RawArticle staleKill =
        RawArticle.newBuilder(article("s", 1, "H", "B")).setPubstatus(PubStatus.canceled).build();
    assertEquals(VersionGate.Verdict.STALE, VersionGate.judge(seenV2, staleKill));
  }
}
