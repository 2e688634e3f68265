package io.copydesk.tools.bench;

import java.util.Collection;

/** Percentiles of latencies in milliseconds (nearest rank). */
record LatencySummary(int count, double p50, double p95, double p99, double max) {
  static LatencySummary of(Collection<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new LatencySummary(
        sorted.length,
        rank(sorted, 0.50),
        rank(sorted, 0.95),
        rank(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (n=%d)",
        p50,
        p95,
        p99,
        max,
        count);
  }
}
