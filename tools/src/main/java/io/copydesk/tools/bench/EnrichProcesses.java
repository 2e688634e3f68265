package io.copydesk.tools.bench;

import io.copydesk.app.CopydeskCli;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Enrich instances as separate JVMs ({@code copydesk enrich}), as an operator scales it out: the
 * same topics and application id, each with its own state directory and metrics port. They get the
 * benchmark's configuration as a file, so topic names and partitions are the parent's.
 */
final class EnrichProcesses implements AutoCloseable {
  /**
   * What each instance gets, as the launcher gives by default; not COPYDESK_JAVA_OPTS, which may
   * hold a profiler for the parent.
   */
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:-DontCompileHugeMethods", "-Xmx1g", "-XX:+UseParallelGC");

  private final List<Process> processes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  EnrichProcesses(Map<String, String> config, Path dir, int instances) throws IOException {
    Path configFile = dir.resolve("enrich.properties");
    Properties props = new Properties();
    props.putAll(config);
    try (Writer out = Files.newBufferedWriter(configFile)) {
      props.store(out, "copydesk bench e2e: the parent's configuration");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int i = 0; i < instances; i++) {
      int port = FreePort.find();
      Path log = dir.resolve("enrich-" + i + ".log");
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(JVM_OPTIONS);
      command.addAll(
          List.of(
              "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.copydesk.schema",
              "-cp",
              System.getProperty("java.class.path"),
              CopydeskCli.class.getName(),
              "enrich",
              "--config",
              configFile.toString(),
              "--state-dir",
              dir.resolve("streams-" + i).toString(),
              "--metrics-port",
              Integer.toString(port)));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().remove("COPYDESK_JAVA_OPTS");
      processes.add(builder.start());
      ports.add(port);
      logs.add(log);
    }
  }

  /**
   * Until every instance says it is ready (its Streams app RUNNING); throws if one exits or time
   * runs out.
   */
  void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < processes.size(); i++) {
      while (!ready(ports.get(i))) {
        if (!processes.get(i).isAlive()) {
          throw new IllegalStateException(
              "enrich instance "
                  + i
                  + " exited ("
                  + processes.get(i).exitValue()
                  + "); see "
                  + logs.get(i));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "enrich instance " + i + " not ready after " + timeout + "; see " + logs.get(i));
        }
        Thread.sleep(200);
      }
    }
  }

  /**
   * Whether all are still RUNNING: a rebalance during the measurement would make it a different
   * one.
   */
  boolean allReady() throws InterruptedException {
    for (int port : ports) {
      if (!ready(port)) {
        return false;
      }
    }
    return true;
  }

  private boolean ready(int port) throws InterruptedException {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  List<Long> pids() {
    return processes.stream().map(Process::pid).toList();
  }

  /** SIGTERM, as a supervisor stops a service; each leaves its group and commits. */
  @Override
  public void close() throws InterruptedException {
    processes.forEach(Process::destroy);
    for (Process p : processes) {
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor();
      }
    }
  }
}
