package io.copydesk.enrich;

import io.copydesk.schema.RawArticle;

/**
 * Finds actors, claims and figures in an article. Implementations are shared by all stream threads,
 * so they must be thread-safe; the NLP engine behind one loads once per JVM.
 */
public interface ArticleEnricher {
  Enrichment enrich(RawArticle article);

  /** Finds nothing: the walking skeleton's enricher, until actor and claim extraction land. */
  ArticleEnricher NOTHING = article -> Enrichment.NONE;
}
