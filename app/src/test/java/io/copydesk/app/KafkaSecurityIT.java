package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka's security settings reach every client when given only as docs/operations.md says ({@code
 * KAFKA_*} environment variables): {@code copydesk run --once} against a broker whose only listener
 * it may use is SASL_SSL (PLAIN mechanism, a certificate made here with the JDK's keytool)
 * processes the seeds, and never writes a password to its log. With a wrong password it fails, says
 * why, and does not hang.
 */
class KafkaSecurityIT {
  private static final String USER = "copydesk";
  private static final String PASSWORD = "pw-4f1c9e-never-logged";
  private static final String KEYSTORE_PASSWORD = "ks-8d2a7b-never-logged";
  private static final String TRUSTSTORE_PASSWORD = "ts-61e0c3-never-logged";

  @Test
  void theStagesRunOverSaslSslConfiguredFromTheEnvironmentAndHideTheSecrets(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    Path keystore = dir.resolve("broker.p12");
    Path truststore = dir.resolve("trust.p12");
    makeCertificate(dir, keystore, truststore);
    EmbeddedKafka.SecureListener secure =
        new EmbeddedKafka.SecureListener(keystore, KEYSTORE_PASSWORD, Map.of(USER, PASSWORD));
    try (EmbeddedKafka kafka =
        EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60), secure)) {
      Path input = SeedsScenario.copyOfSeeds(dir);
      Path out = dir.resolve("out");
      Path log = dir.resolve("run.log");
      Process run =
          run(
              input,
              out,
              log,
              clientEnvironment(kafka.secureBootstrapServers(), truststore, PASSWORD));
      assertTrue(run.waitFor(180, TimeUnit.SECONDS), "the run ends");
      String output = Files.readString(log);
      assertEquals(0, run.exitValue(), "the run completes over SASL_SSL:\n" + tail(output));
      SeedsScenario.assertSeedsOutput(out);

      assertTrue(
          output.contains("kafka.security.protocol=SASL_SSL"),
          "the configuration is logged (COPYDESK_LOG_LEVEL=DEBUG)");
      assertTrue(
          output.contains("kafka.sasl.jaas.config=" + io.copydesk.contract.CopydeskConfig.HIDDEN),
          "the JAAS line is hidden");
      assertTrue(
          output.contains(
              "kafka.ssl.truststore.password=" + io.copydesk.contract.CopydeskConfig.HIDDEN));
      for (String secret : List.of(PASSWORD, TRUSTSTORE_PASSWORD, "PlainLoginModule")) {
        assertFalse(output.contains(secret), "the log never shows " + secret);
      }

      // A wrong password: refused by the broker, and the run says so and ends instead of waiting.
      Path refusedLog = dir.resolve("refused.log");
      long started = System.nanoTime();
      Process refused =
          run(
              input,
              dir.resolve("out-refused"),
              refusedLog,
              clientEnvironment(kafka.secureBootstrapServers(), truststore, "wrong-" + PASSWORD));
      boolean ended = refused.waitFor(120, TimeUnit.SECONDS);
      if (!ended) {
        refused.destroyForcibly();
      }
      String refusedOutput = Files.readString(refusedLog);
      assertTrue(ended, "a refused login ends the run:\n" + tail(refusedOutput));
      System.out.printf(
          "wrong password: exit %d after %d ms; %s%n",
          refused.exitValue(),
          (System.nanoTime() - started) / 1_000_000,
          refusedOutput
              .lines()
              .filter(l -> l.startsWith("copydesk: "))
              .findFirst()
              .orElse("(no copydesk: line)"));
      assertNotEquals(0, refused.exitValue());
      assertTrue(
          refusedOutput.contains("copydesk: ") && refusedOutput.contains("uthentication failed"),
          "says that Kafka refused the login:\n" + tail(refusedOutput));
      assertFalse(refusedOutput.contains(PASSWORD), "not even the wrong password is logged");
    }
  }

  /** The client settings, as an operator sets them: KAFKA_<PROPERTY> variables only. */
  private static Map<String, String> clientEnvironment(
      String bootstrap, Path truststore, String password) {
    Map<String, String> env = new TreeMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("KAFKA_SASL_MECHANISM", "PLAIN");
    env.put(
        "KAFKA_SASL_JAAS_CONFIG",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + USER
            + "\" password=\""
            + password
            + "\";");
    env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString());
    env.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD);
    env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
    return env;
  }

  private static Process run(Path input, Path out, Path log, Map<String, String> env)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // The shipped logging configuration, as the launcher uses it (the test classpath would pick
    // logback-test.xml).
    String logback = KafkaSecurityIT.class.getResource("/logback.xml").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx1g",
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.copydesk.schema",
            "-Dlogback.configurationFile=" + logback,
            "-cp",
            System.getProperty("java.class.path"),
            CopydeskCli.class.getName(),
            "run",
            "--input",
            input.toString(),
            "--out",
            out.toString(),
            "--once",
            "--timeout",
            "60");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("COPYDESK_"));
    builder.environment().putAll(env);
    builder
        .environment()
        .put(
            "COPYDESK_LOG_LEVEL",
            "DEBUG"); // shows run's configuration, and everything else Copydesk logs
    return builder.start();
  }

  /**
   * A key pair and a self-signed certificate for 127.0.0.1 in a PKCS12 key store, and a trust store
   * holding the certificate.
   */
  private static void makeCertificate(Path dir, Path keystore, Path truststore) throws Exception {
    Path keytool =
        Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
    Path certificate = dir.resolve("broker.crt");
    keytool(
        keytool,
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        KEYSTORE_PASSWORD,
        "-keypass",
        KEYSTORE_PASSWORD);
    keytool(
        keytool,
        "-exportcert",
        "-alias",
        "broker",
        "-keystore",
        keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD,
        "-file",
        certificate.toString());
    keytool(
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        "broker",
        "-file",
        certificate.toString(),
        "-keystore",
        truststore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        TRUSTSTORE_PASSWORD);
  }

  private static void keytool(Path keytool, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), "keytool " + args[0] + ": " + output);
  }

  private static String tail(String log) {
    return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
  }
}
