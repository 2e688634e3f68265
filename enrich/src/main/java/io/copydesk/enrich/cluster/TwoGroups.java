package io.copydesk.enrich.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports grouped in two by average-link agglomeration over their pairwise similarities: the
 * closest groups merge until two are left. Deterministic: ties merge the lowest-numbered groups.
 *
 * @param first the reports (indices) in the group holding report 0, the oldest
 * @param second the others
 * @param between mean similarity of a report in one group to a report in the other
 * @param within mean similarity of two reports in the same group, for the less cohesive group
 */
record TwoGroups(List<Integer> first, List<Integer> second, double between, double within) {

  /**
   * Groups {@code similarity.length} reports; {@code similarity} is symmetric. At least two
   * reports.
   */
  static TwoGroups of(double[][] similarity) {
    int n = similarity.length;
    List<List<Integer>> groups = new ArrayList<>();
    // Sums of similarities between groups: merging two adds their rows (average link from sums and
    // sizes).
    double[][] sums = new double[n][n];
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>(List.of(i)));
      sums[i] = similarity[i].clone();
    }
    boolean[] gone = new boolean[n];
    for (int left = n; left > 2; left--) {
      int bi = -1;
      int bj = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n && !gone[i]; j++) {
          if (!gone[j]) {
            double link = sums[i][j] / ((double) groups.get(i).size() * groups.get(j).size());
            if (link > best) {
              best = link;
              bi = i;
              bj = j;
            }
          }
        }
      }
      groups.get(bi).addAll(groups.get(bj));
      gone[bj] = true;
      for (int k = 0; k < n; k++) {
        sums[bi][k] += sums[bj][k];
        sums[k][bi] = sums[bi][k];
      }
    }
    List<List<Integer>> two = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!gone[i]) {
        two.add(groups.get(i).stream().sorted().toList());
      }
    }
    List<Integer> first = two.get(0).contains(0) ? two.get(0) : two.get(1);
    List<Integer> second = first == two.get(0) ? two.get(1) : two.get(0);
    return new TwoGroups(
        first,
        second,
        mean(similarity, first, second),
        Math.min(meanWithin(similarity, first), meanWithin(similarity, second)));
  }

  private static double mean(double[][] similarity, List<Integer> a, List<Integer> b) {
    double sum = 0;
    for (int i : a) {
      for (int j : b) {
        sum += similarity[i][j];
      }
    }
    return sum / ((double) a.size() * b.size());
  }

  /** 0 for a single report: nothing to be cohesive with. */
  private static double meanWithin(double[][] similarity, List<Integer> g) {
    if (g.size() < 2) {
      return 0;
    }
    double sum = 0;
    for (int x = 0; x < g.size(); x++) {
      for (int y = x + 1; y < g.size(); y++) {
        sum += similarity[g.get(x)][g.get(y)];
      }
    }
    return sum / (g.size() * (g.size() - 1) / 2.0);
  }
}
