package io.copydesk.ingest;

import io.copydesk.contract.Sha256;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a format parser found in one story, before cleaning: plain strings, nulls where the input
 * says nothing. {@code body} holds paragraphs separated by a blank line.
 *
 * @param id the input's own story id (ninjs uri, AP itemid, G2 guid, RSS guid), or null to derive
 *     one from the text
 * @param version the input's version, 1 when it has none
 * @param provider the agency or feed that sent it, when named
 * @param uri the item's URI or link, when it has one
 * @param payload the bytes this story came from (the item's own bytes for a feed item; the input
 *     otherwise)
 */
public record ParsedStory(
    String id,
    long version,
    PubStatus pubstatus,
    String headline,
    String byline,
    String body,
    String language,
    Instant publishedAt,
    Instant embargoedUntil,
    String provider,
    String uri,
    byte[] payload) {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");

  /** A story with text only: everything else unknown or default. */
  public static ParsedStory text(String headline, String byline, String body, byte[] payload) {
    return new ParsedStory(
        null, 1, PubStatus.usable, headline, byline, body, null, null, null, null, null, payload);
  }

  public ParsedStory withText(String newHeadline, String newByline, String newBody) {
    return new ParsedStory(
        id,
        version,
        pubstatus,
        newHeadline,
        newByline,
        newBody,
        language,
        publishedAt,
        embargoedUntil,
        provider,
        uri,
        payload);
  }

  /**
   * The raw article: the id derived from the text when the input gave none. No control character
   * but tab and newline reaches a record, whatever the format left in (a stray SOH, a form feed).
   */
  RawArticle toRawArticle(InputDocument input, String format) {
    String id = printable(this.id);
    String headline = printable(this.headline);
    String byline = printable(this.byline);
    String body = printable(this.body);
    String language = printable(this.language);
    String provider = printable(this.provider);
    String uri = printable(this.uri);
    String contentHash = StoryIds.contentHash(headline, body);
    return RawArticle.newBuilder()
        .setId(id != null && !id.isBlank() ? id.strip() : StoryIds.fromContentHash(contentHash))
        .setVersion(version)
        .setPubstatus(pubstatus)
        .setSource(
            Source.newBuilder()
                .setFormat(format)
                .setFile(input.name())
                .setName(provider)
                .setUri(uri)
                .build())
        .setHeadline(headline)
        .setByline(byline)
        .setBody(body)
        .setLanguage(language)
        .setPublishedAt(publishedAt)
        .setEmbargoedUntil(embargoedUntil)
        .setIngestedAt(input.receivedAt())
        .setContentSha256(contentHash)
        .setPayloadSha256(Sha256.hex(payload != null ? payload : input.bytes()))
        .build();
  }

  /**
   * Line ends as newlines; every other control character (C0, DEL, C1) but tab and newline removed.
   */
  static String printable(String text) {
    return text == null
        ? null
        : CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
  }
}
