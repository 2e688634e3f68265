package io.copydesk.ingest;

import io.copydesk.schema.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inputs' way in, shared by the drop folder, HTTP and feeds: read each, then publish its articles
 * or its reject. {@link #publish} takes a batch of inputs and publishes it as one Kafka
 * transaction, so an outcome is returned only for a batch Kafka has committed whole, and a caller
 * records an input as done (ledger, {@code done/}, 202) only then. One batch at a time: the
 * producer has one transaction open at most; single inputs arriving meanwhile share the next batch.
 */
public final class Intake {
  private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

  private final ArticleReader reader;
  private final ArticlePublisher publisher;
  private final int rejectPayloadBytes;

  /** Counted when Kafka has committed them, whichever way they came in: what /metrics reports. */
  private final AtomicLong articlesIn = new AtomicLong();

  private final AtomicLong inputsRejected = new AtomicLong();

  /** An input on its way to Kafka: the ids it produced, or why it was refused. */
  private record Submission(
      InputDocument input,
      List<String> ids,
      InputRejectedException rejection,
      List<Future<RecordMetadata>> sends) {}

  /**
   * What became of an input once Kafka committed its batch. {@code code} and {@code reason} are
   * null when accepted.
   */
  public record Outcome(List<String> ids, String code, String reason) {
    public boolean accepted() {
      return code == null;
    }
  }

  /**
   * Kafka could not take the batch now (broker down, timeout): nothing of it is visible; try it
   * again later.
   */
  public static final class KafkaUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    KafkaUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The producer cannot go on: fenced by another ingest with the same transactional id, refused
   * authentication or authorization, or broken. Only a new process helps, so the stage stops.
   */
  public static final class PublishingStoppedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PublishingStoppedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public Intake(ArticleReader reader, ArticlePublisher publisher, int rejectPayloadBytes) {
    this.reader = reader;
    this.publisher = publisher;
    this.rejectPayloadBytes = rejectPayloadBytes;
  }

  /**
   * A single input waiting for a batch to carry it; {@code refused} when it is refused before
   * reading.
   */
  private record Waiting(
      InputDocument input, InputRejectedException refused, CompletableFuture<Outcome> outcome) {}

  /** Single inputs not yet in a batch; guarded by itself. */
  private final List<Waiting> waiting = new ArrayList<>();

  /**
   * One input (an HTTP request, a feed poll). Inputs that come in while a batch is being committed
   * go together in the next one (group commit): concurrent requests share a transaction instead of
   * queueing for one each. The outcome still comes only once its batch is committed.
   */
  public Outcome publish(InputDocument input) throws KafkaUnavailableException {
    return submitAlone(input, null);
  }

  /**
   * Files an input refused before it could be read (an HTTP body over the size limit, a content
   * type that is not copy) on the rejects topic, under the input's name, like any other refusal:
   * {@code input} holds what was kept of it, which may be nothing. The outcome is the refusal, once
   * Kafka has committed it.
   */
  public Outcome refuse(InputDocument input, InputRejectedException why)
      throws KafkaUnavailableException {
    return submitAlone(input, why);
  }

  private Outcome submitAlone(InputDocument input, InputRejectedException refused)
      throws KafkaUnavailableException {
    Waiting mine = new Waiting(input, refused, new CompletableFuture<>());
    synchronized (waiting) {
      waiting.add(mine);
    }
    synchronized (this) {
      // Whoever gets the batch lock first takes everything waiting; the others find theirs done.
      if (!mine.outcome().isDone()) {
        List<Waiting> batch;
        synchronized (waiting) {
          batch = new ArrayList<>(waiting);
          waiting.clear();
        }
        try {
          Map<Integer, InputRejectedException> refusedBefore = new HashMap<>();
          for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).refused() != null) {
              refusedBefore.put(i, batch.get(i).refused());
            }
          }
          List<Outcome> outcomes =
              publish(batch.stream().map(Waiting::input).toList(), refusedBefore);
          for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(outcomes.get(i));
          }
        } catch (KafkaUnavailableException | RuntimeException e) {
          batch.forEach(w -> w.outcome().completeExceptionally(e));
        }
      }
    }
    try {
      return mine.outcome().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while waiting for the batch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KafkaUnavailableException unavailable) {
        throw unavailable;
      }
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Publishes the inputs' articles and rejects as one transaction and returns, in order, what
   * became of each once it is committed. A record Kafka refuses for good (too large for the broker)
   * turns its input into a reject and the batch is published again without it. An empty batch still
   * carries the progress markers when they are due.
   *
   * @throws KafkaUnavailableException the batch was not committed; none of it is visible downstream
   * @throws PublishingStoppedException the producer cannot publish any more
   */
  public synchronized List<Outcome> publish(List<InputDocument> inputs)
      throws KafkaUnavailableException {
    return publish(inputs, Map.of());
  }

  /**
   * As above, with some inputs (by index) refused already: they are filed as rejects without
   * reading.
   */
  private synchronized List<Outcome> publish(
      List<InputDocument> inputs, Map<Integer, InputRejectedException> refusedBefore)
      throws KafkaUnavailableException {
    if (inputs.isEmpty() && !publisher.progressDue()) {
      return List.of();
    }
    Map<Integer, InputRejectedException> refused = new HashMap<>(refusedBefore);
    while (true) {
      List<Submission> submissions = new ArrayList<>();
      KafkaException failure = null;
      try {
        publisher.beginBatch();
        for (int i = 0; i < inputs.size(); i++) {
          InputRejectedException why = refused.get(i);
          submissions.add(why != null ? rejected(inputs.get(i), why) : submit(inputs.get(i)));
        }
        publisher.commitBatch();
      } catch (KafkaException e) {
        stopIfFatal(e);
        failure = e;
        try {
          publisher.abortBatch();
        } catch (KafkaException abortFailed) {
          stopIfFatal(abortFailed);
          LOG.warn("aborting an ingest batch failed: {}", abortFailed.toString());
        }
      }
      // With a real producer a refused record fails the commit; with any producer it fails its
      // send.
      int newlyRefused = 0;
      for (int i = 0; i < submissions.size(); i++) {
        Throwable refusal = refusal(submissions.get(i));
        if (refusal != null && !refused.containsKey(i)) {
          refused.put(
              i,
              new InputRejectedException(
                  "KAFKA_REFUSED", "Kafka refused the record: " + refusal.getMessage()));
          newlyRefused++;
        }
      }
      if (failure == null && newlyRefused == 0) {
        return outcomes(submissions);
      }
      if (newlyRefused == 0) {
        throw new KafkaUnavailableException(
            "Kafka did not take a batch of " + inputs.size() + " inputs: " + failure.getMessage(),
            failure);
      }
      // Again, with the refused inputs as rejects (their reasons say why).
    }
  }

  /**
   * When the input's articles were first published (the earliest), or null when it does not say or
   * cannot be read: how a scan orders its files before publishing them.
   */
  public Instant publishedAt(InputDocument input) {
    try {
      return PublicationOrdering.earliest(reader.read(input));
    } catch (InputRejectedException | RuntimeException e) {
      return null; // its reject is decided when it is published
    }
  }

  /**
   * Reads an input and sends its articles, or its reject. Only reading may turn an input into a
   * reject here.
   */
  private Submission submit(InputDocument input) {
    List<RawArticle> parsed;
    try {
      parsed = reader.read(input);
    } catch (InputRejectedException e) {
      return rejected(input, e);
    } catch (RuntimeException e) {
      // A parser bug must not stop the folder or lose the input: it becomes a reject with the
      // reason.
      LOG.error("reading {} failed unexpectedly", input.name(), e);
      return rejected(
          input, new InputRejectedException("PARSE_FAILED", "the input could not be read: " + e));
    }
    List<String> ids = new ArrayList<>();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (RawArticle article : parsed.stream().sorted(PublicationOrdering.ARTICLES).toList()) {
      ids.add(article.getId());
      sends.add(publisher.publish(input.name(), article));
    }
    return new Submission(input, ids, null, sends);
  }

  private Submission rejected(InputDocument input, InputRejectedException why) {
    return new Submission(
        input,
        List.of(),
        why,
        List.of(publisher.publish(input.name(), Rejects.of(input, why, rejectPayloadBytes))));
  }

  /**
   * The failure of a record Kafka will never take, if one of the input's sends had one. The batch
   * has ended, so every send is done.
   */
  private static Throwable refusal(Submission submission) {
    for (Future<RecordMetadata> send : submission.sends()) {
      try {
        send.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RecordTooLargeException
            || cause instanceof RecordBatchTooLargeException
            || cause instanceof InvalidRecordException) {
          return cause;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private List<Outcome> outcomes(List<Submission> submissions) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Submission submission : submissions) {
      InputRejectedException why = submission.rejection();
      if (why == null) {
        articlesIn.addAndGet(submission.ids().size());
        outcomes.add(new Outcome(submission.ids(), null, null));
      } else {
        inputsRejected.incrementAndGet();
        LOG.warn("rejected {}: {} ({})", submission.input().name(), why.getMessage(), why.code());
        outcomes.add(new Outcome(List.of(), why.code(), why.getMessage()));
      }
    }
    return outcomes;
  }

  /** Kafka's producer cannot recover from these (its own advice: close it). */
  private static void stopIfFatal(KafkaException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProducerFencedException) {
        throw new PublishingStoppedException(
            "another ingest took over this one's transactional id (ingest.transactional.id);"
                + " each running ingest needs its own",
            e);
      }
      if (t instanceof AuthenticationException
          || t instanceof AuthorizationException
          || t instanceof OutOfOrderSequenceException
          || t instanceof UnsupportedVersionException) {
        throw new PublishingStoppedException(
            "ingest cannot publish to Kafka: " + t.getMessage(), e);
      }
    }
  }

  /** Articles published and committed since start. */
  public long articlesIn() {
    return articlesIn.get();
  }

  /** Inputs refused (each with its reject record committed) since start. */
  public long inputsRejected() {
    return inputsRejected.get();
  }
}
