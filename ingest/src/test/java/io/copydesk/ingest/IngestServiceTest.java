package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.RejectedInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceTest {
  private final Topics topics = Topics.from(CopydeskConfig.defaults());
  private final IngestOptions options = IngestOptions.from(CopydeskConfig.defaults()).batch();

  private IngestService batch(Path input, MockProducer<byte[], byte[]> producer, Path ledger) {
    Intake intake = new Intake(new ArticleReader(options.maxArticleBytes()), new ArticlePublisher(topics, producer), 1000);
    return new IngestService(input, options, intake, IngestService.FolderMode.BATCH, ledger, Clock.systemUTC());
  }

  @Test
  void serviceModeMovesFilesToDoneAndRejectedWithAReason(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(input.resolve("a.txt"), "Quake hits coast\nA quake hit the coast on Monday.");
    Files.write(input.resolve("b.bin"), new byte[] {0, 1, 2, 3, 0, 0, 7});
    MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    Intake intake = new Intake(new ArticleReader(options.maxArticleBytes()), new ArticlePublisher(topics, producer), 1000);
    IngestService service = new IngestService(input, options, intake, IngestService.FolderMode.SERVICE, null, Clock.systemUTC());

    assertEquals(new IngestService.ScanResult(2, 1, 1), service.scanOnce());
    assertTrue(Files.exists(input.resolve("done/a.txt")));
    assertTrue(Files.exists(input.resolve("rejected/b.bin")));
    assertTrue(Files.readString(input.resolve("rejected/b.bin.reason")).startsWith("BINARY: "));
    assertFalse(Files.exists(input.resolve("a.txt")) || Files.exists(input.resolve("b.bin")));

    // The same name delivered again is processed again and kept beside the first, not over it.
    Files.writeString(input.resolve("a.txt"), "Quake hits coast\nA second quake hit the coast on Tuesday.");
    assertEquals(1, service.scanOnce().articles());
    assertTrue(Files.exists(input.resolve("done/a.txt.1")));
  }

  @Test
  void aRecordKafkaRefusesForGoodBecomesAReject(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(input.resolve("a.txt"), "Quake hits coast\nA quake hit the coast on Monday.");
    // The broker refuses every raw article for good (as it does a record over its size limit).
    MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
      @Override
      public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
          ProducerRecord<byte[], byte[]> record) {
        if (record.topic().equals(topics.raw().name())) {
          return java.util.concurrent.CompletableFuture.failedFuture(
              new org.apache.kafka.common.errors.RecordTooLargeException("too big for the broker"));
        }
        return super.send(record);
      }
    };
    IngestService service = batch(input, producer, null);
    assertEquals(new IngestService.ScanResult(1, 0, 1), service.scanOnce());
    RejectedInput reject = topics.rejects().valueSerde().deserializer().deserialize(topics.rejects().name(), producer.history().get(0).value());
    assertEquals("KAFKA_REFUSED", reject.getCode());
  }

  @Test
  void publishesArticlesAndRejectsThenRemembersTheFolder(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(input.resolve("a.txt"), "Quake hits coast\nA quake hit the coast on Monday.");
    Files.writeString(input.resolve("b.txt"), "   \n");
    Files.writeString(input.resolve(".hidden"), "Not input\nHidden files are skipped.");
    Path ledger = dir.resolve("state/ledger.tsv");

    MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    IngestService service = batch(input, producer, ledger);
    assertEquals(new IngestService.ScanResult(2, 1, 1), service.scanOnce());

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertEquals(2, sent.size());
    RawArticle article = topics.raw().valueSerde().deserializer().deserialize(topics.raw().name(), sent.get(0).value());
    assertEquals(topics.raw().name(), sent.get(0).topic());
    assertEquals(article.getId(), new String(sent.get(0).key()), "raw articles are keyed by story id");
    assertEquals("a.txt", article.getSource().getFile());
    RejectedInput reject = topics.rejects().valueSerde().deserializer().deserialize(topics.rejects().name(), sent.get(1).value());
    assertEquals("EMPTY", reject.getCode());
    assertEquals("b.txt", reject.getSource().getFile());

    // Nothing new: a second scan, and a new service over the same ledger, publish nothing.
    assertEquals(new IngestService.ScanResult(0, 0, 0), service.scanOnce());
    IngestService restarted = batch(input, producer, ledger);
    assertEquals(0, restarted.scanOnce().files());
    assertEquals(2, producer.history().size());
    assertTrue(Files.exists(input.resolve("a.txt")), "a batch run leaves the folder untouched");

    // A new file is picked up.
    Files.writeString(input.resolve("c.txt"), "Fire in harbour\nA fire broke out in the harbour.");
    assertEquals(1, restarted.scanOnce().articles());
  }
}
