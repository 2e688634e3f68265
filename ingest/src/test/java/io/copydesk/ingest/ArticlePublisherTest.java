package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.CopydeskHeaders;
import io.copydesk.contract.LabelledSerde;
import io.copydesk.contract.Topics;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.RejectedInput;
import io.copydesk.schema.Source;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {
  private final Topics topics = Topics.from(CopydeskConfig.defaults());

  private MockProducer<byte[], byte[]> producer() {
    Node node = new Node(0, "localhost", 9092);
    List<PartitionInfo> partitions =
        List.of(0, 1, 2).stream()
            .map(
                p ->
                    new PartitionInfo(
                        topics.raw().name(), p, node, new Node[] {node}, new Node[] {node}))
            .toList();
    Cluster cluster =
        new Cluster("c", List.of(node), partitions, java.util.Set.of(), java.util.Set.of());
    return new MockProducer<>(
        cluster, true, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static RawArticle article(String id) {
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(1)
        .setPubstatus(PubStatus.usable)
        .setSource(Source.newBuilder().setFormat("text").setFile(id).build())
        .setHeadline("h")
        .setBody("b")
        .setIngestedAt(Instant.EPOCH)
        .setContentSha256(id)
        .setPayloadSha256(id)
        .build();
  }

  @Test
  void articlesGetIncreasingTimesAndEachBatchEndsWithAMarkerInEveryPartition() {
    MockProducer<byte[], byte[]> producer = producer();
    ArticlePublisher publisher = new ArticlePublisher(topics, producer);
    for (int i = 0; i < 50; i++) {
      publisher.publish(article("a" + i)); // far more than one per millisecond
    }
    publisher.publishProgress();
    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    for (int i = 1; i < 50; i++) {
      assertTrue(
          sent.get(i).timestamp() > sent.get(i - 1).timestamp(),
          "strictly increasing publication times");
    }
    List<ProducerRecord<byte[], byte[]>> markers = sent.subList(50, sent.size());
    assertEquals(
        List.of(0, 1, 2),
        markers.stream().map(ProducerRecord::partition).toList(),
        "one marker per raw partition");
    for (ProducerRecord<byte[], byte[]> m : markers) {
      assertNull(m.key());
      assertNull(m.value());
      assertTrue(
          m.timestamp() >= sent.get(49).timestamp(), "a marker is no earlier than what it follows");
    }

    publisher.publishProgress();
    assertEquals(53, producer.history().size(), "nothing published since: no new markers");
    publisher.publish(article("late"));
    assertTrue(
        producer.history().get(53).timestamp() > markers.get(0).timestamp(),
        "an article after a marker is later than it");
  }

  @Test
  void aBatchCarriesItsMarkersInsideItsTransactionAndAnAbortedOneOwesThemAgain() {
    MockProducer<byte[], byte[]> producer = producer();
    ArticlePublisher publisher = new ArticlePublisher(topics, producer);
    publisher.beginBatch();
    publisher.publish(article("a"));
    publisher.publishProgress();
    assertTrue(producer.history().isEmpty(), "nothing visible before the commit");
    publisher.abortBatch();
    assertTrue(publisher.progressDue(), "the aborted markers are due again");

    publisher.beginBatch();
    publisher.publish(article("a"));
    publisher.commitBatch();
    assertEquals(
        4, producer.history().size(), "the article and a marker per partition, committed together");
    assertNull(producer.history().get(3).value());
    assertEquals(false, publisher.progressDue());
  }

  @Test
  void everyRecordSaysWhatItIsInItsHeaders() {
    MockProducer<byte[], byte[]> producer = producer();
    ArticlePublisher publisher = new ArticlePublisher(topics, producer);
    publisher.publish("quake.txt", article("a"));
    RejectedInput reject =
        RejectedInput.newBuilder()
            .setCode("EMPTY")
            .setReason("the input is empty")
            .setSource(Source.newBuilder().setFormat("unknown").setFile("empty.txt").build())
            .setReceivedAt(Instant.EPOCH)
            .setPayloadSize(0)
            .setPayloadSha256("0")
            .setPayload(java.nio.ByteBuffer.allocate(0))
            .build();
    publisher.publish("empty.txt", reject);
    publisher.publishProgress();
    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertEquals(5, sent.size(), "an article, a reject and a marker per raw partition");

    ProducerRecord<byte[], byte[]> raw = sent.get(0);
    assertEquals(
        "application/vnd.copydesk.raw-article+avro;encoding=single-object",
        header(raw, CopydeskHeaders.CONTENT_TYPE));
    assertEquals(
        LabelledSerde.fingerprint(RawArticle.SCHEMA$),
        header(raw, CopydeskHeaders.SCHEMA_FINGERPRINT));
    assertTrue(header(raw, CopydeskHeaders.SCHEMA_FINGERPRINT).matches("[0-9a-f]{16}"));
    assertEquals("quake.txt", header(raw, CopydeskHeaders.SOURCE));
    assertNull(raw.headers().lastHeader(CopydeskHeaders.MARKER));
    // The fingerprint is the one single-object encoding puts after its 2-byte marker
    // (little-endian).
    long inPayload =
        java.nio.ByteBuffer.wrap(raw.value(), 2, 8)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .getLong();
    assertEquals(
        String.format("%016x", inPayload), header(raw, CopydeskHeaders.SCHEMA_FINGERPRINT));

    ProducerRecord<byte[], byte[]> rejected = sent.get(1);
    assertEquals(
        "application/vnd.copydesk.rejected-input+avro;encoding=single-object",
        header(rejected, CopydeskHeaders.CONTENT_TYPE));
    assertEquals(
        LabelledSerde.fingerprint(RejectedInput.SCHEMA$),
        header(rejected, CopydeskHeaders.SCHEMA_FINGERPRINT));
    assertEquals("empty.txt", header(rejected, CopydeskHeaders.SOURCE));

    for (ProducerRecord<byte[], byte[]> marker : sent.subList(2, 5)) {
      assertEquals(CopydeskHeaders.PROGRESS, header(marker, CopydeskHeaders.MARKER));
      assertNull(
          marker.headers().lastHeader(CopydeskHeaders.CONTENT_TYPE),
          "a marker has no value to describe");
    }
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return CopydeskHeaders.text(record.headers(), name);
  }
}
