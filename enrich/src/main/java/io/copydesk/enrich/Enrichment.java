package io.copydesk.enrich;

import io.copydesk.schema.Actor;
import io.copydesk.schema.Claim;
import io.copydesk.schema.Figure;
import java.util.List;

/** What enrichment found in one article. */
public record Enrichment(List<Actor> actors, List<Claim> claims, List<Figure> figures) {
  public static final Enrichment NONE = new Enrichment(List.of(), List.of(), List.of());

  public Enrichment {
    actors = List.copyOf(actors);
    claims = List.copyOf(claims);
    figures = List.copyOf(figures);
  }
}
