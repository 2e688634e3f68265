package io.copydesk.enrich;

import io.copydesk.enrich.actors.ActorExtractor;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.claims.ClaimExtractor;
import io.copydesk.enrich.claims.FigureExtractor;
import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.NlpEngine;
import io.copydesk.schema.Actor;
import io.copydesk.schema.Claim;
import io.copydesk.schema.RawArticle;
import java.time.ZoneOffset;
import java.util.List;

/** Enrichment over the NLP engine: one annotation per article text, shared by the extractors. */
public final class NlpEnricher implements ArticleEnricher {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NlpEnricher.class);
  private final NlpEngine engine;
  private final ActorExtractor actors;
  private final ClaimExtractor claims = new ClaimExtractor();
  private final FigureExtractor figures = new FigureExtractor();

  public NlpEnricher(NlpEngine engine, KnowledgeBase knowledge) {
    this.engine = engine;
    this.actors = new ActorExtractor(knowledge);
  }

  @Override
  public Enrichment enrich(RawArticle article) {
    AnnotatedText headline =
        article.getHeadline() == null ? null : engine.annotate(article.getHeadline());
    Integer year =
        article.getPublishedAt() == null
            ? null
            : article.getPublishedAt().atZone(ZoneOffset.UTC).getYear();
    return extract(headline, engine.annotate(article.getBody()), year);
  }

  /** Everything after the NLP engine, for an article without a date. */
  public Enrichment extract(AnnotatedText headline, AnnotatedText body) {
    return extract(headline, body, null);
  }

  /**
   * Everything after the NLP engine: what Copydesk's own code costs, measured apart in the
   * benchmark. {@code year} is the article's publication year (null if unknown), against which
   * figures dated earlier are background.
   */
  public Enrichment extract(AnnotatedText headline, AnnotatedText body, Integer year) {
    // Each stage on its own: a bug in one must not cost the article the others, nor the article
    // itself.
    List<Actor> found = guarded("actors", () -> actors.extract(headline, body));
    List<Claim> said = guarded("claims", () -> claims.extract(body, found));
    return new Enrichment(found, said, guarded("figures", () -> figures.extract(body, said, year)));
  }

  private static <T> List<T> guarded(String stage, java.util.function.Supplier<List<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      LOG.error("{} extraction failed; the article goes on without {}", stage, stage, e);
      return List.of();
    }
  }
}
