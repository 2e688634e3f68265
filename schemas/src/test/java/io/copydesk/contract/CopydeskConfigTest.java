package io.copydesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    CopydeskConfig config =
        CopydeskConfig.load(file, Map.of("COPYDESK_TOPIC_EVENTS_NAME", "events-from-env"))
            .with("topic.rejects.name", "from-option");

    assertEquals("from-file", config.string("topic.raw.name"));
    assertEquals("events-from-env", config.string("topic.events.name"));
    assertEquals("from-option", config.string("topic.rejects.name"));
    assertEquals(
        "copydesk.enriched-articles",
        config.string("topic.enriched.name"),
        "untouched keys keep their default");
  }

  @Test
  void kafkaVariablesBecomeClientProperties() {
    CopydeskConfig config =
        CopydeskConfig.load(
            null,
            Map.of(
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
    assertEquals(
        "COPYDESK_TOPIC_RAW_PARTITIONS", CopydeskConfig.environmentName("topic.raw.partitions"));
    assertEquals(
        "KAFKA_BOOTSTRAP_SERVERS", CopydeskConfig.environmentName("kafka.bootstrap.servers"));
  }

  @Test
  void badValuesFailWithTheKeyInTheMessage() {
    CopydeskConfig config = CopydeskConfig.defaults().with("topic.raw.partitions", "three");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> config.integer("topic.raw.partitions"));
    assertEquals(
        "configuration key topic.raw.partitions (environment COPYDESK_TOPIC_RAW_PARTITIONS) must be a whole number, not 'three'",
        e.getMessage());
  }

  @Test
  void typedReadsCheckTheirBoundsAndNameTheKey() {
    CopydeskConfig config = CopydeskConfig.defaults();
    assertEquals(3, config.integer("topic.raw.partitions", 1, 100));
    assertEquals(
        "configuration key topic.raw.partitions (environment COPYDESK_TOPIC_RAW_PARTITIONS) must be at least 4, not '3'",
        assertThrows(
                IllegalArgumentException.class,
                () -> config.integer("topic.raw.partitions", 4, Integer.MAX_VALUE))
            .getMessage());
    assertEquals(
        "configuration key topic.raw.partitions (environment COPYDESK_TOPIC_RAW_PARTITIONS) must be from 1 to 2, not '3'",
        assertThrows(
                IllegalArgumentException.class, () -> config.integer("topic.raw.partitions", 1, 2))
            .getMessage());
    assertEquals(
        0.25, config.with("topic.raw.partitions", "0.25").decimal("topic.raw.partitions", 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> config.with("topic.raw.partitions", "1.5").decimal("topic.raw.partitions", 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> config.with("topic.raw.partitions", "NaN").decimal("topic.raw.partitions", 0, 1));
    assertEquals(true, config.flag("registry.auto.register"));
    assertEquals(
        false, config.with("registry.auto.register", "FALSE").flag("registry.auto.register"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> config.with("registry.auto.register", "yes").flag("registry.auto.register"))
            .getMessage()
            .endsWith("must be true or false, not 'yes'"));
    assertThrows(
        IllegalArgumentException.class,
        () -> config.with("topic.max.message.bytes", "-1").bytes("topic.max.message.bytes", 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> config.with("topic.max.message.bytes", "-1").duration("topic.max.message.bytes"));
  }

  @Test
  void eachModulesDefaultsAreMergedAndAKeyTwoModulesDefineIsRefused(@TempDir Path dir)
      throws Exception {
    Path shared = module(dir, "shared", "# shared\ntopic.raw.name=raw\n");
    Path stage = module(dir, "stage", "stage.speed=3\n");
    Path sameAgain = module(dir, "shared-again", "# shared\ntopic.raw.name=raw\n");
    assertEquals(
        Map.of("topic.raw.name", "raw", "stage.speed", "3"),
        CopydeskConfig.readDefaults(loader(shared, stage, sameAgain)),
        "every module's keys; a module on the classpath twice is read once");

    Path rival = module(dir, "rival", "stage.speed=4\n");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> CopydeskConfig.readDefaults(loader(shared, stage, rival)));
    assertTrue(
        e.getMessage().startsWith("configuration key stage.speed has defaults in two modules: "),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("/stage/") && e.getMessage().contains("/rival/"),
        "names both: " + e.getMessage());

    assertThrows(
        IllegalStateException.class,
        () -> CopydeskConfig.readDefaults(loader()),
        "no defaults at all");
  }

  private static Path module(Path dir, String name, String defaults) throws Exception {
    Path root = Files.createDirectories(dir.resolve(name));
    Files.writeString(root.resolve(CopydeskConfig.DEFAULTS_RESOURCE), defaults);
    return root;
  }

  /** A class loader that sees these folders only, not this module's own defaults. */
  private static ClassLoader loader(Path... roots) throws Exception {
    java.net.URL[] urls = new java.net.URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    return new java.net.URLClassLoader(urls, null);
  }

  @Test
  void topicsTakeNamesAndPartitionsFromConfig() {
    Topics topics =
        Topics.from(
            CopydeskConfig.defaults()
                .with("topic.raw.name", "wire.raw")
                .with("topic.raw.partitions", "6"));
    assertEquals("wire.raw", topics.raw().name());
    assertEquals(6, topics.raw().partitions());
    assertEquals("compact", topics.events().newTopic().configs().get("cleanup.policy"));
    assertEquals(
        5,
        topics.all().stream().map(TopicSpec::name).distinct().count(),
        "every topic has its own name");
    assertEquals(
        "configuration key topic.events.partitions (environment COPYDESK_TOPIC_EVENTS_PARTITIONS) must be at least 1, not '0'",
        assertThrows(
                IllegalArgumentException.class,
                () -> Topics.from(CopydeskConfig.defaults().with("topic.events.partitions", "0")))
            .getMessage());
  }

  @Test
  void theRedactedViewHidesEveryCredentialAndNothingElse(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secure.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "kafka.ssl.truststore.password=trust-s3cret",
            "kafka.ssl.key.password=key-s3cret",
            "kafka.sasl.oauthbearer.client.credentials.client.secret=oauth-s3cret",
            ""));
    CopydeskConfig config =
        CopydeskConfig.load(
            file,
            Map.of(
                "KAFKA_SASL_JAAS_CONFIG",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"jaas-s3cret\";",
                "KAFKA_SSL_KEYSTORE_PASSWORD", "keystore-s3cret",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

    Map<String, String> shown = config.redacted();
    assertFalse(shown.toString().contains("s3cret"), "no credential survives: " + shown);
    for (String key :
        java.util.List.of(
            "kafka.sasl.jaas.config",
            "kafka.ssl.keystore.password",
            "kafka.ssl.truststore.password",
            "kafka.ssl.key.password",
            "kafka.sasl.oauthbearer.client.credentials.client.secret")) {
      assertEquals(CopydeskConfig.HIDDEN, shown.get(key), key);
    }
    assertTrue(
        CopydeskConfig.isSecret("ingest.http.token"),
        "a key of another module named like a credential is hidden too");
    assertEquals(
        "SASL_SSL",
        shown.get("kafka.security.protocol"),
        "settings that are not secret stay readable");
    assertEquals("copydesk.raw-articles", shown.get("topic.raw.name"));
    assertEquals(config.asMap().keySet(), shown.keySet(), "every key is listed");
    assertEquals(
        "keystore-s3cret",
        config.kafka().getProperty("ssl.keystore.password"),
        "the clients still get the real value");
  }

  @Test
  void aMisspeltKeyIsRefusedNamingTheNearestKnownOne(@TempDir Path dir) throws Exception {
    CopydeskConfig.UnknownKeyException fromEnvironment =
        assertThrows(
            CopydeskConfig.UnknownKeyException.class,
            () -> CopydeskConfig.load(null, Map.of("COPYDESK_TOPIC_RAW_PARTITONS", "6")));
    assertEquals(
        "unknown configuration key topic.raw.partitons (environment COPYDESK_TOPIC_RAW_PARTITONS); "
            + "did you mean topic.raw.partitions (COPYDESK_TOPIC_RAW_PARTITIONS)?",
        fromEnvironment.getMessage());

    Path file = dir.resolve("copydesk.properties");
    Files.writeString(file, "serde.mdoe=registry\n");
    CopydeskConfig.UnknownKeyException fromFile =
        assertThrows(
            CopydeskConfig.UnknownKeyException.class, () -> CopydeskConfig.load(file, Map.of()));
    assertEquals(
        true, fromFile.getMessage().contains("did you mean serde.mode"), fromFile.getMessage());

    Files.writeString(file, "entirely.different.thing=1\n");
    String none =
        assertThrows(
                CopydeskConfig.UnknownKeyException.class, () -> CopydeskConfig.load(file, Map.of()))
            .getMessage();
    assertFalse(none.contains("did you mean"), none);
  }

  @Test
  void kafkaKeysAndTheLaunchersOwnVariablesAreNotCheckedAsCopydeskKeys() {
    CopydeskConfig config =
        CopydeskConfig.load(
            null,
            Map.of(
                "KAFKA_SASL_MECHANISM",
                "PLAIN",
                "COPYDESK_JAVA_OPTS",
                "-Xmx2g",
                "COPYDESK_LOG_LEVEL",
                "DEBUG",
                "COPYDESK_LOG_FORMAT",
                "json"));
    assertEquals("PLAIN", config.kafka().getProperty("sasl.mechanism"));
    assertFalse(config.asMap().containsKey("java.opts"));
  }
}
