package io.copydesk.tools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one end point saw of a run: how many of the offered articles arrived, at what rate (arrivals
 * over the time from the first offer to the last arrival), and each one's latency from its offer.
 */
record Throughput(int offered, int arrived, double seconds, LatencySummary latency) {
  static Throughput of(IntakeClient.Offers offers, Arrivals at, Duration timeout)
      throws InterruptedException {
    at.awaitAll(offers.offeredAt().keySet(), timeout);
    List<Double> millis = new ArrayList<>();
    long last = offers.firstNanos();
    for (Map.Entry<String, Long> offer : offers.offeredAt().entrySet()) {
      Long arrival = at.arrival(offer.getKey());
      if (arrival != null) {
        millis.add((arrival - offer.getValue()) / 1e6);
        last = Math.max(last, arrival);
      }
    }
    return new Throughput(
        offers.offeredAt().size(),
        millis.size(),
        (last - offers.firstNanos()) / 1e9,
        LatencySummary.of(millis));
  }

  boolean complete() {
    return arrived == offered;
  }

  double perSecond() {
    return arrived / seconds;
  }

  String rate() {
    String rate =
        String.format(Locale.ROOT, "%.1f articles/s (%d in %.1f s)", perSecond(), arrived, seconds);
    return complete()
        ? rate
        : rate
            + String.format(Locale.ROOT, " - %d of %d never arrived", offered - arrived, offered);
  }
}
