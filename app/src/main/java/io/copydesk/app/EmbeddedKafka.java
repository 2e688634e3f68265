package io.copydesk.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Kafka broker (KRaft: broker and controller in one) inside this JVM. Its log
 * lives in a folder of the caller's, so a restart on the same folder resumes where it stopped.
 * Replication factors are 1: exactly-once transactions need that on one node. Public for the tools
 * module: {@code bench e2e} measures the stages on a broker of its own.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  /** The labels in the data directory's {@code kafka.ports} file. */
  static final String BROKER_PORT = "broker";

  static final String CONTROLLER_PORT = "controller";
  private static final String CONTROLLER = "CONTROLLER";

  private static final String SECURE = "SECURE";

  /**
   * How long {@link #fenceTheLastRun} waits for the fence before it starts the broker anyway (as
   * before it existed): the old registration's session is half a second.
   */
  private static final Duration FENCE_WAIT = Duration.ofSeconds(30);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final String secureBootstrapServers;

  private EmbeddedKafka(
      KafkaRaftServer server, String bootstrapServers, String secureBootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.secureBootstrapServers = secureBootstrapServers;
  }

  /**
   * A second client listener, SASL_SSL with the PLAIN mechanism, besides the plaintext one (which
   * the broker keeps for itself). Nothing in {@code copydesk run} uses it: it lets tests prove that
   * the Kafka security settings an operator gives reach every client.
   *
   * @param keystore PKCS12 key store holding the broker's key and a certificate valid for 127.0.0.1
   * @param users user name → password the listener accepts
   */
  record SecureListener(Path keystore, String keystorePassword, Map<String, String> users) {
    private Map<String, String> brokerProperties() {
      String prefix = "listener.name." + SECURE.toLowerCase(java.util.Locale.ROOT) + ".";
      StringBuilder jaas =
          new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
      users.forEach(
          (user, password) ->
              jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
      return Map.of(
          prefix + "ssl.keystore.location",
          keystore.toString(),
          prefix + "ssl.keystore.password",
          keystorePassword,
          prefix + "ssl.key.password",
          keystorePassword,
          prefix + "ssl.keystore.type",
          "PKCS12",
          prefix + "sasl.enabled.mechanisms",
          "PLAIN",
          prefix + "plain.sasl.jaas.config",
          jaas.append(';').toString());
    }
  }

  /** Formats {@code logDir} on first use, starts the broker and waits until it answers. */
  public static EmbeddedKafka start(Path logDir, Duration timeout) throws Exception {
    return start(logDir, timeout, null);
  }

  /**
   * As {@link #start(Path, Duration)}, with a {@link SecureListener} unless {@code secure} is null.
   */
  static EmbeddedKafka start(Path logDir, Duration timeout, SecureListener secure)
      throws Exception {
    Files.createDirectories(logDir);
    // The same ports as last time: a broker that comes back on other ports after a crash is known
    // to the cluster metadata by its old address for a while, and clients stall on it.
    Path portsFile = logDir.resolveSibling(logDir.getFileName() + ".ports");
    int[] ports = rememberedPorts(portsFile);
    int brokerPort = ports[0];
    int controllerPort = ports[1];
    Properties props = controllerProperties(logDir, controllerPort);
    props.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry(
                "listeners",
                "PLAINTEXT://127.0.0.1:"
                    + brokerPort
                    + ","
                    + CONTROLLER
                    + "://127.0.0.1:"
                    + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry(
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "5"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "5"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // Copydesk creates its topics with the partitions it wants; a typo must not create a
            // new one.
            Map.entry("auto.create.topics.enable", "false")));
    int securePort = secure == null ? -1 : freePort();
    if (secure != null) {
      props.put("listeners", props.get("listeners") + "," + SECURE + "://127.0.0.1:" + securePort);
      props.put(
          "advertised.listeners",
          props.get("advertised.listeners") + "," + SECURE + "://127.0.0.1:" + securePort);
      props.put(
          "listener.security.protocol.map",
          props.get("listener.security.protocol.map") + "," + SECURE + ":SASL_SSL");
      props.putAll(secure.brokerProperties());
    }
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    if (!formatIfNew(logDir)) {
      fenceTheLastRun(logDir, controllerPort, timeout);
    }

    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    EmbeddedKafka kafka =
        new EmbeddedKafka(
            server, "127.0.0.1:" + brokerPort, secure == null ? null : "127.0.0.1:" + securePort);
    kafka.awaitReady(timeout);
    LOG.info("embedded Kafka ready at {} (log in {})", kafka.bootstrapServers, logDir);
    return kafka;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The {@link SecureListener}'s address; null without one. */
  String secureBootstrapServers() {
    return secureBootstrapServers;
  }

  /** The settings the combined node and the controller alone ({@link #fenceTheLastRun}) share. */
  private static Properties controllerProperties(Path logDir, int controllerPort) {
    Properties props = new Properties();
    props.putAll(
        Map.of(
            "node.id",
            "1",
            "controller.quorum.voters",
            "1@127.0.0.1:" + controllerPort,
            "controller.listener.names",
            CONTROLLER,
            "log.dirs",
            logDir.toString()));
    return props;
  }

  /**
   * Starts the controller alone on an existing data directory and waits until it has fenced the
   * broker of the last run, then stops it. After a kill the cluster metadata still names that
   * broker the live leader of every partition. Started on that, the broker takes up the transaction
   * coordinator at once, and the coordinator's markers for a transaction the kill caught half-way
   * wait for the broker's own listener, which opens only after the controller has fenced the old
   * registration and let the new one in. While fenced, a partition has no leader, and Kafka (4.3.1
   * to 4.4.0, KAFKA-20734) then takes it for deleted: the coordinator completes the transaction
   * without that partition's marker. The partition keeps an open transaction nobody will close, and
   * read_committed readers (the sink, the enrich app's state restoration) wait on it for ever.
   * Fenced first, the broker starts with no partition to lead, and takes up the coordinator only
   * when the controller makes it leader of all of them again. (After a clean stop the broker is
   * fenced already and this returns at once; a new registration no longer waits out the old one's
   * session either.)
   */
  private static void fenceTheLastRun(Path logDir, int controllerPort, Duration timeout)
      throws Exception {
    Properties props = controllerProperties(logDir, controllerPort);
    props.putAll(
        Map.of(
            "process.roles",
            "controller",
            "listeners",
            CONTROLLER + "://127.0.0.1:" + controllerPort,
            "listener.security.protocol.map",
            CONTROLLER + ":PLAINTEXT",
            // Nothing heartbeats to this controller: the old broker's session ends at once.
            "broker.session.timeout.ms",
            "500",
            "broker.heartbeat.interval.ms",
            "100"));
    long started = System.nanoTime();
    KafkaRaftServer controller =
        new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    controller.startup();
    boolean fenced;
    try {
      fenced = awaitBrokerFenced(timeout.compareTo(FENCE_WAIT) < 0 ? timeout : FENCE_WAIT);
    } finally {
      controller.shutdown();
      controller.awaitShutdown();
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    if (fenced) {
      LOG.info("the last run's broker is fenced ({} ms); starting the broker", ms);
    } else {
      LOG.warn(
          "the controller did not report the last run's broker fenced within {} ms; starting the"
              + " broker anyway",
          ms);
    }
  }

  /**
   * Whether the controller in this JVM reports, within {@code wait}, no live broker and at least
   * one fenced or shut down (its documented gauges {@code kafka.controller:type=KafkaController},
   * {@code name=ActiveBrokerCount}, {@code FencedBrokerCount} and {@code
   * ControlledShutdownBrokerCount}). All are 0 until the controller has read the cluster metadata.
   * The gauges are the JVM's: this holds with one embedded node per JVM, as {@code copydesk run}
   * has (a second one alive would answer instead, and the wait would end in the warning). The
   * controller writes a fence after the partitions' loss of their leader, so once it reports the
   * broker fenced, no partition names it leader.
   */
  private static boolean awaitBrokerFenced(Duration wait) throws InterruptedException {
    MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
    Instant deadline = Instant.now().plus(wait);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (controllerGauge(beans, "ActiveBrokerCount") == 0
            && controllerGauge(beans, "FencedBrokerCount")
                    + controllerGauge(beans, "ControlledShutdownBrokerCount")
                > 0) {
          return true;
        }
      } catch (JMException e) {
        LOG.debug("the controller's gauges are not there yet", e);
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static int controllerGauge(MBeanServer beans, String name) throws JMException {
    ObjectName gauge = new ObjectName("kafka.controller:type=KafkaController,name=" + name);
    return ((Number) beans.getAttribute(gauge, "Value")).intValue();
  }

  /** Formats {@code logDir} unless it holds a broker's data already; true if it formatted it. */
  private static boolean formatIfNew(Path logDir) throws Exception {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return false;
    }
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(1)
        .addDirectory(logDir.toString())
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName(CONTROLLER)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .run();
    return true;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin = Admin.create(props)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("embedded Kafka did not start within " + timeout, e);
          }
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * The broker and controller ports from {@code file} when both are free, else new ones, written
   * back. The file is labelled ({@code broker=…}, {@code controller=…}); the two bare numbers that
   * older versions wrote (broker first) are still read.
   */
  static int[] rememberedPorts(Path file) throws IOException {
    if (Files.exists(file)) {
      Map<String, Integer> known = readPorts(Files.readString(file));
      if (known.size() == 2) {
        int broker = known.get(BROKER_PORT);
        int controller = known.get(CONTROLLER_PORT);
        if (isFree(broker) && isFree(controller)) {
          return new int[] {broker, controller};
        }
        LOG.warn(
            "the embedded broker's ports {} and {} are taken; using new ones", broker, controller);
      } else {
        LOG.warn("{} does not name a broker and a controller port; using new ones", file);
      }
    }
    int broker = freePort();
    int controller = freePort();
    while (controller == broker) {
      controller = freePort();
    }
    Files.writeString(
        file,
        "# The embedded broker's ports, reused when the same data directory is run again.\n"
            + BROKER_PORT
            + "="
            + broker
            + "\n"
            + CONTROLLER_PORT
            + "="
            + controller
            + "\n");
    return new int[] {broker, controller};
  }

  /**
   * The labelled ports in a ports file, or both from the older unlabelled form; empty if neither.
   */
  static Map<String, Integer> readPorts(String text) {
    Map<String, Integer> ports = new java.util.HashMap<>();
    String[] bare = text.strip().split("\\s+");
    try {
      if (bare.length == 2
          && bare[0].chars().allMatch(Character::isDigit)
          && bare[1].chars().allMatch(Character::isDigit)) {
        return Map.of(
            BROKER_PORT, Integer.parseInt(bare[0]), CONTROLLER_PORT, Integer.parseInt(bare[1]));
      }
      for (String line : text.split("\n")) {
        String[] kv = line.split("=", 2);
        if (!line.strip().startsWith("#")
            && kv.length == 2
            && Set.of(BROKER_PORT, CONTROLLER_PORT).contains(kv[0].strip())) {
          ports.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
        }
      }
    } catch (NumberFormatException e) {
      return Map.of();
    }
    return ports;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
