package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void publishesArticlesAndRejectsThenRemembersTheFolder(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(input.resolve("a.txt"), "Quake hits coast\nA quake hit the coast on Monday.");
    Files.writeString(input.resolve("b.txt"), "   \n");
    Files.writeString(input.resolve(".hidden"), "Not input\nHidden files are skipped.");
    Path ledger = dir.resolve("state/ledger.tsv");

    MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    IngestService service = new IngestService(input, options, new ArticlePublisher(topics, producer), ledger, Clock.systemUTC());
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
    IngestService restarted = new IngestService(input, options, new ArticlePublisher(topics, producer), ledger, Clock.systemUTC());
    assertEquals(0, restarted.scanOnce().files());
    assertEquals(2, producer.history().size());
    assertTrue(Files.exists(input.resolve("a.txt")), "a batch run leaves the folder untouched");

    // A new file is picked up.
    Files.writeString(input.resolve("c.txt"), "Fire in harbour\nA fire broke out in the harbour.");
    assertEquals(1, restarted.scanOnce().articles());
  }
}
