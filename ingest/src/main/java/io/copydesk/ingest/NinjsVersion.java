package io.copydesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The three major versions of IPTC ninjs, the schema each is validated against and the names its
 * fields go by. 1.x is flat and lower case, 2.x turns headlines, bodies and alternative ids into
 * arrays, 3.x keeps that structure but writes names in camelCase.
 */
enum NinjsVersion {
  V1(
      "1.6",
      "firstcreated",
      "versioncreated",
      "embargoed",
      "pubstatus",
      "altids",
      "copyrightholder",
      "infosource",
      "contenttype"),
  V2(
      "2.2",
      "firstcreated",
      "versioncreated",
      "embargoed",
      "pubstatus",
      "altids",
      "copyrightholder",
      "infosources",
      "contenttype"),
  V3(
      "3.1",
      "firstCreated",
      "versionCreated",
      "embargoedUntil",
      "pubStatus",
      "altIds",
      "copyrightHolder",
      "infoSources",
      "contentType");

  /** Keys only 3.x spells this way; 1.x and 2.x write them in lower case. */
  private static final List<String> CAMEL_CASE_KEYS =
      List.of(
          "versionCreated",
          "firstCreated",
          "contentCreated",
          "pubStatus",
          "altIds",
          "embargoedUntil",
          "copyrightHolder",
          "copyrightNotice",
          "infoSources",
          "edNote");

  /** Keys 2.x introduced; 1.x has headline, byline and body_* instead. */
  private static final List<String> STRUCTURED_KEYS = List.of("headlines", "bodies", "by");

  final String schemaVersion;
  final String firstCreated;
  final String versionCreated;
  final String embargoed;
  final String pubStatus;
  final String altIds;
  final String copyrightHolder;
  final String infoSources;

  /** The content-type key inside a headline or body object (2.x and 3.x). */
  final String contentType;

  NinjsVersion(
      String schemaVersion,
      String firstCreated,
      String versionCreated,
      String embargoed,
      String pubStatus,
      String altIds,
      String copyrightHolder,
      String infoSources,
      String contentType) {
    this.schemaVersion = schemaVersion;
    this.firstCreated = firstCreated;
    this.versionCreated = versionCreated;
    this.embargoed = embargoed;
    this.pubStatus = pubStatus;
    this.altIds = altIds;
    this.copyrightHolder = copyrightHolder;
    this.infoSources = infoSources;
    this.contentType = contentType;
  }

  /** The shipped schema, under {@code src/main/resources/ninjs/}. */
  String schemaResource() {
    return "/ninjs/ninjs-schema_" + schemaVersion + ".json";
  }

  /**
   * Whether headlines and bodies are arrays of objects (2.x, 3.x) rather than plain strings (1.x).
   */
  boolean structured() {
    return this != V1;
  }

  /**
   * The version an item declares ({@code standard}/{@code $standard} or a {@code $schema} naming a
   * ninjs schema), else the one its keys betray. A declared major we do not know is ignored, so the
   * keys decide; validation then says what does not fit.
   */
  static NinjsVersion of(JsonNode item) {
    for (String declared : declarations(item)) {
      NinjsVersion version = fromDeclaration(declared);
      if (version != null) {
        return version;
      }
    }
    if (CAMEL_CASE_KEYS.stream().anyMatch(item::has)) {
      return V3;
    }
    if (STRUCTURED_KEYS.stream().anyMatch(item::has) || item.path("altids").isArray()) {
      return V2;
    }
    return V1;
  }

  private static List<String> declarations(JsonNode item) {
    JsonNode standard = item.has("standard") ? item.get("standard") : item.path("$standard");
    return List.of(
        standard.path("version").asText(""),
        standard.path("schema").asText(""),
        item.path("$schema").asText(""));
  }

  /** "2.1" or ".../ninjs-schema_2.1.json#" give major 2. */
  private static NinjsVersion fromDeclaration(String declared) {
    String text = declared.strip();
    int marker = text.indexOf("ninjs-schema_");
    if (marker >= 0) {
      text = text.substring(marker + "ninjs-schema_".length());
    } else if (text.contains("/")) {
      return null; // a schema that is not a ninjs one says nothing about the version
    }
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits > 2) {
      return null;
    }
    return switch (Integer.parseInt(text.substring(0, digits))) {
      case 1 -> V1;
      case 2 -> V2;
      case 3 -> V3;
      default -> null;
    };
  }
}
