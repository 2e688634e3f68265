package io.copydesk.ingest;

import io.copydesk.schema.RawArticle;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Copy that arrives together is published in the order it was first published, not in the order the
 * folder or the feed lists it: a backfill of archive copy is then clustered as the stories
 * happened. Inputs (and the articles inside one input) go by their earliest publication time
 * ({@code firstcreated}, else {@code versioncreated}); inputs with none come after the dated ones;
 * ties keep the order they had (file name), so the order is the same on every run.
 */
public final class PublicationOrdering {
  /** Articles by publication time, undated last; a stable sort keeps ties in input order. */
  public static final Comparator<RawArticle> ARTICLES =
      Comparator.comparing(
          RawArticle::getPublishedAt, Comparator.nullsLast(Comparator.naturalOrder()));

  private PublicationOrdering() {}

  /** The earliest publication time among an input's articles, or null when none has one. */
  static Instant earliest(List<RawArticle> articles) {
    return articles.stream()
        .map(RawArticle::getPublishedAt)
        .filter(t -> t != null)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
