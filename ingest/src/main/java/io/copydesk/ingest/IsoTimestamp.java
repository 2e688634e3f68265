package io.copydesk.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 date-times as wire services write them: {@code 2024-03-05T14:30:00Z}, with an offset
 * written {@code +01:00} or {@code +0100}, with or without fractions, or with no offset at all.
 */
final class IsoTimestamp {
  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT); // 30 February is an error, not 29 February

  private IsoTimestamp() {}

  /**
   * The instant, or null when the text is not such a date-time. A time without an offset is taken
   * as UTC: feeds that omit it are, in practice, in UTC, and any fixed choice keeps ids and
   * ordering reproducible where the machine's zone would not.
   */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      TemporalAccessor parsed =
          FORMAT.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime withOffset
          ? withOffset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
