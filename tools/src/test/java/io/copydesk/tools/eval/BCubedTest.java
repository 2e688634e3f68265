package io.copydesk.tools.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BCubedTest {
  private static final Map<String, String> GOLD = Map.of("a", "X", "b", "X", "c", "Y", "d", "Y");

  @Test
  void perfectAndAllInOne() {
    assertEquals(
        1.0, BCubed.score(Map.of("a", "1", "b", "1", "c", "2", "d", "2"), GOLD).f1(), 1e-12);
    BCubed one = BCubed.score(Map.of("a", "1", "b", "1", "c", "1", "d", "1"), GOLD);
    assertEquals(0.5, one.precision(), 1e-12);
    assertEquals(1.0, one.recall(), 1e-12);
  }

  @Test
  void heldOutItemsAreAveragedAloneButClustersCountEveryItem() {
    // c joined a and b's cluster: averaged over c and d only, c's precision is 1/3, its recall 1/2.
    Map<String, String> system = Map.of("a", "1", "b", "1", "c", "1", "d", "2");
    BCubed heldOut = BCubed.score(system, GOLD, k -> k.equals("c") || k.equals("d"));
    assertEquals((1.0 / 3 + 1) / 2, heldOut.precision(), 1e-12);
    assertEquals((0.5 + 0.5) / 2, heldOut.recall(), 1e-12);
  }
}
