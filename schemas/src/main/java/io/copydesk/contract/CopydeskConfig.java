package io.copydesk.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Copydesk's configuration, in layers, each overriding the one before: the defaults, an optional
 * properties file, the environment, then explicit overrides (command-line options). Each module
 * ships the defaults of its own keys as a {@value #DEFAULTS_RESOURCE} resource (this module those
 * every stage shares: Kafka, topics, record encoding); the defaults are all of them found on the
 * classpath, and a key two modules define is refused. Each module reads its keys through a typed
 * settings record ({@code SinkSettings.from(config)} …). Keys are lower case with dots. From the
 * environment, {@code COPYDESK_TOPIC_RAW_NAME} sets {@code topic.raw.name} and {@code
 * KAFKA_BOOTSTRAP_SERVERS} sets the Kafka client property {@code bootstrap.servers} (stored as
 * {@code kafka.bootstrap.servers}).
 */
public final class CopydeskConfig {
  public static final String DEFAULTS_RESOURCE = "copydesk-defaults.properties";

  /** Keys under this prefix are handed to Kafka clients with the prefix removed. */
  public static final String KAFKA_PREFIX = "kafka.";

  private final Map<String, String> values;

  private CopydeskConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Defaults only. */
  public static CopydeskConfig defaults() {
    return new CopydeskConfig(readDefaults());
  }

  /**
   * Defaults, then the file (if not null), then the given environment. A key the file or the
   * environment sets that Copydesk does not know (a misspelling, a key of another version) is
   * refused with {@link UnknownKeyException}, naming the nearest known key; {@code kafka.*} keys go
   * to the Kafka clients as they are.
   */
  public static CopydeskConfig load(Path file, Map<String, String> environment) {
    Map<String, String> values = readDefaults();
    Set<String> known = Set.copyOf(values.keySet());
    Map<String, String> given = new TreeMap<>();
    if (file != null) {
      given.putAll(readFile(file));
    }
    given.putAll(fromEnvironment(environment));
    for (String key : given.keySet()) {
      if (!known.contains(key) && !key.startsWith(KAFKA_PREFIX)) {
        throw new UnknownKeyException(key, nearest(key, known));
      }
    }
    values.putAll(given);
    return new CopydeskConfig(values);
  }

