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
    Intake intake =
        new Intake(
            new ArticleReader(options.maxArticleBytes()),
            new ArticlePublisher(topics, producer),
            1000);
    return new IngestService(
        input, options, intake, IngestService.FolderMode.BATCH, ledger, Clock.systemUTC());
  }

  @Test
  void serviceModeMovesFilesToDoneAndRejectedWithAReason(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(input.resolve("a.txt"), "Quake hits coast\nA quake hit the coast on Monday.");
    Files.write(input.resolve("b.bin"), new byte[] {0, 1, 2, 3, 0, 0, 7});
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    Intake intake =
        new Intake(
            new ArticleReader(options.maxArticleBytes()),
            new ArticlePublisher(topics, producer),
            1000);
    IngestService service =
        new IngestService(
            input, options, intake, IngestService.FolderMode.SERVICE, null, Clock.systemUTC());

    assertEquals(new IngestService.ScanResult(2, 1, 1), service.scanOnce());
    assertTrue(Files.exists(input.resolve("done/a.txt")));
    assertTrue(Files.exists(input.resolve("rejected/b.bin")));
    assertTrue(Files.readString(input.resolve("rejected/b.bin.reason")).startsWith("BINARY: "));
    assertFalse(Files.exists(input.resolve("a.txt")) || Files.exists(input.resolve("b.bin")));

    // The same name delivered again is processed again and kept beside the first, not over it.
    Files.writeString(
        input.resolve("a.txt"), "Quake hits coast\nA second quake hit the coast on Tuesday.");
    assertEquals(1, service.scanOnce().articles());
    assertTrue(Files.exists(input.resolve("done/a.txt.1")));
  }

  @Test
  void aRecordKafkaRefusesForGoodBecomesAReject(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(input.resolve("a.txt"), "Quake hits coast\nA quake hit the coast on Monday.");
    // The broker refuses every raw article for good (as it does a record over its size limit).
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized java.util.concurrent.Future<
                  org.apache.kafka.clients.producer.RecordMetadata>
              send(ProducerRecord<byte[], byte[]> record) {
            if (record.topic().equals(topics.raw().name())) {
              return java.util.concurrent.CompletableFuture.failedFuture(
                  new org.apache.kafka.common.errors.RecordTooLargeException(
                      "too big for the broker"));
            }
            return super.send(record);
          }
        };
    IngestService service = batch(input, producer, null);
    assertEquals(new IngestService.ScanResult(1, 0, 1), service.scanOnce());
    RejectedInput reject =
        topics
            .rejects()
            .valueSerde()
            .deserializer()
            .deserialize(topics.rejects().name(), producer.history().get(0).value());
    assertEquals("KAFKA_REFUSED", reject.getCode());
  }

  @Test
  void publishesArticlesAndRejectsThenRemembersTheFolder(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(input.resolve("a.txt"), "Quake hits coast\nA quake hit the coast on Monday.");
    Files.writeString(input.resolve("b.txt"), "   \n");
    Files.writeString(input.resolve(".hidden"), "Not input\nHidden files are skipped.");
    Path ledger = dir.resolve("state/ledger.tsv");

    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    IngestService service = batch(input, producer, ledger);
    assertEquals(new IngestService.ScanResult(2, 1, 1), service.scanOnce());

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertEquals(2, sent.size());
    RawArticle article =
        topics
            .raw()
            .valueSerde()
            .deserializer()
            .deserialize(topics.raw().name(), sent.get(0).value());
    assertEquals(topics.raw().name(), sent.get(0).topic());
    assertEquals(
        article.getId(), new String(sent.get(0).key()), "raw articles are keyed by story id");
    assertEquals("a.txt", article.getSource().getFile());
    RejectedInput reject =
        topics
            .rejects()
            .valueSerde()
            .deserializer()
            .deserialize(topics.rejects().name(), sent.get(1).value());
    assertEquals("EMPTY", reject.getCode());
    assertEquals("b.txt", reject.getSource().getFile());

    // Nothing new: a second scan, and a new service over the same ledger, publish nothing.
    assertEquals(new IngestService.ScanResult(0, 0, 0), service.scanOnce());
    MockProducer<byte[], byte[]> afterRestart =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    IngestService restarted =
        batch(input, afterRestart, ledger); // a restarted process: a new producer
    assertEquals(0, restarted.scanOnce().files());
    assertEquals(2, producer.history().size());
    assertEquals(0, afterRestart.history().size());
    assertTrue(Files.exists(input.resolve("a.txt")), "a batch run leaves the folder untouched");

    // A new file is picked up.
    Files.writeString(input.resolve("c.txt"), "Fire in harbour\nA fire broke out in the harbour.");
    assertEquals(1, restarted.scanOnce().articles());
  }

  private static MockProducer<byte[], byte[]> mockProducer() {
    return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void writeStories(Path input, int count) throws java.io.IOException {
    for (int i = 0; i < count; i++) {
      Files.writeString(
          input.resolve("s" + i + ".txt"),
          "Story " + i + "\nSomething happened in town number " + i + ".");
    }
  }

  @Test
  void aBatchIsOneTransactionAndAFailedCommitRecordsNothing(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    writeStories(input, 3);
    Path ledger = dir.resolve("ledger.tsv");
    MockProducer<byte[], byte[]> producer = mockProducer();
    producer.commitTransactionException =
        new org.apache.kafka.common.KafkaException("a send failed: the transaction must abort");
    IngestService service = batch(input, producer, ledger);

    assertEquals(
        0, service.scanOnce().articles(), "nothing counts as published when the commit fails");
    assertTrue(producer.history().isEmpty(), "nothing of the batch became visible");
    assertFalse(Files.exists(ledger), "no file recorded as done");

    producer.commitTransactionException = null;
    assertEquals(3, service.scanOnce().articles(), "the next scan publishes the whole batch");
    assertTrue(producer.transactionCommitted());
    assertEquals(3, producer.history().size());
    assertEquals(3, Files.readAllLines(ledger).size());
  }

  @Test
  void aCommitThatTimedOutIsFinishedBeforeTheNextBatchAndTheFilesAreSentAgain(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    writeStories(input, 2);
    Path ledger = dir.resolve("ledger.tsv");
    MockProducer<byte[], byte[]> producer = mockProducer();
    producer.commitTransactionException =
        new org.apache.kafka.common.errors.TimeoutException("the coordinator did not answer");
    IngestService service = batch(input, producer, ledger);
    assertEquals(0, service.scanOnce().articles(), "an unknown outcome is not a success");
    assertFalse(Files.exists(ledger));

    producer.commitTransactionException = null;
    assertEquals(2, service.scanOnce().articles());
    // Kafka allows only repeating a timed-out commit, so the first batch became visible too: every
    // article at least once, the copy dropped by enrich's version gate. Never none.
    assertEquals(4, producer.history().size());
    assertEquals(2, Files.readAllLines(ledger).size());
  }

  @Test
  void filesArePublishedInTransactionsOfAtMostTheBatchSize(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    writeStories(input, 5);
    Path ledger = dir.resolve("ledger.tsv");
    MockProducer<byte[], byte[]> producer = mockProducer();
    IngestOptions twoPerBatch =
        new IngestOptions(
            options.maxArticleBytes(),
            options.rejectPayloadBytes(),
            options.scanIntervalMs(),
            0,
            2);
    Intake intake =
        new Intake(
            new ArticleReader(options.maxArticleBytes()),
            new ArticlePublisher(topics, producer),
            1000);
    IngestService service =
        new IngestService(
            input, twoPerBatch, intake, IngestService.FolderMode.BATCH, ledger, Clock.systemUTC());
    assertEquals(5, service.scanOnce().articles());
    assertEquals(3, producer.commitCount(), "2 + 2 + 1 files");
    assertEquals(5, Files.readAllLines(ledger).size());
  }

  @Test
  void aFencedProducerStopsTheWatch(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    writeStories(input, 1);
    MockProducer<byte[], byte[]> producer = mockProducer();
    Intake intake =
        new Intake(
            new ArticleReader(options.maxArticleBytes()),
            new ArticlePublisher(topics, producer),
            1000);
    IngestService service =
        new IngestService(
            input, options, intake, IngestService.FolderMode.SERVICE, null, Clock.systemUTC());
    assertEquals(1, service.scanOnce().articles());
    producer.fenceProducer(); // another ingest started with the same transactional id
    Files.writeString(input.resolve("s0.txt"), "Story again\nSomething else happened in town.");
    Intake.PublishingStoppedException stopped =
        org.junit.jupiter.api.Assertions.assertThrows(
            Intake.PublishingStoppedException.class, service::run);
    assertTrue(stopped.getMessage().contains("ingest.transactional.id"), stopped.getMessage());
    assertTrue(Files.exists(input.resolve("s0.txt")), "the file stays");
  }

  private static String ninjs(String uri, String versioncreated) {
    return "{\"uri\":\""
        + uri
        + "\",\"type\":\"text\",\"headline\":\"Shooting in "
        + uri
        + "\","
        + (versioncreated == null ? "" : "\"versioncreated\":\"" + versioncreated + "\",")
        + "\"body_text\":\"Police said a man was shot on Main Street.\"}";
  }

  private List<String> publishedIds(MockProducer<byte[], byte[]> producer) {
    return producer.history().stream()
        .filter(r -> r.topic().equals(topics.raw().name()) && r.value() != null)
        .map(
            r ->
                topics
                    .raw()
                    .valueSerde()
                    .deserializer()
                    .deserialize(r.topic(), r.value())
                    .getSource()
                    .getUri())
        .toList();
  }

  @Test
  void aScanPublishesInPublicationOrderWhateverTheFileNamesAndBatchSize(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(input.resolve("a.json"), ninjs("urn:c", "2015-03-03T00:00:00Z"));
    Files.writeString(input.resolve("b.json"), ninjs("urn:undated", null));
    Files.writeString(input.resolve("c.json"), ninjs("urn:a", "2013-01-01T00:00:00Z"));
    Files.writeString(input.resolve("d.json"), ninjs("urn:b", "2014-02-02T00:00:00Z"));
    Files.writeString(input.resolve("e.json"), ninjs("urn:b2", "2014-02-02T00:00:00Z"));
    for (int batchFiles : new int[] {1, 2, 100}) {
      MockProducer<byte[], byte[]> producer =
          new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      IngestOptions small =
          new IngestOptions(
              options.maxArticleBytes(),
              options.rejectPayloadBytes(),
              options.scanIntervalMs(),
              0,
              batchFiles);
      Intake intake =
          new Intake(
              new ArticleReader(small.maxArticleBytes()),
              new ArticlePublisher(topics, producer),
              1000);
      new IngestService(
              input, small, intake, IngestService.FolderMode.BATCH, null, Clock.systemUTC())
          .scanOnce();
      assertEquals(
          List.of("urn:a", "urn:b", "urn:b2", "urn:c", "urn:undated"),
          publishedIds(producer),
          "dated first, oldest first; ties and undated by file name; batch size " + batchFiles);
    }
  }
}
