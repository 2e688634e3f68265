package io.copydesk.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {
  /**
   * A pipeline that takes 10 ms of wall time per article, during which the JIT spends the share
   * {@code jitShares[batch]} of it compiling (the last share for every later batch).
   */
  private static class FakePipeline implements JitWarmUp.Batches, JitWarmUp.Clocks {
    final List<Integer> batches = new ArrayList<>();
    final double[] jitShares;
    long wall;
    long jit;

    FakePipeline(double... jitShares) {
      this.jitShares = jitShares;
    }

    @Override
    public void run(int articles) {
      long nanos = articles * 10_000_000L;
      double share = jitShares[Math.min(batches.size(), jitShares.length - 1)];
      batches.add(articles);
      wall += nanos;
      jit += (long) (share * nanos);
    }

    @Override
    public long wallNanos() {
      return wall;
    }

    @Override
    public long jitNanos() {
      return jit;
    }

    @Override
    public String jitSource() {
      return "fake";
    }
  }

  @Test
  void warmsUpInBatchesUntilOneIsQuiet() throws Exception {
    // First fixed batch (not checked), then 40 %, 20 %, 4 %: quiet at the third checked batch.
    FakePipeline p = new FakePipeline(0.9, 0.4, 0.2, 0.04, 0.01);
    JitWarmUp.Result r = new JitWarmUp(50, 100, 10_000, 0.05).run(p, p);
    assertEquals(List.of(50, 100, 100, 100), p.batches);
    assertEquals(350, r.articles());
    assertEquals(4, r.batches());
    assertTrue(r.quiet());
    assertEquals(0.04, r.lastJitShare(), 1e-9);
    assertEquals(3.5, r.seconds(), 1e-9);
    assertEquals(List.of(0.4, 0.2, 0.04), r.shares());
    assertTrue(r.describe().contains("quiet; per checked batch: 40 20 4 %"), r.describe());
  }

  @Test
  void stopsAtTheCapWhenTheJitNeverSettles() throws Exception {
    FakePipeline p = new FakePipeline(0.3);
    JitWarmUp.Result r = new JitWarmUp(20, 100, 250, 0.05).run(p, p);
    // 20 fixed, then 100, 100 and the last 30 up to the cap.
    assertEquals(List.of(20, 100, 100, 30), p.batches);
    assertEquals(250, r.articles());
    assertFalse(r.quiet());
    assertTrue(r.checked());
    assertTrue(r.describe().contains("still compiling"), r.describe());
  }

  @Test
  void withoutTheCheckOnlyTheFixedArticlesRun() throws Exception {
    FakePipeline p = new FakePipeline(0.9);
    JitWarmUp.Result r = new JitWarmUp(20, 100, 2_000, 0).run(p, p);
    assertEquals(List.of(20), p.batches);
    assertFalse(r.checked());
    assertTrue(r.describe().contains("not checked"), r.describe());
  }

  @Test
  void withoutAJitClockNothingIsQuietAndTheCapEndsIt() throws Exception {
    FakePipeline p =
        new FakePipeline(0.0) {
          @Override
          public long jitNanos() {
            return -1;
          }
        };
    JitWarmUp.Result r = new JitWarmUp(0, 100, 300, 0.05).run(p, p);
    assertEquals(List.of(100, 100, 100), p.batches);
    assertFalse(r.quiet());
  }

  @Test
  void thisJvmHasAJitClock() {
    JitWarmUp.Clocks clocks = JitWarmUp.jvm();
    long before = clocks.jitNanos();
    assertTrue(before >= 0, clocks.jitSource());
    assertTrue(clocks.wallNanos() > 0);
  }
}
