package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.copydesk.contract.CopydeskConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docker-compose.yml cannot run here (no Docker engine), so the build checks what it can without
 * one: the file against the Compose Specification's JSON schema, and its references into Copydesk
 * (commands, configuration variables, health-check ports, volumes, dependencies) and into Kafka.
 */
class CopydeskComposeTest {
  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

  /**
   * The opt-in UI, laid over the main file ({@code docker compose -f docker-compose.yml -f
   * docker-compose.ui.yml}).
   */
  private static final Path COMPOSE_UI = Path.of("..", "docker-compose.ui.yml");

  private static final Path DOCKERFILE = Path.of("..", "Dockerfile");
  private static final String IMAGE = "copydesk:local";

  /** Read by logback.xml and the launcher from the environment, not by CopydeskConfig. */
  private static final Set<String> LOGGING_VARIABLES =
      Set.of("COPYDESK_LOG_FORMAT", "COPYDESK_LOG_LEVEL");

  private final JsonNode compose = readCompose(COMPOSE);
  private final JsonNode composeUi = readCompose(COMPOSE_UI);

  private static JsonNode readCompose(Path file) {
    try {
      return new YAMLMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  @Test
  void composeFileFollowsTheComposeSpecification() throws IOException {
    Schema schema = composeSchema();
    List<Error> errors = schema.validate(compose);
    assertTrue(errors.isEmpty(), "schema violations: " + errors);
    List<Error> uiErrors = schema.validate(composeUi);
    assertTrue(uiErrors.isEmpty(), "schema violations in " + COMPOSE_UI + ": " + uiErrors);

    // The schema is strict enough to catch a typo, so a pass above means something.
    ObjectNode typo = compose.deepCopy();
    ((ObjectNode) typo.path("services").path("sink").path("healthcheck")).put("intervall", "10s");
    assertFalse(schema.validate(typo).isEmpty(), "a misspelt healthcheck key is refused");
  }

  private static Schema composeSchema() throws IOException {
    try (InputStream in =
        CopydeskComposeTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
      ObjectNode spec = (ObjectNode) new ObjectMapper().readTree(in);
      // Its "$schema" is draft 2019-09 under a pre-release address the validator does not know (and
      // would fetch); the dialect is given here instead, so nothing is fetched. Its "id" members
      // are
      // draft-04 leftovers that 2019-09 does not define (and the validator refuses): they only
      // label subschemas, so removing them changes no rule.
      spec.remove("$schema");
      removeIds(spec);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(spec);
    }
  }

  private static void removeIds(JsonNode node) {
    if (node instanceof ObjectNode object && object.path("id").isTextual()) {
      object.remove("id");
    }
    node.forEach(CopydeskComposeTest::removeIds);
  }

  @Test
  void dependenciesAndVolumesReferToWhatTheFileDeclares() {
    Set<String> services = names(compose.path("services"));
    Set<String> volumes = names(compose.path("volumes"));
    compose
        .path("services")
        .properties()
        .forEach(
            service -> {
              for (String dependency : names(service.getValue().path("depends_on"))) {
                assertTrue(
                    services.contains(dependency),
                    service.getKey() + " depends on unknown service " + dependency);
              }
              for (JsonNode mount : service.getValue().path("volumes")) {
                String source = mount.asText().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                  assertTrue(
                      volumes.contains(source),
                      service.getKey() + " mounts undeclared volume " + source);
                }
              }
            });
    assertEquals(Set.of("ingest", "enrich", "sink"), copydeskServices().keySet());
  }

  @Test
  void copydeskCommandsAreRealSubcommandsWithValidOptions() {
    copydeskServices()
        .forEach(
            (name, service) -> {
              List<String> command = strings(service.path("command"));
              assertEquals(name, command.get(0), "service " + name + " runs its own stage");
              CommandLine cli = new CommandLine(new CopydeskCli());
              assertTrue(
                  cli.getSubcommands().containsKey(command.get(0)),
                  command.get(0) + " is a copydesk subcommand");
              // Throws on an unknown option or a missing required one, as the container would.
              cli.parseArgs(command.toArray(String[]::new));
            });
  }

  @Test
  void everyVariableMapsToARealSetting() throws IOException {
    Map<String, String> defaults = CopydeskConfig.defaults().asMap();
    Set<String> kafkaClientProperties = new HashSet<>();
    kafkaClientProperties.addAll(ProducerConfig.configNames());
    kafkaClientProperties.addAll(ConsumerConfig.configNames());
    kafkaClientProperties.addAll(AdminClientConfig.configNames());
    kafkaClientProperties.addAll(StreamsConfig.configDef().names());
    String logback = resource("/logback.xml");

    copydeskServices()
        .forEach(
            (name, service) ->
                service
                    .path("environment")
                    .properties()
                    .forEach(
                        variable -> {
                          String env = variable.getKey();
                          String value = variable.getValue().asText();
                          if (LOGGING_VARIABLES.contains(env)) {
                            assertTrue(
                                logback.contains("${" + env), env + " is read by logback.xml");
                            return;
                          }
                          if (env.equals("JAVA_TOOL_OPTIONS")) {
                            return; // the JVM's own
                          }
                          CopydeskConfig config = CopydeskConfig.load(null, Map.of(env, value));
                          if (env.startsWith("COPYDESK_")) {
                            String key =
                                env.substring("COPYDESK_".length())
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', '.');
                            assertTrue(
                                defaults.containsKey(key),
                                name
                                    + ": "
                                    + env
                                    + " sets "
                                    + key
                                    + ", which is not a configuration key");
                            assertEquals(
                                value, config.string(key), name + ": " + env + " reaches " + key);
                          } else if (env.startsWith("KAFKA_")) {
                            String property =
                                env.substring("KAFKA_".length())
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', '.');
                            assertTrue(
                                kafkaClientProperties.contains(property),
                                name + ": " + env + " is not a Kafka client property");
                            assertEquals(
                                value,
                                config.kafka().getProperty(property),
                                name + ": " + env + " reaches the Kafka clients");
                          } else {
                            throw new AssertionError(
                                name + ": " + env + " is read by nothing in Copydesk");
                          }
                        }));
  }

  @Test
  void healthChecksProbeTheReadinessEndpointOnTheConfiguredPort() {
    Pattern url = Pattern.compile("http://localhost:(\\d+)/health/ready");
    copydeskServices()
        .forEach(
            (name, service) -> {
              Map<String, String> env = new java.util.TreeMap<>();
              service
                  .path("environment")
                  .properties()
                  .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
              CopydeskConfig config = CopydeskConfig.load(null, env);
              Matcher probe =
                  url.matcher(String.join(" ", strings(service.path("healthcheck").path("test"))));
              assertTrue(probe.find(), name + " checks /health/ready");
              String port = config.string(name + ".metrics.port");
              assertEquals(
                  port,
                  probe.group(1),
                  name + "'s health check asks the port its endpoints listen on");
              assertEquals(
                  "0.0.0.0",
                  config.string("metrics.host"),
                  name + " listens beyond the container's loopback");
              assertTrue(
                  strings(service.path("expose")).contains(port),
                  name + " offers its metrics port on the compose network");
            });
  }

  @Test
  void onTheHostOnlyTheIntakeAndTheOptInUiArePublishedAndOnlyOnLoopback() {
    assertEquals(
        Map.of("ingest", List.of("127.0.0.1:8080:8080")),
        published(compose),
        "the broker, the registry and the metrics endpoints stay on the compose network");
    assertEquals(Map.of("kafka-ui", List.of("127.0.0.1:8086:8080")), published(composeUi));
    assertTrue(
        names(compose.path("services"))
            .containsAll(names(composeUi.path("services").path("kafka-ui").path("depends_on"))),
        "the UI's dependencies are the main file's services");
  }

  @Test
  void theUiAsksForALoginWithAPasswordTheOperatorMustSet() {
    JsonNode env = composeUi.path("services").path("kafka-ui").path("environment");
    assertEquals("LOGIN_FORM", env.path("AUTH_TYPE").asText());
    assertTrue(
        env.path("SPRING_SECURITY_USER_PASSWORD").asText().startsWith("${KAFKA_UI_PASSWORD:?"),
        "no default password: compose refuses to start without one");
  }

  @Test
  void everyServiceRestartsByItselfAndHasAHealthCheck() {
    for (JsonNode file : List.of(compose, composeUi)) {
      file.path("services")
          .properties()
          .forEach(
              service -> {
                assertEquals(
                    "unless-stopped",
                    service.getValue().path("restart").asText(),
                    service.getKey() + " restarts after a crash or reboot");
                assertFalse(
                    strings(service.getValue().path("healthcheck").path("test")).isEmpty(),
                    service.getKey() + " has a health check");
              });
    }
  }

  @Test
  void everyImageIsPinnedToAnExactRelease() throws IOException {
    Pattern exact = Pattern.compile(".+:v?\\d+\\.\\d+\\.\\d+([_-][\\w.-]+)?");
    for (JsonNode file : List.of(compose, composeUi)) {
      file.path("services")
          .properties()
          .forEach(
              service -> {
                String image = service.getValue().path("image").asText();
                if (!image.equals(IMAGE)) {
                  assertTrue(
                      exact.matcher(image).matches(),
                      service.getKey() + " runs " + image + ", not an exact release");
                }
              });
    }
    Matcher from =
        Pattern.compile("(?m)^FROM (\\S+)")
            .matcher(Files.readString(DOCKERFILE, StandardCharsets.UTF_8));
    int bases = 0;
    while (from.find()) {
      bases++;
      assertTrue(
          exact.matcher(from.group(1)).matches(),
          "the Dockerfile builds on " + from.group(1) + ", not an exact release");
    }
    assertEquals(2, bases);
  }

  /** Each service's host ports, for the services that publish any. */
  private static Map<String, List<String>> published(JsonNode file) {
    Map<String, List<String>> found = new java.util.TreeMap<>();
    file.path("services")
        .properties()
        .forEach(
            service -> {
              if (!service.getValue().path("ports").isMissingNode()) {
                found.put(service.getKey(), strings(service.getValue().path("ports")));
              }
            });
    return found;
  }

  @Test
  void brokerIsASingleKraftNodeWithReplicationFactorOne() {
    JsonNode env = compose.path("services").path("broker").path("environment");
    assertEquals(
        "apache/kafka:4.3.1", compose.path("services").path("broker").path("image").asText());
    assertEquals("broker,controller", env.path("KAFKA_PROCESS_ROLES").asText());
    for (String factor :
        List.of(
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
      assertEquals("1", env.path(factor).asText(), factor);
    }
    assertEquals(
        "1",
        CopydeskConfig.defaults().string("topic.replication.factor"),
        "Copydesk's own topics: one replica too");
  }

  @Test
  void dockerfileBuildsWithTheWrapperAndRunsTheCli() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
    assertTrue(dockerfile.contains("RUN ./mvnw "), "built with the Maven wrapper");
    assertTrue(dockerfile.contains("FROM eclipse-temurin:17."), "runs on a Java 17 JRE");
    assertTrue(
        dockerfile.contains("\"" + CopydeskCli.class.getName() + "\""),
        "its entry point is the CLI");
    assertTrue(
        Files.isRegularFile(COMPOSE.resolveSibling(".dockerignore")),
        "target/ stays out of the build context");
  }

  /** The services that run the Copydesk image, by name. */
  private Map<String, JsonNode> copydeskServices() {
    Map<String, JsonNode> found = new java.util.TreeMap<>();
    compose
        .path("services")
        .properties()
        .forEach(
            s -> {
              if (IMAGE.equals(s.getValue().path("image").asText())) {
                found.put(s.getKey(), s.getValue());
              }
            });
    return found;
  }

  /** Keys of a mapping, or the items of a list (depends_on takes both forms). */
  private static Set<String> names(JsonNode node) {
    Set<String> names = new HashSet<>();
    if (node.isArray()) {
      node.forEach(n -> names.add(n.asText()));
    } else {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CopydeskComposeTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
