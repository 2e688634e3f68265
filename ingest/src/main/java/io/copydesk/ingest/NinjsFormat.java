package io.copydesk.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.copydesk.schema.PubStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPTC ninjs (News in JSON), versions 1.x to 3.x: one news item as one JSON object. The item is
 * validated against the official schema of its major version (see {@link NinjsValidator}), then
 * mapped field by field; the version decides the field names (see {@link NinjsVersion}).
 */
final class NinjsFormat implements WireFormat {
  private static final Logger LOG = LoggerFactory.getLogger(NinjsFormat.class);

  /**
   * Real items nest a dozen levels at most (an address in a contact of a place of an association);
   * Jackson's default allows far more. A low limit stops hostile nesting before the parser or the
   * validator, which recurses, can spend the stack on it.
   */
  private static final int MAX_NESTING = 100;

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                  // Two "uri" or "body_text" keys would leave it to the parser which one counts.
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final String PLAIN_TEXT = "text/plain";

  /** A body as the item gives it, plain text or markup. */
  private record Body(String role, boolean markup, String value) {}

  @Override
  public String name() {
    return "ninjs";
  }

  /**
   * A JSON object with a top-level {@code uri} (or the {@code guid} editorial systems write
   * instead), read with a streaming parser so that a large item is not built twice. Text that opens
   * as a JSON object but breaks, or nests past the limit, before its top-level keys could be read
   * is claimed too: parse then refuses it with the reason, where plain text would publish the
   * braces as a story.
   */
  @Override
  public boolean recognises(String text) {
    if (!text.stripLeading().startsWith("{")) {
      return false;
    }
    try (JsonParser parser = JSON.createParser(text)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        if ("uri".equals(parser.currentName()) || "guid".equals(parser.currentName())) {
          return true;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException {
    JsonNode item = read(text);
    if (!item.isObject()) {
      throw new InputRejectedException(
          "INVALID_NINJS",
          "a ninjs item is one JSON object; this input is a JSON "
              + item.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    NinjsVersion version = NinjsVersion.of(item);
    List<String> unknown = NinjsValidator.validate(version, withUriFromGuid(item.deepCopy()));
    if (!unknown.isEmpty()) {
      LOG.warn(
          "{}: accepted with properties ninjs {} does not define (vendor extensions, ignored): {}",
          input.name(),
          version.schemaVersion,
          String.join(", ", unknown));
    }
    return List.of(story(input, item, version));
  }

  /**
   * Editorial systems (Superdesk and others) export ninjs with {@code guid} where the standard has
   * {@code uri}, in the item and in its {@code associations}. The schema still applies: the guid
   * stands in as the uri for validation, and {@code guid} itself is reported as an extension.
   */
  private static JsonNode withUriFromGuid(JsonNode node) {
    if (node instanceof ObjectNode object
        && !object.has("uri")
        && object.path("guid").isTextual()) {
      object.set("uri", object.get("guid"));
    }
    JsonNode associations = node.path("associations");
    if (associations.isContainerNode()) {
      associations.forEach(NinjsFormat::withUriFromGuid);
    }
    return node;
  }

  private static JsonNode read(String text) throws InputRejectedException {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      if (e instanceof StreamConstraintsException
          || e.getCause() instanceof StreamConstraintsException) {
        throw new InputRejectedException(
            "JSON_LIMIT", "the JSON breaks a parser safety limit: " + e.getOriginalMessage());
      }
      JsonLocation where = e.getLocation();
      String at =
          where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      throw new InputRejectedException(
          "MALFORMED_JSON",
          "the input is not well-formed JSON" + at + ": " + e.getOriginalMessage());
    }
  }

  private static ParsedStory story(InputDocument input, JsonNode item, NinjsVersion version)
      throws InputRejectedException {
    String uri = FirstText.of(text(item, "uri"), text(item, "guid"));
    if (uri == null) {
      throw new InputRejectedException(
          "INVALID_NINJS", "the ninjs uri (or guid), the item's identifier, is blank");
    }
    PubStatus pubstatus = pubStatus(item.path(version.pubStatus));
    String body = body(item, version);
    String headline = headline(item, version);
    // A kill or withhold notice may come without text; refusing it would leave the story it
    // retracts live.
    // A flash or bulletin is a headline alone.
    if (body.isEmpty() && headline == null && pubstatus == PubStatus.usable) {
      throw new InputRejectedException(
          "NO_BODY",
          "the ninjs item has neither a headline nor body text in any plain-text or HTML body");
    }
    Instant firstCreated = timestamp(input, item, version.firstCreated);
    return new ParsedStory(
        id(item, version, uri),
        itemVersion(input, item),
        pubstatus,
        headline,
        text(item, version.structured() ? "by" : "byline"),
        body,
        text(item, "language"),
        firstCreated != null ? firstCreated : timestamp(input, item, version.versionCreated),
        timestamp(input, item, version.embargoed),
        provider(item, version),
        uri,
        input.bytes());
  }

  /**
   * The provider's id for the story, which AP keeps across revisions ({@code itemid}), else the
   * uri.
   */
  private static String id(JsonNode item, NinjsVersion version, String uri) {
    JsonNode altIds = item.path(version.altIds);
    String itemId =
        altIds.isObject() ? text(altIds, "itemid") : text(withRole(altIds, "itemid"), "value");
    return itemId != null ? itemId : uri;
  }

  /**
   * AP sends an integer, the schemas a string; anything that is not a positive whole number counts
   * as 1.
   */
  private static long itemVersion(InputDocument input, JsonNode item) {
    JsonNode node = item.get("version");
    if (node == null) {
      return 1;
    }
    long version = 0;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      version = node.asLong();
    } else if (node.isTextual()) {
      try {
        version = Long.parseLong(node.asText().strip());
      } catch (NumberFormatException e) {
        version = 0;
      }
    }
    if (version < 1) {
      LOG.warn(
          "{}: ninjs version '{}' is not a positive whole number; taken as 1",
          input.name(),
          node.asText());
      return 1;
    }
    return version;
  }

  private static PubStatus pubStatus(JsonNode node) throws InputRejectedException {
    if (node.isMissingNode() || node.isNull()) {
      return PubStatus.usable; // the ninjs default
    }
    for (PubStatus status : PubStatus.values()) {
      if (status.name().equals(node.asText())) {
        return status;
      }
    }
    // The schema's enum refuses this first; kept so that a schema change cannot let it through.
    throw new InputRejectedException(
        "INVALID_NINJS", "unknown ninjs pubstatus '" + node.asText() + "'");
  }

  /**
   * The version's own headline field first; then the other shape, which editorial systems mix in.
   */
  private static String headline(JsonNode item, NinjsVersion version) {
    JsonNode headlines = item.path("headlines");
    JsonNode main = withRole(headlines, "main");
    String structured = text(main.isMissingNode() ? headlines.path(0) : main, "value");
    return version.structured()
        ? FirstText.of(structured, text(item, "headline"))
        : FirstText.of(text(item, "headline"), structured);
  }

  /** Plain text first (it needs no guessing), then markup; the first body that holds any text. */
  private static String body(JsonNode item, NinjsVersion version) {
    for (Body candidate : bodies(item, version)) {
      String paragraphs =
          candidate.markup()
              ? HtmlText.paragraphs(candidate.value())
              : String.join("\n\n", PlainTextFormat.paragraphs(candidate.value()));
      if (!paragraphs.isEmpty()) {
        return paragraphs;
      }
    }
    return "";
  }

  private static List<Body> bodies(JsonNode item, NinjsVersion version) {
    List<Body> bodies = new ArrayList<>();
    if (!version.structured()) {
      addIfText(bodies, new Body(null, false, text(item, "body_text")));
      addIfText(bodies, new Body(null, true, text(item, "body_html")));
      addIfText(bodies, new Body(null, true, text(item, "body_xhtml")));
      addOtherFlatBodies(bodies, item);
      return bodies;
    }
    for (JsonNode entry : item.path("bodies")) {
      String value = text(entry, "value");
      String contentType = text(entry, version.contentType);
      if (value == null) {
        continue;
      }
      // Without a content type the provider decides; markup shows itself by its first character.
      boolean markup = contentType == null ? value.startsWith("<") : isMarkup(contentType);
      if (markup || contentType == null || isPlainText(contentType)) {
        bodies.add(new Body(text(entry, "role"), markup, value));
      }
    }
    bodies.sort(Comparator.comparing(Body::markup).thenComparing(b -> !isMain(b.role())));
    addOtherFlatBodies(bodies, item);
    return bodies;
  }

  /**
   * Flat {@code body_*} fields the standard names do not cover ({@code body_html5}, {@code
   * body_richtext}), and in 2.x and 3.x items the 1.x names too: editorial systems export them.
   * Tried after the standard ones.
   */
  private static void addOtherFlatBodies(List<Body> bodies, JsonNode item) {
    item.fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("body_")) {
                String value = text(item, name);
                if (value != null && bodies.stream().noneMatch(b -> b.value().equals(value))) {
                  bodies.add(
                      new Body(
                          null,
                          name.contains("html") || name.contains("xml") || value.startsWith("<"),
                          value));
                }
              }
            });
  }

