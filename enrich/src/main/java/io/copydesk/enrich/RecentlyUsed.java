package io.copydesk.enrich;

import java.util.HashMap;
import java.util.Map;

/**
 * A bounded map of recently used entries, in two generations: entries go into the young one; when
 * it is half the bound, the old one is dropped and the young one takes its place; an old entry that
 * is used again moves back to the young one. Close to least-recently-used, but a hit only reads: an
 * access-ordered LinkedHashMap relinks its list on every get, and clustering does tens of thousands
 * of gets per article (document frequencies), where that relinking showed up as the largest cost in
 * a profile.
 */
final class RecentlyUsed<V> {
  /** The smallest bound: two generations of at least one entry each. */
  static final int MIN_BOUND = 2;

  private final int generation;
  private Map<String, V> young = new HashMap<>();
  private Map<String, V> old = new HashMap<>();

  /** Holds at most {@code bound} entries (at least {@link #MIN_BOUND}). */
  RecentlyUsed(int bound) {
    if (bound < MIN_BOUND) {
      throw new IllegalArgumentException("a cache bound must be at least 2, not " + bound);
    }
    this.generation = bound / 2;
  }

  /** The value, or null if it is not held. */
  V get(String key) {
    V value = young.get(key);
    if (value == null) {
      value = old.remove(key);
      if (value != null) {
        put(key, value);
      }
    }
    return value;
  }

  void put(String key, V value) {
    young.put(key, value); // a stale old copy is never read: the young one is found first
    if (young.size() >= generation) {
      old = young;
      young = new HashMap<>();
    }
  }

  void remove(String key) {
    young.remove(key);
    old.remove(key);
  }

  int size() {
    return young.size() + old.size();
  }
}
