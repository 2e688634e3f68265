package io.copydesk.ingest;

import io.copydesk.schema.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input's way in, shared by the drop folder and HTTP: read it, then publish its articles or
 * its reject. Submitting does not wait for Kafka; {@link #confirm} does, so a caller can submit many
 * inputs, flush once, then confirm each.
 */
public final class Intake {
  private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

  private final ArticleReader reader;
  private final ArticlePublisher publisher;
  private final int rejectPayloadBytes;
  /** Counted when Kafka has confirmed them, whichever way they came in: what /metrics reports. */
  private final AtomicLong articlesIn = new AtomicLong();
  private final AtomicLong inputsRejected = new AtomicLong();

  /** An input on its way to Kafka: the ids it produced, or why it was refused. */
  public record Submission(InputDocument input, List<String> ids, InputRejectedException rejection, List<Future<RecordMetadata>> sends) {}

  /** What became of an input once Kafka answered. {@code code} and {@code reason} are null when accepted. */
  public record Outcome(List<String> ids, String code, String reason) {
    public boolean accepted() {
      return code == null;
    }
  }

  /** Kafka could not take the records now (broker down, timeout): try the input again later. */
  public static final class KafkaUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    KafkaUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public Intake(ArticleReader reader, ArticlePublisher publisher, int rejectPayloadBytes) {
    this.reader = reader;
    this.publisher = publisher;
    this.rejectPayloadBytes = rejectPayloadBytes;
  }

  public Submission submit(InputDocument input) {
    try {
      List<RawArticle> parsed = reader.read(input);
      List<String> ids = new ArrayList<>();
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      for (RawArticle article : parsed) {
        ids.add(article.getId());
        sends.add(publisher.publish(article));
      }
      return new Submission(input, ids, null, sends);
    } catch (InputRejectedException e) {
      return rejected(input, e);
    } catch (RuntimeException e) {
      // A parser bug must not stop the folder or lose the input: it becomes a reject with the reason.
      LOG.error("reading {} failed unexpectedly", input.name(), e);
      return rejected(input, new InputRejectedException("PARSE_FAILED", "the input could not be read: " + e));
    }
  }

  private Submission rejected(InputDocument input, InputRejectedException why) {
    return new Submission(input, List.of(), why, List.of(publisher.publish(input.name(), Rejects.of(input, why, rejectPayloadBytes))));
  }

  /** Waits for Kafka's acknowledgement. Records Kafka refuses for good turn the input into a reject. */
  public Outcome confirm(Submission submission) throws KafkaUnavailableException, InterruptedException {
    Outcome outcome = awaitKafka(submission);
    if (outcome.accepted()) {
      articlesIn.addAndGet(outcome.ids().size());
    } else {
      inputsRejected.incrementAndGet();
    }
    return outcome;
  }

  private Outcome awaitKafka(Submission submission) throws KafkaUnavailableException, InterruptedException {
    for (Future<RecordMetadata> send : submission.sends()) {
      try {
        send.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RetriableException) {
          throw new KafkaUnavailableException("Kafka did not take " + submission.input().name() + ": " + e.getCause().getMessage(), e);
        }
        InputRejectedException refused = new InputRejectedException("KAFKA_REFUSED", "Kafka refused the record: " + e.getCause().getMessage());
        return reject(submission.input(), refused);
      }
    }
    if (submission.rejection() != null) {
      InputRejectedException why = submission.rejection();
      LOG.warn("rejected {}: {} ({})", submission.input().name(), why.getMessage(), why.code());
      return new Outcome(List.of(), why.code(), why.getMessage());
    }
    return new Outcome(submission.ids(), null, null);
  }

  private Outcome reject(InputDocument input, InputRejectedException why) throws KafkaUnavailableException, InterruptedException {
    Future<RecordMetadata> send = publisher.publish(input.name(), Rejects.of(input, why, rejectPayloadBytes));
    publisher.flush();
    try {
      send.get();
    } catch (ExecutionException e) {
      throw new KafkaUnavailableException("Kafka did not take the reject for " + input.name(), e);
    }
    LOG.warn("rejected {}: {} ({})", input.name(), why.getMessage(), why.code());
    return new Outcome(List.of(), why.code(), why.getMessage());
  }

  public void flush() {
    publisher.publishProgress();
    publisher.flush();
  }

  /** Articles published and confirmed since start. */
  public long articlesIn() {
    return articlesIn.get();
  }

  /** Inputs refused (each with its reject record confirmed) since start. */
  public long inputsRejected() {
    return inputsRejected.get();
  }

}
