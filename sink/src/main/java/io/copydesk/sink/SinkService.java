package io.copydesk.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes enriched articles and event snapshots and writes them with {@link SinkFiles}. Records
 * are buffered per partition and written when a partition has {@code sink.rotate.records} of them,
 * when the oldest has waited {@code sink.rotate.interval.ms} ({@code sink.events.interval.ms} for
 * event snapshots, which replace one file each and so need no batching), when a poll brings nothing
 * new, on rebalance and on shutdown. Kafka offsets are committed only after the files are durable;
 * they serve monitoring, while the files' progress decides where to resume.
 */
public final class SinkService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

  private final Topics topics;
  private final SinkFiles files;
  private final int rotateRecords;
  private final long rotateIntervalMs;
  private final long eventsIntervalMs;
  private final Map<TopicPartition, Long> bufferedSince = new HashMap<>();
  private final Duration pollTimeout;
  private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> buffers = new HashMap<>();
  private final AtomicLong articlesWritten = new AtomicLong();
  private final AtomicLong eventsWritten = new AtomicLong();
  private final AtomicLong filesWritten = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();

  /**
   * Created with the service so that metrics can be bound before it runs; used by {@link #run}
   * only.
   */
  private final KafkaConsumer<byte[], byte[]> consumer;

  private volatile boolean running = true;

  /** A write failed: the sink is stopping and must not write again. */
  private boolean failed;

  private boolean started;

  /** Readiness and lag, written by the polling thread for other threads to read. */
  private volatile boolean joined;

  private volatile long lastPollMs;
  private volatile long lag;

  public SinkService(CopydeskConfig config, Topics topics, Path outDir) throws IOException {
    this.topics = topics;
    SinkSettings settings = SinkSettings.from(config);
    this.files = new SinkFiles(outDir, new ObjectMapper(), settings.format());
    this.rotateRecords = settings.rotateRecords();
    this.rotateIntervalMs = settings.rotateInterval().toMillis();
    this.eventsIntervalMs = settings.eventsInterval().toMillis();
    this.pollTimeout = settings.pollTimeout();
    Properties props = new Properties();
    props.putAll(config.kafka());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Static membership (unique per instance): a restart takes its partitions back at once.
    if (!settings.groupInstanceId().isEmpty()) {
      props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.groupInstanceId());
    }
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Consumes until {@link #close()}; throws if the output cannot be written (nothing uncommitted is
   * acknowledged).
   */
  public void run() {
    synchronized (this) {
      if (!running) {
        return; // closed before it ran
      }
      started = true;
    }
    try (KafkaConsumer<byte[], byte[]> c = consumer) {
      c.subscribe(List.of(topics.enriched().name(), topics.events().name()), new Rebalance(c));
      try {
        consume(c);
      } catch (IOException | RuntimeException e) {
        // Closing the consumer revokes its partitions, which would flush the buffers again: against
        // a full or read-only disk that fails once more and keeps the consumer from leaving its
        // group cleanly, so a restart would wait out the session. Nothing buffered was committed,
        // so dropping it loses nothing: the restart resumes from the files' progress.
        failed = true;
        buffers.clear();
        bufferedSince.clear();
        throw e;
      }
    } catch (IOException e) {
      LOG.error(
          "sink stopped: cannot write to {}: {}. Offsets were not committed; fix the output and restart.",
          files.root(),
          e.toString());
      throw new UncheckedIOException(e);
    }
  }

  private void consume(KafkaConsumer<byte[], byte[]> c) throws IOException {
    while (running) {
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = c.poll(pollTimeout);
      } catch (WakeupException e) {
        if (running) {
          throw e;
        }
        break; // close(): write out what is buffered, below
      }
      long now = System.currentTimeMillis();
      lastPollMs = now;
      lag = lagOf(c);
      for (ConsumerRecord<byte[], byte[]> r : records) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        buffers.computeIfAbsent(tp, x -> new ArrayList<>()).add(r);
        bufferedSince.putIfAbsent(tp, now);
      }
      // A file closes when it is full, when it has been open too long, or when the stream pauses.
      List<TopicPartition> due = new ArrayList<>();
      buffers.forEach(
          (tp, buffer) -> {
            long interval =
                tp.topic().equals(topics.events().name()) ? eventsIntervalMs : rotateIntervalMs;
            boolean old = now - bufferedSince.getOrDefault(tp, now) >= interval;
            if (!buffer.isEmpty() && (records.isEmpty() || buffer.size() >= rotateRecords || old)) {
              due.add(tp);
            }
          });
      flush(c, due);
    }
    flush(c, new ArrayList<>(buffers.keySet()));
  }

  /**
   * Records behind the end of the assigned partitions, from what the last fetches said (no broker
   * call).
   */
  private static long lagOf(KafkaConsumer<byte[], byte[]> c) {
    long sum = 0;
    for (TopicPartition tp : c.assignment()) {
      sum += c.currentLag(tp).orElse(0);
    }
    return sum;
  }

  private void flush(KafkaConsumer<byte[], byte[]> c, Collection<TopicPartition> partitions)
      throws IOException {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    for (TopicPartition tp : partitions) {
      List<ConsumerRecord<byte[], byte[]>> buffer = buffers.remove(tp);
      bufferedSince.remove(tp);
      if (buffer == null || buffer.isEmpty()) {
        continue;
      }
      // Everything returned for this partition is in the buffer, so the position is where to
      // resume.
      long next = c.position(tp);
      if (tp.topic().equals(topics.enriched().name())) {
        List<SinkFiles.Offset<EnrichedArticle>> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : buffer) {
          EnrichedArticle a =
              decode(
                  r,
                  () ->
                      topics
                          .enriched()
                          .valueSerde()
                          .deserializer()
                          .deserialize(r.topic(), r.value()));
          if (a != null) {
            batch.add(new SinkFiles.Offset<>(r.offset(), a));
          }
        }
        filesWritten.addAndGet(files.writeArticles(tp.topic(), tp.partition(), batch, next).size());
        articlesWritten.addAndGet(batch.size());
      } else {
        List<SinkFiles.Offset<SinkFiles.EventChange>> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : buffer) {
          String eventId =
              decode(
                  r,
                  () -> topics.events().keySerde().deserializer().deserialize(r.topic(), r.key()));
          if (eventId == null) {
            continue;
          }
          EventSnapshot snapshot =
              r.value() == null
                  ? null
                  : decode(
                      r,
                      () ->
                          topics
                              .events()
                              .valueSerde()
                              .deserializer()
                              .deserialize(r.topic(), r.value()));
          if (snapshot != null || r.value() == null) {
            batch.add(
                new SinkFiles.Offset<>(r.offset(), new SinkFiles.EventChange(eventId, snapshot)));
          }
        }
        files.writeEvents(tp.topic(), tp.partition(), batch, next);
        eventsWritten.addAndGet(batch.size());
        filesWritten.addAndGet(
            batch.stream().filter(change -> change.value().snapshot() != null).count());
      }
      commits.put(tp, new OffsetAndMetadata(next));
    }
    if (!commits.isEmpty()) {
      c.commitSync(commits);
    }
  }

  private <T> T decode(ConsumerRecord<byte[], byte[]> r, java.util.function.Supplier<T> decoder) {
    try {
      return decoder.get();
    } catch (SerializationException e) {
      undecodable.incrementAndGet();
      LOG.error(
          "skipping undecodable record {}-{}@{}: {}",
          r.topic(),
          r.partition(),
          r.offset(),
          e.getMessage());
      return null;
    }
  }

  /**
   * Resumes every assigned partition where the output's own progress says; writes out buffers
   * before giving one up.
   */
  private final class Rebalance implements ConsumerRebalanceListener {
    private final KafkaConsumer<byte[], byte[]> c;

    Rebalance(KafkaConsumer<byte[], byte[]> c) {
      this.c = c;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (failed) {
        return; // stopping after a failed write: see run()
      }
      try {
        flush(c, partitions);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Another instance owns them now: what is buffered is its to write.
      partitions.forEach(
          tp -> {
            buffers.remove(tp);
            bufferedSince.remove(tp);
          });
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      joined = true; // called after every completed rebalance, even with nothing assigned
      for (TopicPartition tp : partitions) {
        try {
          long next = files.recover(tp.topic(), tp.partition());
          if (next >= 0) {
            c.seek(tp, next);
            // A crash between the progress file and the Kafka commit leaves Kafka behind the files:
            // catch it up, or consumer lag (and a --once run waiting on it) would never reach zero.
            OffsetAndMetadata committed = c.committed(java.util.Set.of(tp)).get(tp);
            if (committed == null || committed.offset() < next) {
              c.commitSync(Map.of(tp, new OffsetAndMetadata(next)));
            }
          } else {
            // This output has never seen the partition: rebuild it from the start.
            c.seekToBeginning(List.of(tp));
          }
          LOG.info("sink resumes {} at {}", tp, next >= 0 ? next : "the beginning");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot recover the sink's output for " + tp, e);
        }
      }
    }
  }

  public long articlesWritten() {
    return articlesWritten.get();
  }

  public long eventsWritten() {
    return eventsWritten.get();
  }

  public long undecodableRecords() {
    return undecodable.get();
  }

  /** Event snapshot files written (tombstones delete rather than write), plus article files. */
  public long filesWritten() {
    return filesWritten.get();
  }

  /** Records not yet read from the assigned partitions, as of the last poll. */
  public long lag() {
    return lag;
  }

  /**
   * Whether the consumer has joined its group (it may be assigned nothing when there are more sink
   * instances than partitions) and has polled within {@code window}: a stuck or failed loop stops
   * polling.
   */
  public boolean polling(Duration window) {
    return joined && running && System.currentTimeMillis() - lastPollMs <= window.toMillis();
  }

  /**
   * For metrics binders, which only read {@code metrics()}: the one call a consumer allows from
   * another thread.
   */
  public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumerForMetrics() {
    return consumer;
  }

  @Override
  public void close() {
    synchronized (this) {
      running = false;
      if (!started) {
        consumer.close(); // run() never will
        return;
      }
    }
    consumer.wakeup();
  }
}