  /** A configuration key nobody reads: refused at start rather than silently ignored. */
  public static final class UnknownKeyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownKeyException(String key, String nearest) {
      super(
          "unknown configuration key "
              + key
              + " (environment "
              + environmentName(key)
              + ")"
              + (nearest == null
                  ? ""
                  : "; did you mean " + nearest + " (" + environmentName(nearest) + ")?"));
    }
  }

  /**
   * The known key fewest single-character edits away, or null when none is close (more than a third
   * of the key differs).
   */
  static String nearest(String key, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : new java.util.TreeSet<>(known)) {
      int d = editDistance(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 3) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** A copy with one key set (an explicit override such as a command-line option). */
  public CopydeskConfig with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new CopydeskConfig(copy);
  }

  public String string(String key) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "missing configuration key " + key + " (environment " + environmentName(key) + ")");
    }
    return value.trim();
  }

  public String string(String key, String fallback) {
    String value = values.get(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  public int integer(String key) {
    return integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  public int integer(String key, int min, int max) {
    return (int) whole(key, "a whole number", min, max);
  }

  /** Milliseconds, a whole number not below 0. */
  public long duration(String key) {
    return duration(key, 0);
  }

  /** Milliseconds, a whole number not below {@code min}. */
  public long duration(String key, long min) {
    return whole(key, "milliseconds", min, Long.MAX_VALUE);
  }

  /** A size in bytes, a whole number not below {@code min}. */
  public long bytes(String key, long min) {
    return whole(key, "a number of bytes", min, Long.MAX_VALUE);
  }

  /** A number (a decimal point allowed) from {@code min} to {@code max}, both included. */
  public double decimal(String key, double min, double max) {
    String value = string(key);
    double number;
    try {
      number = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw invalid(key, "must be a number", value);
    }
    if (!(number >= min && number <= max)) {
      throw invalid(
          key,
          max == Double.POSITIVE_INFINITY
              ? "must be at least " + min
              : "must be from " + min + " to " + max,
          value);
    }
    return number;
  }

  /**
   * {@code true} or {@code false} (any case); anything else is refused rather than read as false.
   */
  public boolean flag(String key) {
    String value = string(key);
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw invalid(key, "must be true or false", value);
  }

  /**
   * A value a settings record refuses, as every record words it: {@code configuration key K
   * (environment COPYDESK_K) <requirement>, not 'value'}.
   */
  public static IllegalArgumentException invalid(String key, String requirement, Object value) {
    return new IllegalArgumentException(
        "configuration key "
            + key
            + " (environment "
            + environmentName(key)
            + ") "
            + requirement
            + ", not '"
            + value
            + "'");
  }

  private long whole(String key, String what, long min, long max) {
    String value = string(key);
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(key, "must be " + what, value);
    }
    if (number < min || number > max) {
      String range =
          min == Integer.MIN_VALUE
              ? "at most " + max
              : max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                  ? "at least " + min
                  : "from " + min + " to " + max;
      throw invalid(key, "must be " + range, value);
    }
    return number;
  }

  /** Kafka client properties: every {@code kafka.*} key without its prefix. */
  public Properties kafka() {
    Properties props = new Properties();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(KAFKA_PREFIX) && !value.isBlank()) {
            props.put(key.substring(KAFKA_PREFIX.length()), value.trim());
          }
        });
    return props;
  }

  public Map<String, String> asMap() {
    return values;
  }

  /** What a log line about the configuration may show: every key, secrets as {@value #HIDDEN}. */
  public Map<String, String> redacted() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((key, value) -> shown.put(key, isSecret(key) ? HIDDEN : value));
    return shown;
  }

  public static final String HIDDEN = "[hidden]";

  /**
   * Kafka's client properties of type PASSWORD (SSL passwords and keys, sasl.jaas.config, OAuth
   * secrets ...).
   */
  private static final Set<String> KAFKA_PASSWORDS = kafkaPasswordNames();

  /** Anything else named like a credential, ours or a library's (registry passwords, tokens). */
  private static final Pattern SECRET_NAME =
      Pattern.compile("password|passwd|secret|token|credential|jaas|private|\\.key$");

  /** Whether a key's value must never be shown. */
  public static boolean isSecret(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    String client = name.startsWith(KAFKA_PREFIX) ? name.substring(KAFKA_PREFIX.length()) : name;
    return KAFKA_PASSWORDS.contains(client) || SECRET_NAME.matcher(name).find();
  }

  private static Set<String> kafkaPasswordNames() {
    Set<String> names = new HashSet<>();
    for (ConfigDef def :
        List.of(
            ProducerConfig.configDef(),
            ConsumerConfig.configDef(),
            AdminClientConfig.configDef())) {
      def.configKeys()
          .forEach(
              (name, key) -> {
                if (key.type() == ConfigDef.Type.PASSWORD) {
                  names.add(name);
                }
              });
    }
    return Set.copyOf(names);
  }

  /** The environment variable that overrides a key. */
  public static String environmentName(String key) {
    String upper = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return key.startsWith(KAFKA_PREFIX) ? upper : "COPYDESK_" + upper;
  }

  /**
   * COPYDESK_* variables that are not configuration keys: the launcher's JVM options and the log
   * settings.
   */
  static final Set<String> NOT_KEYS =
      Set.of("COPYDESK_JAVA_OPTS", "COPYDESK_LOG_LEVEL", "COPYDESK_LOG_FORMAT");

  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> values = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (NOT_KEYS.contains(name)) {
            return;
          }
          if (name.startsWith("COPYDESK_") && name.length() > "COPYDESK_".length()) {
            values.put(keyOf(name.substring("COPYDESK_".length())), value);
          } else if (name.startsWith("KAFKA_")
              && name.length() > "KAFKA_".length()
              && !name.endsWith("_OPTS")) {
            // *_OPTS (KAFKA_HEAP_OPTS, KAFKA_OPTS ...) belong to Kafka's scripts, not to clients.
            values.put(KAFKA_PREFIX + keyOf(name.substring("KAFKA_".length())), value);
          }
        });
    return values;
  }

  private static String keyOf(String environmentSuffix) {
    return environmentSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Map<String, String> readDefaults() {
    return readDefaults(CopydeskConfig.class.getClassLoader());
  }

  /**
   * Every {@value #DEFAULTS_RESOURCE} the class loader finds, merged. A module on the classpath
   * twice (the launcher lists the tools' classpath after the product's) is read once: resources of
   * equal content are one. A key two different resources define is refused, naming both.
   */
  static Map<String, String> readDefaults(ClassLoader loader) {
    Map<String, String> values = new TreeMap<>();
    Map<String, URL> definedBy = new HashMap<>();
    Set<String> read = new HashSet<>();
    try {
      for (URL url : Collections.list(loader.getResources(DEFAULTS_RESOURCE))) {
        String text;
        try (InputStream in = url.openStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!read.add(text)) {
          continue;
        }
        Properties props = new Properties();
        props.load(new StringReader(text));
        for (Map.Entry<String, String> entry : toMap(props).entrySet()) {
          URL other = definedBy.putIfAbsent(entry.getKey(), url);
          if (other != null) {
            throw new IllegalStateException(
                "configuration key "
                    + entry.getKey()
                    + " has defaults in two modules: "
                    + other
                    + " and "
                    + url
                    + "; each key belongs to one module");
          }
          values.put(entry.getKey(), entry.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (read.isEmpty()) {
      throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
    }
    return values;
  }

  private static Map<String, String> readFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties props = new Properties();
      props.load(reader);
      return toMap(props);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> toMap(Properties props) {
    Map<String, String> map = new TreeMap<>();
    props.stringPropertyNames().forEach(name -> map.put(name, props.getProperty(name)));
    return map;
  }
}
