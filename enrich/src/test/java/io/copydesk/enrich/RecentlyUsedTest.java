package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentlyUsedTest {

  @Test
  void neverHoldsMoreThanItsBound() {
    RecentlyUsed<Integer> cache = new RecentlyUsed<>(10);
    for (int i = 0; i < 1_000; i++) {
      cache.put("k" + i, i);
      assertTrue(cache.size() <= 10, "size " + cache.size() + " after " + (i + 1) + " puts");
    }
    assertEquals(999, cache.get("k999"));
    assertNull(cache.get("k0"));
  }

  @Test
  void anEntryInUseSurvivesWhileOthersComeAndGo() {
    RecentlyUsed<Integer> cache = new RecentlyUsed<>(10);
    cache.put("hot", 1);
    for (int i = 0; i < 100; i++) {
      cache.put("cold" + i, i);
      assertEquals(1, cache.get("hot"), "lost the hot entry after " + (i + 1) + " other puts");
    }
    assertNull(cache.get("cold0"), "an entry not used again is forgotten");
  }

  @Test
  void theLatestValueWinsAndRemovedEntriesAreGone() {
    RecentlyUsed<Integer> cache = new RecentlyUsed<>(4);
    cache.put("a", 1);
    cache.put("b", 2); // "a" and "b" move to the old generation
    cache.put("a", 3); // a newer "a" in the young one, beside the stale old copy
    assertEquals(3, cache.get("a"));
    cache.put("c", 4); // rotates: the stale copy is dropped with the old generation
    assertEquals(3, cache.get("a"));
    cache.remove("a");
    assertNull(cache.get("a"));
  }

  @Test
  void refusesABoundTooSmallToRotate() {
    assertThrows(IllegalArgumentException.class, () -> new RecentlyUsed<>(1));
  }
}
