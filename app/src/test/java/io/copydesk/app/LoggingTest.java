package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.internals.ProcessorStateManager;
import org.apache.kafka.streams.processor.internals.StreamThread;
import org.apache.kafka.streams.processor.internals.TaskManager;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LocationAwareLogger;

/** The shipped logback.xml in both formats, and the one place that logs configuration values. */
class LoggingTest {

  @Test
  void jsonFormatWritesOneJsonObjectPerEventToStderr() throws Exception {
    List<String> lines = logWithShippedConfiguration("json");
    assertEquals(2, lines.size(), "one line per event: " + lines);
    JsonNode info = new ObjectMapper().readTree(lines.get(0));
    assertEquals("INFO", info.get("level").asText());
    assertEquals("io.copydesk.test", info.get("loggerName").asText());
    assertEquals("ingested 3 files", info.get("formattedMessage").asText());
    assertTrue(info.get("timestamp").asLong() > 0);
    JsonNode error = new ObjectMapper().readTree(lines.get(1));
    assertEquals("ERROR", error.get("level").asText());
    assertEquals(
        "java.lang.IllegalStateException", error.get("throwable").get("className").asText());
  }

  @Test
  void textFormatIsTheDefault() throws Exception {
    List<String> lines = logWithShippedConfiguration(null);
    assertTrue(
        lines
            .get(0)
            .matches(
                "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main\\] io\\.copydesk\\.test - ingested 3 files"),
        lines.get(0));
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("java.lang.IllegalStateException: disk full")),
        "the stack trace follows");
  }

  /**
   * Configures a fresh logback context from logback.xml as the launcher would, logs two events,
   * returns stderr's lines.
   */
  private static List<String> logWithShippedConfiguration(String format) throws Exception {
    return logWithShippedConfiguration(
        format,
        context -> {
          Logger log = context.getLogger("io.copydesk.test");
          log.info("ingested {} files", 3);
          log.error("cannot write", new IllegalStateException("disk full"));
          context.getLogger("org.apache.kafka.clients.NetworkClient").info("below WARN: not shown");
        });
  }

  private static List<String> logWithShippedConfiguration(
      String format, java.util.function.Consumer<LoggerContext> events) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(
        new LogbackMDCAdapter()); // a context made by hand has none, and events need one
    if (format != null) {
      context.putProperty("COPYDESK_LOG_FORMAT", format); // as the environment variable would
    }
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LoggingTest.class.getResource("/logback.xml"));
      events.accept(context);
    } finally {
      System.setErr(stderr);
      context.stop();
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theConfigurationDumpHidesCredentials() {
    CopydeskConfig config =
        CopydeskConfig.load(
            null,
            Map.of(
                "KAFKA_SASL_JAAS_CONFIG",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"copydesk\" password=\"hunter2\";",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit-truststore",
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9093"));
    Logger logger = (Logger) LoggerFactory.getLogger(ConfigurationLog.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try {
      ConfigurationLog.log("sink", config);
    } finally {
      logger.detachAppender(events);
    }
    assertEquals(1, events.list.size());
    String logged = events.list.get(0).getFormattedMessage();
    assertFalse(logged.contains("hunter2") || logged.contains("changeit-truststore"), logged);
    assertTrue(logged.contains("kafka.sasl.jaas.config=" + CopydeskConfig.HIDDEN), logged);
    assertTrue(logged.contains("kafka.bootstrap.servers=broker:9093"), "the rest is shown");
  }

  /**
   * As Kafka's LogContext logs: the message formatted beforehand, with its prefix, no arguments.
   */
  private static void kafkaLog(
      LoggerContext context, Class<?> at, int level, String format, Object arg, Throwable t) {
    String message =
        "stream-thread [enrich-StreamThread-1] "
            + MessageFormatter.format(format, arg).getMessage();
    context.getLogger(at).log(null, LogContext.class.getName(), level, message, null, t);
  }

  @Test
  void recoveryFromAnUncleanStopIsOneWarningNotAnError() throws Exception {
    TaskId task = new TaskId(0, 1);
    TaskCorruptedException corrupted = new TaskCorruptedException(Set.of(task));
    List<String> lines =
        logWithShippedConfiguration(
            null,
            context -> {
              // What Kafka Streams 4.3 logs on the first start after kill -9 under exactly-once.
              kafkaLog(
                  context,
                  ProcessorStateManager.class,
                  LocationAwareLogger.WARN_INT,
                  "State store {} did not find checkpoint offsets while stores are not empty, since under EOS it has the risk of getting"
                      + " uncommitted data in stores we have to treat it as a task corruption error",
                  "cluster-counts",
                  null);
              kafkaLog(
                  context,
                  TaskManager.class,
                  LocationAwareLogger.ERROR_INT,
                  "Get exceptions for the following tasks: {}",
                  Map.of(task, corrupted),
                  null);
              kafkaLog(
                  context,
                  TaskManager.class,
                  LocationAwareLogger.WARN_INT,
                  "Encountered task corrupted exception for task {}",
                  task,
                  corrupted);
              kafkaLog(
                  context,
                  StreamThread.class,
                  LocationAwareLogger.WARN_INT,
                  "Detected the states of tasks {} are corrupted. Will close the"
                      + " task as dirty and re-create and bootstrap from scratch.",
                  Set.of(task),
                  corrupted);
              // Anything else Streams reports as an error still shows.
              kafkaLog(
                  context,
                  TaskManager.class,
                  LocationAwareLogger.ERROR_INT,
                  "Get exceptions for the following tasks: {}",
                  Map.of(new TaskId(0, 2), new StreamsException("disk full")),
                  null);
            });
    List<String> warnings = lines.stream().filter(l -> l.contains(" WARN ")).toList();
    assertEquals(1, warnings.size(), "one line for the recovery: " + lines);
    assertTrue(
        warnings.get(0).contains("[0_1]")
            && warnings.get(0).contains("restores it from the changelog"),
        warnings.get(0));
    List<String> errors = lines.stream().filter(l -> l.contains(" ERROR ")).toList();
    assertEquals(1, errors.size(), lines.toString());
    assertTrue(
        errors.get(0).contains("0_2=org.apache.kafka.streams.errors.StreamsException"),
        errors.get(0));
    assertTrue(
        lines.stream().noneMatch(l -> l.contains("TaskCorruptedException")),
        "no stack traces or class names: " + lines);
  }
}
