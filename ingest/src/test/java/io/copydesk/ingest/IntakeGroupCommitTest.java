package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Single inputs that arrive while a batch is being committed share the next transaction. */
class IntakeGroupCommitTest {
  private final Topics topics = Topics.from(CopydeskConfig.defaults());

  /** A producer whose first commit waits until released, as a slow broker would keep it. */
  private static final class SlowFirstCommit extends MockProducer<byte[], byte[]> {
    final CountDownLatch inCommit = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger commits = new AtomicInteger();

    SlowFirstCommit() {
      super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void commitTransaction() {
      if (commits.getAndIncrement() == 0) {
        inCommit.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      super.commitTransaction();
    }
  }

  private static InputDocument story(int n) {
    return new InputDocument(
        "story-" + n + ".txt",
        ("Dam bursts in valley "
                + n
                + "\nA dam burst in valley number "
                + n
                + " on Monday, officials said.")
            .getBytes(StandardCharsets.UTF_8),
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void requestsWaitingForACommitGoTogetherInTheNextOne() throws Exception {
    SlowFirstCommit producer = new SlowFirstCommit();
    Intake intake =
        new Intake(new ArticleReader(10_000), new ArticlePublisher(topics, producer), 100);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<Intake.Outcome>> outcomes = new ArrayList<>();
      outcomes.add(clients.submit(() -> intake.publish(story(0))));
      assertTrue(
          producer.inCommit.await(10, TimeUnit.SECONDS), "the first request is being committed");
      for (int i = 1; i <= 3; i++) {
        int n = i;
        outcomes.add(clients.submit(() -> intake.publish(story(n))));
      }
      Thread.sleep(300); // let the three queue behind the commit under way
      producer.release.countDown();
      for (Future<Intake.Outcome> outcome : outcomes) {
        assertTrue(outcome.get(10, TimeUnit.SECONDS).accepted());
      }
      assertEquals(
          2,
          producer.commits.get(),
          "one transaction for the first request, one for the three that waited");
      assertEquals(
          4,
          producer.history().stream()
              .filter(r -> r.topic().equals(topics.raw().name()) && r.key() != null)
              .count());
    } finally {
      clients.shutdownNow();
    }
  }
}
