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
import java.util.List;

/** Enrichment over the NLP engine: one annotation per article text, shared by the extractors. */
public final class NlpEnricher implements ArticleEnricher {
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
    AnnotatedText headline = article.getHeadline() == null ? null : engine.annotate(article.getHeadline());
    return extract(headline, engine.annotate(article.getBody()));
  }

  /** Everything after the NLP engine: what Copydesk's own code costs, measured apart in the benchmark. */
  public Enrichment extract(AnnotatedText headline, AnnotatedText body) {
    List<Actor> found = actors.extract(headline, body);
    List<Claim> said = claims.extract(body, found);
    return new Enrichment(found, said, figures.extract(body, said));
  }
}