  private static void addIfText(List<Body> bodies, Body body) {
    if (body.value() != null) {
      bodies.add(body);
    }
  }

  private static boolean isPlainText(String contentType) {
    return mediaType(contentType).equals(PLAIN_TEXT);
  }

  /**
   * HTML, XHTML and XML vocabularies whose paragraphs are {@code <p>} (NITF); images and the like
   * are skipped.
   */
  private static boolean isMarkup(String contentType) {
    String type = mediaType(contentType);
    return type.contains("html") || type.endsWith("xml");
  }

  /** "text/plain; charset=utf-8" is text/plain. */
  private static String mediaType(String contentType) {
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** A body or headline with no role is the provider's only, hence main, one. */
  private static boolean isMain(String role) {
    return role == null || role.equalsIgnoreCase("main");
  }

  private static Instant timestamp(InputDocument input, JsonNode item, String field) {
    String value = text(item, field);
    Instant instant = IsoTimestamp.parse(value);
    if (value != null && instant == null) {
      LOG.warn(
          "{}: ninjs {} '{}' is not an ISO-8601 date-time; left empty", input.name(), field, value);
    }
    return instant;
  }

  /** The copyright holder, else the first named information source. */
  private static String provider(JsonNode item, NinjsVersion version) {
    String holder = text(item, version.copyrightHolder);
    if (holder != null) {
      return holder;
    }
    for (JsonNode source : item.path(version.infoSources)) {
      String name = text(source, "name");
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  /**
   * The first object in the array whose role is this one, ignoring case; a missing node if none.
   */
  private static JsonNode withRole(JsonNode array, String role) {
    for (JsonNode entry : array) {
      if (role.equalsIgnoreCase(entry.path("role").asText())) {
        return entry;
      }
    }
    return MissingNode.getInstance(); // so callers can read on without null checks
  }

  /** The field's string value, stripped; null when missing, not a string or blank. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
  }
}
