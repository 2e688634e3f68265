package io.copydesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a ninjs item against the official schema of its major version (shipped under {@code
 * resources/ninjs/}). Two deviations from the letter of the schemas, both deliberate:
 *
 * <ul>
 *   <li>Properties the schema does not know (vendor extensions: the strict schemas forbid any) are
 *       reported back for a warning, not refused: agencies routinely add their own fields.
 *   <li>Formats ({@code date-time}, {@code uri}) are not asserted: an unreadable date is a missing
 *       date to the pipeline, not a reason to lose the story, and the mapping warns about it.
 * </ul>
 */
final class NinjsValidator {
  /** How many errors a rejection reason lists. */
  private static final int ERRORS_IN_REASON = 5;

  /**
   * Unknown properties are removed innermost first (see {@link #validate}); nesting bounds the
   * rounds.
   */
  private static final int MAX_ROUNDS = 32;

  private static final Set<String> UNKNOWN_PROPERTY_KEYWORDS =
      Set.of("additionalProperties", "unevaluatedProperties");

  /**
   * The GeoJSON schema that 2.x and 3.x place geometry refers to: not shipped, and never fetched.
   */
  private static final String GEOJSON_SCHEMA = "https://geojson.org/schema/GeoJSON.json";

  private static final Map<NinjsVersion, Schema> SCHEMAS = loadSchemas();

  private NinjsValidator() {}

  /**
   * Validates the item; returns the JSON paths of properties the schema does not define. Throws
   * {@code INVALID_NINJS} for any other violation, naming the first few with their paths.
   */
  static List<String> validate(NinjsVersion version, JsonNode item) throws InputRejectedException {
    Schema schema = SCHEMAS.get(version);
    JsonNode copy = withTextVersion(item);
    List<String> unknown = new ArrayList<>();
    List<Error> errors = schema.validate(copy);
    // When a subschema fails, the properties it did evaluate count as unevaluated one level up, so
    // one unknown property deep inside also flags its innocent ancestors and siblings. Removing the
    // innermost unknown properties and validating again separates the real ones from that echo.
    for (int round = 0; !errors.isEmpty(); round++) {
      List<Error> violations = errors.stream().filter(e -> !isUnknownProperty(e)).toList();
      if (!violations.isEmpty() || round == MAX_ROUNDS) {
        throw new InputRejectedException(
            "INVALID_NINJS", reason(version, violations.isEmpty() ? errors : violations));
      }
      int innermost =
          errors.stream().mapToInt(e -> e.getInstanceLocation().getNameCount()).max().orElse(0);
      for (Error e : errors) {
        if (e.getInstanceLocation().getNameCount() == innermost) {
          unknown.add(e.getInstanceLocation().append(e.getProperty()).toString());
          remove(copy, e.getInstanceLocation(), e.getProperty());
        }
      }
      errors = schema.validate(copy);
    }
    return unknown.stream().distinct().toList();
  }

  /**
   * A copy to validate, with an integer {@code version} written as a string. Every ninjs schema
   * types {@code version} as a string, yet AP sends an integer; the number is unambiguous, so
   * accepting exactly that (and no other type error) costs nothing. A fractional or otherwise odd
   * version still fails validation.
   */
  private static JsonNode withTextVersion(JsonNode item) {
    JsonNode copy = item.deepCopy();
    JsonNode version = copy.get("version");
    if (version != null && version.isIntegralNumber() && copy instanceof ObjectNode object) {
      object.set("version", TextNode.valueOf(version.asText()));
    }
    return copy;
  }

  private static boolean isUnknownProperty(Error error) {
    return UNKNOWN_PROPERTY_KEYWORDS.contains(error.getKeyword()) && error.getProperty() != null;
  }

  private static void remove(JsonNode root, NodePath location, String property) {
    JsonNode node = root;
    for (int i = 0; i < location.getNameCount() && node != null; i++) {
      Object element = location.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(element.toString());
    }
    if (node instanceof ObjectNode object) {
      object.remove(property);
    }
  }

  private static String reason(NinjsVersion version, List<Error> errors) {
    String listed =
        errors.stream()
            .limit(ERRORS_IN_REASON)
            .map(NinjsValidator::describe)
            .collect(Collectors.joining("; "));
    String more =
        errors.size() > ERRORS_IN_REASON
            ? " (and " + (errors.size() - ERRORS_IN_REASON) + " more)"
            : "";
    return "not valid ninjs " + version.schemaVersion + ": " + listed + more;
  }

  private static String describe(Error error) {
    NodePath path = error.getInstanceLocation();
    if (isUnknownProperty(error)) {
      return path.append(error.getProperty()) + " is not a property the schema defines";
    }
    return path + ": " + error.getMessage();
  }

  private static Map<NinjsVersion, Schema> loadSchemas() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_PATH)
            .formatAssertionsEnabled(false)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(config).schemas(Map.of(GEOJSON_SCHEMA, "{}")));
    Map<NinjsVersion, Schema> schemas = new EnumMap<>(NinjsVersion.class);
    for (NinjsVersion version : NinjsVersion.values()) {
      Schema schema =
          registry.getSchema(
              SchemaLocation.of("classpath:" + version.schemaResource()),
              resource(version.schemaResource()),
              InputFormat.JSON);
      schema
          .initializeValidators(); // resolve every $ref now, so a broken schema fails on the first
      // item, not on a rare one
      schemas.put(version, schema);
    }
    return schemas;
  }

  private static String resource(String name) {
    try (InputStream in = NinjsValidator.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
