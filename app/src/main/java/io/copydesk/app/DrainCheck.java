package io.copydesk.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells whether a consumer group has consumed everything committed to some topics. Offsets alone
 * cannot say it on transactional topics, where commit markers sit after the last record; so for a
 * partition whose committed offset is behind the end, a probe consumer (no group, read_committed)
 * reads from the committed offset: no record before the end means nothing is left.
 */
final class DrainCheck implements AutoCloseable {
  private final Admin admin;
  private final KafkaConsumer<byte[], byte[]> probe;

  DrainCheck(Properties kafka) {
    this.admin = Admin.create(kafka);
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.probe =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** What the last check found still pending, for the message when --once gives up. */
  private volatile String pending = "";

  String pending() {
    return pending;
  }

  /** Committed offsets per group and partition, as last read: they only grow while work moves. */
  private final Map<String, Map<TopicPartition, Long>> committedOffsets = new HashMap<>();

  /**
   * The sum of the committed offsets the checks have read so far, over every group and partition: a
   * measure of progress toward the sink for {@code --once}'s deadline.
   */
  long consumed() {
    return committedOffsets.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToLong(Long::longValue)
        .sum();
  }

  boolean drained(String groupId, Collection<String> topics) throws InterruptedException {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      Map<String, TopicDescription> described =
          admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
      described
          .values()
          .forEach(
              d ->
                  d.partitions()
                      .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
      Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
      Map<TopicPartition, Long> seen =
          committedOffsets.computeIfAbsent(groupId, g -> new HashMap<>());
      committed.forEach(
          (tp, c) -> {
            if (c != null) {
              seen.put(tp, c.offset());
            }
          });
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata c = committed.get(tp);
        long from = c != null ? c.offset() : starts.get(tp);
        long end = ends.get(tp);
        if (from < end && !onlyMarkersBetween(tp, from, end)) {
          pending =
              groupId
                  + " on "
                  + tp
                  + ": committed "
                  + (c == null ? "none (start " + from + ")" : from)
                  + ", end "
                  + end
                  + ", probe at "
                  + probe.position(tp);
          return false;
        }
      }
      return true;
    } catch (ExecutionException | TimeoutException e) {
      pending = groupId + ": " + e.getMessage();
      return false; // not known yet (topic being created, group rebalancing): ask again
    }
  }

  /** Offsets as a read_committed consumer sees them: the end is the last stable offset. */
  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    Map<TopicPartition, Long> result = new HashMap<>();
    admin
        .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach((tp, info) -> result.put(tp, info.offset()));
    return result;
  }

  private boolean onlyMarkersBetween(TopicPartition tp, long from, long end) {
    probe.assign(List.of(tp));
    probe.seek(tp, from);
    Instant deadline = Instant.now().plusMillis(500);
    while (Instant.now().isBefore(deadline)) {
      if (!probe.poll(Duration.ofMillis(100)).isEmpty()) {
        return false;
      }
      if (probe.position(tp) >= end) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    probe.close();
    admin.close();
  }
}
