package io.copydesk.enrich.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwoGroupsTest {

  @Test
  void twoBlocksOfSimilarReportsAreTheTwoGroups() {
    // Reports 0, 2, 3 resemble each other (0.6), 1 and 4 each other (0.5); across the blocks 0.1.
    double[][] s = new double[5][5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        boolean a = i == 0 || i == 2 || i == 3;
        boolean b = j == 0 || j == 2 || j == 3;
        s[i][j] = i == j ? 0 : a && b ? 0.6 : !a && !b ? 0.5 : 0.1;
      }
    }
    TwoGroups g = TwoGroups.of(s);
    assertEquals(List.of(0, 2, 3), g.first(), "the group with the oldest report comes first");
    assertEquals(List.of(1, 4), g.second());
    assertEquals(0.1, g.between(), 1e-12);
    assertEquals(0.5, g.within(), 1e-12, "the less cohesive group's mean");
  }

  @Test
  void averageLinkKeepsAChainTogetherOnlyWhenItsLinksAreStrong() {
    // 0-1 and 2-3 are pairs; 1-2 is a weak bridge. The pairs are the groups, not a report on its
    // own.
    double[][] s = {
      {0, 0.9, 0.05, 0.0},
      {0.9, 0, 0.2, 0.05},
      {0.05, 0.2, 0, 0.8},
      {0.0, 0.05, 0.8, 0}
    };
    TwoGroups g = TwoGroups.of(s);
    assertEquals(List.of(0, 1), g.first());
    assertEquals(List.of(2, 3), g.second());
    assertEquals((0.05 + 0.0 + 0.2 + 0.05) / 4, g.between(), 1e-12);
    assertEquals(0.8, g.within(), 1e-12);
  }
}
