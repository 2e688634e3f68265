package io.copydesk.tools.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each article version (story id and version) reached one end point of the pipeline, on this
 * JVM's {@link System#nanoTime} clock, the same clock the offers are timed on.
 */
abstract class Arrivals implements AutoCloseable {
  private final Map<String, Long> seen = new ConcurrentHashMap<>();

  static String key(String id, long version) {
    return id + "@" + version;
  }

  /** What the end point is, for the report. */
  abstract String describe();

  /** Records the first sighting only: a replayed record does not move an arrival. */
  final void arrived(String key, long nanos) {
    seen.putIfAbsent(key, nanos);
  }

  final Long arrival(String key) {
    return seen.get(key);
  }

  /** Waits until every key has arrived; false if the time ran out first. */
  final boolean awaitAll(Collection<String> keys, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!seen.keySet().containsAll(keys)) {
      if (failure() != null) {
        throw new IllegalStateException("watching " + describe() + " failed", failure());
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Why watching stopped, if it did: waiting on would be waiting for nothing. */
  RuntimeException failure() {
    return null;
  }

  @Override
  public abstract void close() throws InterruptedException;
}
