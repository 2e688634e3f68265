package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicSpec;
import io.copydesk.contract.Topics;
import io.copydesk.schema.RejectedInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance criterion of the ingest issue, end to end: malformed files among good ones are each
 * refused once, with a reason, on the rejects topic, while the good ones still reach the files.
 */
class MalformedInputPipelineIT {
  private static final String G2 = "http://iptc.org/std/nar/2006-10-01/";

  /** The default ingest.max.article.bytes. */
  private static final int SIZE_LIMIT = 2 * 1024 * 1024;

  @Test
  void malformedFilesAreRejectedOnceEachWithAReasonAndTheSeedsStillFlow(@TempDir Path dir)
      throws Exception {
    Path input = SeedsScenario.copyOfSeeds(dir);
    Map<String, String> malformed = writeMalformedFiles(input);

    // Our own broker, so that the rejects topic can still be read once the run has ended.
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      Path out = dir.resolve("out");
      assertEquals(
          0,
          SeedsScenario.runOnce(input, out, "--bootstrap-servers", kafka.bootstrapServers()),
          "bad input is refused, not a failure of the run");

      // Exactly the five seeds reach the files, each in its event: nothing of the bad files leaks
      // through.
      SeedsScenario.assertSeedsOutput(out);

      List<ConsumerRecord<String, RejectedInput>> rejects =
          readAll(kafka.bootstrapServers(), Topics.from(CopydeskConfig.defaults()).rejects());
      assertEquals(
          malformed.size(),
          rejects.size(),
          "one reject per malformed file: " + rejects.stream().map(ConsumerRecord::key).toList());
      Map<String, RejectedInput> byFile = new HashMap<>();
      for (ConsumerRecord<String, RejectedInput> record : rejects) {
        RejectedInput reject = record.value();
        String file = reject.getSource().getFile();
        assertEquals(file, record.key(), "keyed by the input's name");
        assertNotNull(reject.getReason());
        assertFalse(reject.getReason().isBlank(), file + ": a reason");
        assertNull(byFile.put(file, reject), file + " rejected twice");
      }
      assertEquals(malformed.keySet(), byFile.keySet());
      malformed.forEach(
          (file, code) ->
              assertEquals(
                  code, byFile.get(file).getCode(), file + ": " + byFile.get(file).getReason()));
    }
  }

  /** A malformed file: its name, the code it must be refused with, its bytes. */
  private record Bad(String name, String code, byte[] bytes) {}

  /**
   * More than a dozen different ways to be wrong, as files; returns file name -> expected reject
   * code.
   */
  private static Map<String, String> writeMalformedFiles(Path input) throws Exception {
    List<Bad> files =
        List.of(
            new Bad("empty.txt", "EMPTY", new byte[0]),
            new Bad("blank.txt", "EMPTY", utf8(" \n\t\r\n  \n")),
            new Bad("photo.png", "BINARY", image("png")),
            new Bad("photo.jpg", "BINARY", image("jpg")),
            new Bad(
                "utf16-no-bom.txt",
                "BINARY",
                "Quake hits coast\nA quake hit the coast on Monday."
                    .getBytes(StandardCharsets.UTF_16LE)),
            // Good copy over the size limit: refused for its size alone.
            new Bad(
                "too-large.txt",
                "TOO_LARGE",
                utf8(
                    "Quake hits coast\n"
                        + "A quake hit the coast on Monday.\n".repeat(SIZE_LIMIT / 32 + 1))),
            new Bad("furniture.txt", "NO_BODY", utf8("Share:\n\nLoad More")),
            new Bad("byline-only.txt", "NO_BODY", utf8("By Jane Smith\n")),
            new Bad(
                "xxe.xml",
                "XML_DTD_REFUSED",
                utf8(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<newsItem xmlns='"
                        + G2
                        + "' guid='urn:x:xxe'><contentSet><inlineXML><nitf><body><body.content><p>&xxe;</p>"
                        + "</body.content></body></nitf></inlineXML></contentSet></newsItem>")),
            new Bad(
                "truncated-g2.xml",
                "MALFORMED_XML",
                utf8(
                    "<?xml version=\"1.0\"?>\n<newsItem xmlns='"
                        + G2
                        + "' guid='urn:x:cut' version='1'>"
                        + "<contentSet><inlineXML><nitf><body><body.content><p>Dock workers walked")),
            new Bad(
                "drawing.svg",
                "UNSUPPORTED_XML",
                utf8(
                    "<svg xmlns='http://www.w3.org/2000/svg'><text>Quake hits coast</text></svg>")),
            // Rome fails on this with a NullPointerException; it must become a reject, not end the
            // scan.
            new Bad(
                "no-channel.rss",
                "UNSUPPORTED_XML",
                utf8("<?xml version='1.0'?><rss version='2.0'></rss>")),
            new Bad(
                "broken.json",
                "MALFORMED_JSON",
                utf8("{\"uri\": \"urn:x:1\", \"headline\": \"Quake\",, \"body_text\": \"Text.\"}")),
            new Bad(
                "items.json",
                "UNSUPPORTED_JSON",
                utf8("[{\"uri\": \"urn:x:1\", \"body_text\": \"Text.\"}]")),
            new Bad(
                "nested.json",
                "JSON_LIMIT",
                utf8(
                    "{\"uri\": \"urn:x:2\", \"body_text\": \"Text.\", \"x\": "
                        + "[".repeat(100_000)
                        + "]".repeat(100_000)
                        + "}")),
            new Bad(
                "wrong-types.json",
                "INVALID_NINJS",
                utf8("{\"uri\": \"urn:x:3\", \"headline\": 42, \"body_text\": \"Text.\"}")),
            new Bad("no-body.json", "NO_BODY", utf8("{\"uri\": \"urn:x:4\", \"type\": \"text\"}")));
    Map<String, String> codes = new LinkedHashMap<>();
    for (Bad file : files) {
      Files.write(input.resolve(file.name()), file.bytes());
      codes.put(file.name(), file.code());
    }
    return codes;
  }

  /** Every record on the topic from the beginning to its current end. */
  private static <V> List<ConsumerRecord<String, V>> readAll(
      String bootstrapServers, TopicSpec<String, V> topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, V>> records = new ArrayList<>();
      for (int polls = 0;
          partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p));
          polls++) {
        assertTrue(polls < 120, "the topic's records did not arrive: " + records.size() + " read");
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          records.add(
              new ConsumerRecord<>(
                  r.topic(),
                  r.partition(),
                  r.offset(),
                  topic.keySerde().deserializer().deserialize(r.topic(), r.key()),
                  topic.valueSerde().deserializer().deserialize(r.topic(), r.value())));
        }
      }
      return records;
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A small image in this ImageIO format ("png", "jpg"). */
  private static byte[] image(String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }
}
