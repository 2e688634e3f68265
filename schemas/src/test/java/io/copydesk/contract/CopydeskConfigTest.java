package io.copydesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopydeskConfigTest {

  @Test
  void layersOverrideInOrderDefaultsFileEnvironmentOverride(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("copydesk.properties");
    Files.writeString(file, "topic.raw.name=from-file\ntopic.events.name=events-from-file\n");
    CopydeskConfig config = CopydeskConfig.load(file, Map.of("COPYDESK_TOPIC_EVENTS_NAME", "events-from-env"))
        .with("topic.rejects.name", "from-option");

    assertEquals("from-file", config.string("topic.raw.name"));
    assertEquals("events-from-env", config.string("topic.events.name"));
    assertEquals("from-option", config.string("topic.rejects.name"));
    assertEquals("copydesk.enriched-articles", config.string("topic.enriched.name"), "untouched keys keep their default");
  }

  @Test
  void kafkaVariablesBecomeClientProperties() {
    CopydeskConfig config = CopydeskConfig.load(null, Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "KAFKA_HEAP_OPTS", "-Xmx1g",
        "PATH", "/usr/bin"));
    Properties kafka = config.kafka();
    assertEquals("broker:29092", kafka.getProperty("bootstrap.servers"));
    assertEquals("SASL_SSL", kafka.getProperty("security.protocol"));
    assertFalse(kafka.containsKey("heap.opts"), "script options are not client properties");
  }

  @Test
  void environmentNamesAreDocumentedForEveryKey() {
    assertEquals("COPYDESK_TOPIC_RAW_PARTITIONS", CopydeskConfig.environmentName("topic.raw.partitions"));
    assertEquals("KAFKA_BOOTSTRAP_SERVERS", CopydeskConfig.environmentName("kafka.bootstrap.servers"));
  }

  @Test
  void badValuesFailWithTheKeyInTheMessage() {
    CopydeskConfig config = CopydeskConfig.defaults().with("topic.raw.partitions", "three");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.integer("topic.raw.partitions"));
    assertEquals("configuration key topic.raw.partitions must be a whole number, not 'three'", e.getMessage());
  }

  @Test
  void topicsTakeNamesAndPartitionsFromConfig() {
    Topics topics = Topics.from(CopydeskConfig.defaults().with("topic.raw.name", "wire.raw").with("topic.raw.partitions", "6"));
    assertEquals("wire.raw", topics.raw().name());
    assertEquals(6, topics.raw().partitions());
    assertEquals("compact", topics.events().newTopic().configs().get("cleanup.policy"));
    assertEquals(5, topics.all().stream().map(TopicSpec::name).distinct().count(), "every topic has its own name");
  }

  @Test
  void theRedactedViewHidesEveryCredentialAndNothingElse(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secure.properties");
    Files.writeString(file, String.join("\n",
        "kafka.ssl.truststore.password=trust-s3cret",
        "kafka.ssl.key.password=key-s3cret",
        "kafka.sasl.oauthbearer.client.credentials.client.secret=oauth-s3cret",
        "ingest.http.token=token-s3cret",
        ""));
    CopydeskConfig config = CopydeskConfig.load(file, Map.of(
        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"jaas-s3cret\";",
        "KAFKA_SSL_KEYSTORE_PASSWORD", "keystore-s3cret",
        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

    Map<String, String> shown = config.redacted();
    assertFalse(shown.toString().contains("s3cret"), "no credential survives: " + shown);
    for (String key : java.util.List.of("kafka.sasl.jaas.config", "kafka.ssl.keystore.password", "kafka.ssl.truststore.password",
        "kafka.ssl.key.password", "kafka.sasl.oauthbearer.client.credentials.client.secret", "ingest.http.token")) {
      assertEquals(CopydeskConfig.HIDDEN, shown.get(key), key);
    }
    assertEquals("SASL_SSL", shown.get("kafka.security.protocol"), "settings that are not secret stay readable");
    assertEquals("copydesk.raw-articles", shown.get("topic.raw.name"));
    assertEquals(config.asMap().keySet(), shown.keySet(), "every key is listed");
    assertEquals("keystore-s3cret", config.kafka().getProperty("ssl.keystore.password"), "the clients still get the real value");
  }

  @Test
  void aMisspeltKeyIsRefusedNamingTheNearestKnownOne(@TempDir Path dir) throws Exception {
    CopydeskConfig.UnknownKeyException fromEnvironment = assertThrows(CopydeskConfig.UnknownKeyException.class,
        () -> CopydeskConfig.load(null, Map.of("COPYDESK_CLUSTER_TRESHOLD", "0.3")));
    assertEquals("unknown configuration key cluster.treshold (environment COPYDESK_CLUSTER_TRESHOLD); "
        + "did you mean cluster.threshold (COPYDESK_CLUSTER_THRESHOLD)?", fromEnvironment.getMessage());

    Path file = dir.resolve("copydesk.properties");
    Files.writeString(file, "sink.formatt=parquet\n");
    CopydeskConfig.UnknownKeyException fromFile = assertThrows(CopydeskConfig.UnknownKeyException.class,
        () -> CopydeskConfig.load(file, Map.of()));
    assertEquals(true, fromFile.getMessage().contains("did you mean sink.format"), fromFile.getMessage());

    Files.writeString(file, "entirely.different.thing=1\n");
    String none = assertThrows(CopydeskConfig.UnknownKeyException.class, () -> CopydeskConfig.load(file, Map.of())).getMessage();
    assertFalse(none.contains("did you mean"), none);
  }

  @Test
  void kafkaKeysAndTheLaunchersOwnVariablesAreNotCheckedAsCopydeskKeys() {
    CopydeskConfig config = CopydeskConfig.load(null, Map.of("KAFKA_SASL_MECHANISM", "PLAIN", "COPYDESK_JAVA_OPTS", "-Xmx2g",
        "COPYDESK_LOG_LEVEL", "DEBUG", "COPYDESK_LOG_FORMAT", "json"));
    assertEquals("PLAIN", config.kafka().getProperty("sasl.mechanism"));
    assertFalse(config.asMap().containsKey("java.opts"));
  }
}
