package io.copydesk.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads XML Schema / RFC 3339 date-times (G2 {@code versionCreated}, Atom {@code
 * at:deleted-entry@when}), and the ISO 8601 basic format of NITF and NewsML 1.x ({@code
 * 20240514T083000Z}). G2 allows a bare date or a time without a zone in some fields; both are taken
 * as UTC, the convention of wire services, rather than the zone of the machine that happens to run
 * ingest.
 */
final class XmlDateTimes {
  private static final DateTimeFormatter BASIC_WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss[.SSS]XX");
  private static final DateTimeFormatter BASIC_LOCAL =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  /** The shapes tried in turn, most specific first. */
  private static final List<Function<String, Instant>> SHAPES =
      List.of(
          v -> OffsetDateTime.parse(v).toInstant(),
          v -> LocalDateTime.parse(v).toInstant(ZoneOffset.UTC),
          v -> LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC),
          // ISO 8601 basic format, as NITF norm attributes and NewsML 1.x write it:
          // 20240514T083000+0100
          v -> OffsetDateTime.parse(v.replace("Z", "+0000"), BASIC_WITH_OFFSET).toInstant(),
          v -> LocalDateTime.parse(v, BASIC_LOCAL).toInstant(ZoneOffset.UTC),
          v ->
              LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE)
                  .atStartOfDay()
                  .toInstant(ZoneOffset.UTC));

  private XmlDateTimes() {}

  /** The instant, or null when the value is missing or not a date-time. */
  static Instant parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (Function<String, Instant> shape : SHAPES) {
      try {
        return shape.apply(value.strip());
      } catch (DateTimeParseException e) {
        // not this shape; try the next
      }
    }
    return null;
  }
}
