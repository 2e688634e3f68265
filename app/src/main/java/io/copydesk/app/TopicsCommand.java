package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicSpec;
import io.copydesk.contract.Topics;
import io.copydesk.enrich.EnrichSettings;
import io.copydesk.sink.SinkSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code copydesk topics list|tail}: what is on Copydesk's topics, readable without a registry or
 * Copydesk's schemas at hand. Reads only: a read_committed consumer assigned to the partitions (no
 * group, nothing committed) and the admin client.
 */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Look at Copydesk's topics: `list` shows each with its partitions, offsets and the lag of Copydesk's groups;",
      "`tail TOPIC` prints records as JSON lines, values decoded with the topic's own serde."
    },
    subcommands = {TopicsCommand.ListTopics.class, TopicsCommand.Tail.class})
final class TopicsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Which cluster, and how records are encoded: the options both subcommands take. */
  static final class Connection {
    @Mixin KafkaOptions kafkaOptions;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description =
            "The output folder of a `copydesk run`: read its embedded broker (data directory <out>/.copydesk).")
    Path out;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "The data directory of a `copydesk run`, if not <out>/.copydesk.")
    Path dataDir;

    /**
     * The configuration, pointed at the cluster to read. A run's embedded broker is reached on the
     * port in its data directory's {@code kafka.ports} while the run holds the directory; when no
     * process does, it is started here (and stopped by {@link Cluster#close}).
     */
    Cluster open(PrintWriter err) throws Exception {
      CopydeskConfig config = kafkaOptions.load();
      if (kafkaOptions.bootstrapServers != null) {
        return new Cluster(config, null, null);
      }
      if (out == null && dataDir == null) {
        return new Cluster(config, null, null);
      }
      Path data = (dataDir != null ? dataDir : out.resolve(".copydesk")).toAbsolutePath();
      Path log = data.resolve("kafka");
      if (!Files.isDirectory(data)) {
        throw new IllegalStateException("no data directory at " + data);
      }
      DataDirLock lock;
      try {
        lock = DataDirLock.acquire(data);
      } catch (IllegalStateException running) {
        return new Cluster(
            config.with(KafkaOptions.BOOTSTRAP_SERVERS, runningBroker(data)), null, null);
      }
      try {
        if (!Files.exists(log.resolve("meta.properties"))) {
          throw new IllegalStateException(
              data + " has no embedded broker (was it run with --bootstrap-servers?)");
        }
        err.println(
            "copydesk topics: no copydesk process uses "
                + data
                + "; starting its embedded broker to read it");
        err.flush();
        EmbeddedKafka kafka = EmbeddedKafka.start(log, Duration.ofSeconds(60));
        return new Cluster(
            config.with(KafkaOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers()), kafka, lock);
      } catch (Exception | Error e) {
        lock.close();
        throw e;
      }
    }

    /**
     * The broker address of the process that holds the data directory, from its {@code
     * kafka.ports}.
     */
    static String runningBroker(Path data) throws java.io.IOException {
      Path ports = data.resolve("kafka.ports");
      Integer port =
          Files.exists(ports)
              ? EmbeddedKafka.readPorts(Files.readString(ports)).get(EmbeddedKafka.BROKER_PORT)
              : null;
      if (port == null) {
        throw new IllegalStateException(
            "the copydesk process using "
                + data
                + " has no embedded broker ("
                + ports
                + " names none); give its cluster with --bootstrap-servers");
      }
      return "127.0.0.1:" + port;
    }
  }

  /** The cluster being read, and what was started to read it. */
  record Cluster(CopydeskConfig config, EmbeddedKafka startedBroker, DataDirLock lock)
      implements AutoCloseable {
    Topics topics() {
      return Topics.from(config);
    }

    Properties kafka() {
      Properties props = config.kafka();
      props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "copydesk-topics");
      return props;
    }

    @Override
    public void close() throws Exception {
      if (startedBroker != null) {
        startedBroker.close();
      }
      if (lock != null) {
        lock.close();
      }
    }
  }

  /**
   * Runs a subcommand body, turning configuration and connection problems into a message and exit
   * 1.
   */
  abstract static class Subcommand implements Callable<Integer> {
    @Mixin Connection connection;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    abstract void run(Cluster cluster, PrintWriter out) throws Exception;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Cluster cluster = connection.open(err)) {
        run(cluster, out);
        return 0;
      } catch (IllegalStateException
          | IllegalArgumentException
          | org.apache.kafka.common.KafkaException
          | java.util.concurrent.TimeoutException e) {
        err.println("copydesk topics: " + e.getMessage());
        return 1;
      } catch (java.util.concurrent.ExecutionException e) {
        err.println("copydesk topics: " + e.getCause().getMessage());
        return 1;
      } finally {
        out.flush();
        err.flush();
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Copydesk's topics (and Kafka Streams' internal ones): partitions, offsets in use and the lag of Copydesk's consumer groups.",
        "OFFSETS counts from the earliest to the last committed offset: records plus transaction markers, so an upper bound on records."
      })
  static final class ListTopics extends Subcommand {
    @Override
    void run(Cluster cluster, PrintWriter out) throws Exception {
      Topics topics = cluster.topics();
      CopydeskConfig config = cluster.config();
      try (Admin admin = Admin.create(cluster.kafka())) {
        TreeSet<String> names = new TreeSet<>();
        String enrichApp = EnrichSettings.from(config).streams().applicationId();
        String internalPrefix = enrichApp + "-";
        admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
            .filter(n -> n.startsWith(internalPrefix))
            .forEach(names::add);
        List<String> ordered = new ArrayList<>(topics.all().stream().map(TopicSpec::name).toList());
        ordered.addAll(names);
        Map<String, TopicDescription> described = new HashMap<>();
        for (String name : ordered) {
          try {
            described.put(
                name,
                admin
                    .describeTopics(List.of(name))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(name));
          } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause()
                instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
              throw e;
            }
          }
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described
            .values()
            .forEach(
                d ->
                    d.partitions()
                        .forEach(
                            p -> {
                              earliest.put(
                                  new TopicPartition(d.name(), p.partition()),
                                  OffsetSpec.earliest());
                              latest.put(
                                  new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                            }));
        ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> start = new HashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        admin
            .listOffsets(earliest, committed)
            .all()
            .get(30, TimeUnit.SECONDS)
            .forEach((tp, o) -> start.put(tp, o.offset()));
        admin
            .listOffsets(latest, committed)
            .all()
            .get(30, TimeUnit.SECONDS)
            .forEach((tp, o) -> end.put(tp, o.offset()));
        // Copydesk's groups: the enrich app reads the raw and internal topics, the sink the
        // enriched and events topics.
        Map<String, Map<String, Long>> lagByTopic = new TreeMap<>();
        for (String group : List.of(enrichApp, SinkSettings.from(config).groupId())) {
          Map<TopicPartition, OffsetAndMetadata> offsets =
              admin
                  .listConsumerGroupOffsets(group)
                  .partitionsToOffsetAndMetadata()
                  .get(30, TimeUnit.SECONDS);
          offsets.forEach(
              (tp, o) -> {
                if (o != null && end.containsKey(tp)) {
                  lagByTopic
                      .computeIfAbsent(tp.topic(), t -> new TreeMap<>())
                      .merge(group, Math.max(0, end.get(tp) - o.offset()), Long::sum);
                }
              });
        }
        String format = "%-44s %10s %8s  %s%n";
        out.printf(Locale.ROOT, format, "TOPIC", "PARTITIONS", "OFFSETS", "LAG (GROUP=RECORDS)");
        for (String name : ordered) {
          TopicDescription d = described.get(name);
          if (d == null) {
            out.printf(Locale.ROOT, format, name, "-", "-", "(not created yet)");
            continue;
          }
          long used =
              d.partitions().stream()
                  .mapToLong(
                      p ->
                          end.get(new TopicPartition(name, p.partition()))
                              - start.get(new TopicPartition(name, p.partition())))
                  .sum();
          Map<String, Long> lags = lagByTopic.getOrDefault(name, Map.of());
          String lag =
              lags.isEmpty()
                  ? "-"
                  : String.join(
                      " ",
                      lags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
          out.printf(Locale.ROOT, format, name, d.partitions().size(), used, lag);
        }
      }
    }
  }

  @Command(
      name = "tail",
      mixinStandardHelpOptions = true,
      description = {
        "Prints a topic's records, one JSON object per line: topic, partition, offset, timestamp, key, headers and the value",
        "decoded with the topic's serde (a record that names its content type in a header, such as a dead letter, with that type's).",
        "Ingest's progress markers are labelled \"marker\": true, deletions \"tombstone\": true. Reads committed records only, commits nothing."
      })
  static final class Tail extends Subcommand {
    @Parameters(
        paramLabel = "TOPIC",
        description = "A topic name, or raw, rejects, enriched, events, dead-letters.")
    String topic;

    @Option(
        names = "--from-beginning",
        description = "Start at the oldest record (default: the latest ones).")
    boolean fromBeginning;

    @Option(
        names = "--follow",
        description =
            "Keep printing records as they arrive, until Ctrl-C (or --limit with --from-beginning).")
    boolean follow;

    @Option(
        names = "--limit",
        paramLabel = "N",
        description =
            "How many records: the last N (default 10), or with --from-beginning the first N (default: all).")
    Integer limit;

    @Override
    void run(Cluster cluster, PrintWriter out) throws Exception {
      Topics topics = cluster.topics();
      String name = resolve(topics, topic);
      TopicRecordJson json = new TopicRecordJson(topics);
      Properties props = cluster.kafka();
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      props.remove(ConsumerConfig.GROUP_ID_CONFIG);
      props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(name, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(name, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        if (partitions.isEmpty()) {
          throw new IllegalStateException("no topic " + name);
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end =
            consumer.endOffsets(partitions); // the last stable offsets: read_committed
        long printed = 0;
        if (fromBeginning) {
          start.forEach(consumer::seek);
          long max = limit == null ? Long.MAX_VALUE : limit;
          printed = readUntil(consumer, end, max, out, json);
        } else {
          int last = limit == null ? 10 : limit;
          partitions.forEach(tp -> consumer.seek(tp, Math.max(start.get(tp), end.get(tp) - last)));
          List<ConsumerRecord<byte[], byte[]>> latest = new ArrayList<>();
          drain(consumer, end, Long.MAX_VALUE, latest::add);
          latest.sort(
              Comparator.<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
                  .thenComparingInt(ConsumerRecord::partition)
                  .thenComparingLong(ConsumerRecord::offset));
          for (ConsumerRecord<byte[], byte[]> r :
              latest.subList(Math.max(0, latest.size() - last), latest.size())) {
            out.println(json.line(r));
          }
          out.flush();
        }
        if (follow && (!fromBeginning || limit == null || printed < limit)) {
          follow(
              consumer,
              fromBeginning && limit != null ? limit - printed : Long.MAX_VALUE,
              out,
              json);
        }
      }
    }

    /**
     * Prints records until every partition has reached {@code end} or {@code max} are printed;
     * returns how many.
     */
    private static long readUntil(
        KafkaConsumer<byte[], byte[]> consumer,
        Map<TopicPartition, Long> end,
        long max,
        PrintWriter out,
        TopicRecordJson json) {
      long[] printed = {0};
      drain(
          consumer,
          end,
          max,
          r -> {
            out.println(json.line(r));
            printed[0]++;
          });
      out.flush();
      return printed[0];
    }

    private static void drain(
        KafkaConsumer<byte[], byte[]> consumer,
        Map<TopicPartition, Long> end,
        long max,
        java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
      long seen = 0;
      while (seen < max
          && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (seen < max && r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            each.accept(r);
            seen++;
          }
        }
      }
    }

    /** Prints what arrives until Ctrl-C, or until {@code max} more are printed. */
    private static void follow(
        KafkaConsumer<byte[], byte[]> consumer, long max, PrintWriter out, TopicRecordJson json)
        throws InterruptedException {
      CountDownLatch done = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                consumer.wakeup();
                try {
                  done.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "copydesk-topics-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      long printed = 0;
      try {
        while (printed < max) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (printed < max) {
              out.println(json.line(r));
              printed++;
            }
          }
          out.flush();
        }
      } catch (WakeupException stopped) {
        // Ctrl-C
      } finally {
        out.flush();
        done.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running
        }
      }
    }

    /** A topic name as given, or the short name of one of Copydesk's topics. */
    static String resolve(Topics topics, String given) {
      return switch (given.toLowerCase(Locale.ROOT).replace('_', '-')) {
        case "raw" -> topics.raw().name();
        case "rejects" -> topics.rejects().name();
        case "enriched" -> topics.enriched().name();
        case "events" -> topics.events().name();
        case "dead-letters", "dead.letters" -> topics.deadLetters().name();
        default -> given;
      };
    }
  }
}
