package io.copydesk.tools.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * B-cubed precision and recall (Bagga and Baldwin, 1998) of a clustering against gold classes: per
 * item, the share of its cluster that shares its gold class, and the share of its gold class that
 * shares its cluster, averaged over items.
 */
record BCubed(double precision, double recall) {
  double f1() {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** Items present in both maps are scored; the maps are item to cluster, item to gold class. */
  static BCubed score(Map<String, String> system, Map<String, String> gold) {
    return score(system, gold, k -> true);
  }

  /**
   * Averaged over the items {@code over} accepts only, while clusters and classes are counted over
   * all items: how the held-out items of a stream fare among everything else in it.
   */
  static BCubed score(
      Map<String, String> system,
      Map<String, String> gold,
      java.util.function.Predicate<String> over) {
    Map<String, Integer> clusterSize = new HashMap<>();
    Map<String, Integer> classSize = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (Map.Entry<String, String> e : system.entrySet()) {
      String g = gold.get(e.getKey());
      if (g == null) {
        continue;
      }
      clusterSize.merge(e.getValue(), 1, Integer::sum);
      classSize.merge(g, 1, Integer::sum);
      both.merge(e.getValue() + "\u0000" + g, 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    int n = 0;
    for (Map.Entry<String, String> e : system.entrySet()) {
      String g = gold.get(e.getKey());
      if (g == null || !over.test(e.getKey())) {
        continue;
      }
      n++;
      int shared = both.get(e.getValue() + "\u0000" + g);
      p += (double) shared / clusterSize.get(e.getValue());
      r += (double) shared / classSize.get(g);
    }
    return n == 0 ? new BCubed(0, 0) : new BCubed(p / n, r / n);
  }
}
