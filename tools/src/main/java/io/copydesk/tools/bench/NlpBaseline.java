package io.copydesk.tools.bench;

import io.copydesk.enrich.nlp.NlpEngine;
import io.copydesk.schema.RawArticle;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NLP engine alone on the same articles (headline and body, as the enricher annotates them),
 * with as many threads as the enrich stage runs: the ceiling the pipeline is measured against.
 */
final class NlpBaseline {
  /** {@code cpuSeconds}: CPU time of the annotating threads. */
  record Result(int articles, long tokens, int threads, double seconds, double cpuSeconds) {
    double articlesPerSecond() {
      return articles / seconds;
    }

    double tokensPerSecond() {
      return tokens / seconds;
    }
  }

  private NlpBaseline() {}

  static Result measure(NlpEngine engine, List<RawArticle> articles, int threads) throws Exception {
    // Warm: the pipeline run before has loaded the model and compiled the hot code; a few more make
    // sure.
    articles.stream().limit(5).forEach(a -> annotate(engine, a));
    AtomicInteger next = new AtomicInteger();
    AtomicLong tokens = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  long cpuStart = CpuTime.currentThreadNanos();
                  for (int i = next.getAndIncrement();
                      i < articles.size();
                      i = next.getAndIncrement()) {
                    tokens.addAndGet(annotate(engine, articles.get(i)));
                  }
                  cpu.addAndGet(CpuTime.currentThreadNanos() - cpuStart);
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
      return new Result(
          articles.size(),
          tokens.get(),
          threads,
          (System.nanoTime() - start) / 1e9,
          cpu.get() / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long annotate(NlpEngine engine, RawArticle a) {
    long tokens = engine.annotate(a.getBody()).tokenCount();
    if (a.getHeadline() != null) {
      tokens += engine.annotate(a.getHeadline()).tokenCount();
    }
    return tokens;
  }
}
