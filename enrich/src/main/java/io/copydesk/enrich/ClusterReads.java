package io.copydesk.enrich;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the clustering step read from its state, for /metrics and {@code bench clusters}: per kind
 * of value, how many lookups there were and how many of them missed the parsed cache, so the value
 * was read from RocksDB and parsed. The hit rate says whether the caches ({@code
 * enrich.cluster.cache.*}) hold the working set; misses per article are what grows the cost of
 * placing an article as events pile up.
 *
 * <p>Lookups of document frequencies run to thousands per article: a stream thread counts into its
 * own plain {@link Tally} and adds it to these shared totals once per article.
 */
public final class ClusterReads {
  /** The kinds of value read. Postings are not cached: every lookup reads the store. */
  public enum Kind {
    COUNTS("counts"),
    EVENTS("events"),
    REPORTS("reports"),
    POSTINGS("postings");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The name in metrics and reports. */
    public String label() {
      return label;
    }
  }

  private static final int KINDS = Kind.values().length;
  private final AtomicLongArray lookups = new AtomicLongArray(KINDS);
  private final AtomicLongArray misses = new AtomicLongArray(KINDS);
  private final AtomicLongArray bytes = new AtomicLongArray(KINDS);

  public long lookups(Kind kind) {
    return lookups.get(kind.ordinal());
  }

  /** Lookups the parsed cache could not answer (for postings: every lookup). */
  public long misses(Kind kind) {
    return misses.get(kind.ordinal());
  }

  /** Bytes of the values read from the store (missing keys read none). */
  public long bytes(Kind kind) {
    return bytes.get(kind.ordinal());
  }

  /** One thread's counts since it last added them to the totals. */
  static final class Tally {
    private final long[] lookups = new long[KINDS];
    private final long[] misses = new long[KINDS];
    private final long[] bytes = new long[KINDS];

    void hit(Kind kind) {
      lookups[kind.ordinal()]++;
    }

    /** A lookup read from the store: {@code read} bytes of stored value (0 for a missing key). */
    void miss(Kind kind, int read) {
      lookups[kind.ordinal()]++;
      misses[kind.ordinal()]++;
      bytes[kind.ordinal()] += read;
    }

    /** Adds these counts to the totals and starts again from zero. */
    void addTo(ClusterReads totals) {
      for (int k = 0; k < KINDS; k++) {
        if (lookups[k] != 0) {
          totals.lookups.addAndGet(k, lookups[k]);
          totals.misses.addAndGet(k, misses[k]);
          totals.bytes.addAndGet(k, bytes[k]);
          lookups[k] = 0;
          misses[k] = 0;
          bytes[k] = 0;
        }
      }
    }
  }
}
