package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
    assertEquals("java.lang.IllegalStateException", error.get("throwable").get("className").asText());
  }

  @Test
  void textFormatIsTheDefault() throws Exception {
    List<String> lines = logWithShippedConfiguration(null);
    assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main\\] io\\.copydesk\\.test - ingested 3 files"), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("java.lang.IllegalStateException: disk full")), "the stack trace follows");
  }

  /** Configures a fresh logback context from logback.xml as the launcher would, logs two events, returns stderr's lines. */
  private static List<String> logWithShippedConfiguration(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // a context made by hand has none, and events need one
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
      Logger log = context.getLogger("io.copydesk.test");
      log.info("ingested {} files", 3);
      log.error("cannot write", new IllegalStateException("disk full"));
      context.getLogger("org.apache.kafka.clients.NetworkClient").info("below WARN: not shown");
    } finally {
      System.setErr(stderr);
      context.stop();
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theConfigurationDumpHidesCredentials() {
    CopydeskConfig config = CopydeskConfig.load(null, Map.of(
        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"copydesk\" password=\"hunter2\";",
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
}
