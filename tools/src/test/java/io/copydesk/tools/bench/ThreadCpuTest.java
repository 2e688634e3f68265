package io.copydesk.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void threadsOfOneKindFallIntoOneGroup() {
    assertEquals(
        "copydesk-enrich-*-StreamThread-N",
        ThreadCpu.group("copydesk-enrich-0f8e2a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b-StreamThread-2"));
    assertEquals(ThreadCpu.group("C1 CompilerThre"), ThreadCpu.group("C2 CompilerThre"));
    assertEquals(
        "data-plane-kafka-request-handler-N",
        ThreadCpu.group("data-plane-kafka-request-handler-7"));
  }

  @Test
  void aBusyThreadShowsItsCpuPerArticle() throws Exception {
    ThreadCpu start = ThreadCpu.now();
    Thread busy =
        new Thread(
            () -> {
              long until = System.nanoTime() + 200_000_000L;
              double x = 0;
              while (System.nanoTime() < until) {
                x += Math.sqrt(x + 1);
              }
              if (x < 0) {
                throw new AssertionError();
              }
            },
            "thread-cpu-test-busy-1");
    busy.start();
    Thread.sleep(150);
    ThreadCpu during = ThreadCpu.now();
    Map<String, Double> perArticle = during.perArticleSince(start, 10, 100);
    busy.join();
    Double ms = perArticle.get("thread-cpu-test-busy-N");
    assertTrue(ms != null && ms > 1, "busy thread's CPU per article: " + perArticle);
    long groupNanos = during.groupNanosSince(start, "thread-cpu-test-busy-N");
    assertTrue(groupNanos > 10_000_000L, "busy thread's group CPU: " + groupNanos);
    assertEquals(0, during.groupNanosSince(start, "no-such-thread-N"));
  }
}
