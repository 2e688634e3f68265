package io.copydesk.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.enrich.Enrichment;
import io.copydesk.enrich.NlpEnricher;
import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.ClusterSettings;
import io.copydesk.enrich.cluster.EventClusterer;
import io.copydesk.enrich.cluster.InMemoryClusterState;
import io.copydesk.enrich.cluster.JoinModel;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.RawArticle;
import io.copydesk.tools.ArticleFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of articles enriched and profiled for clustering, in the order a scan publishes them,
 * with each article's gold event. The gold names articles by id or by file stem.
 *
 * @param keyOf article id to the gold's key for it
 * @param goldOf gold key to gold event
 */
record LabelledProfiles(
    List<ArticleProfile> profiles, Map<String, String> keyOf, Map<String, String> goldOf) {
  static LabelledProfiles load(Path input, Path gold, NlpEnricher enricher) throws IOException {
    Map<String, String> goldOf = goldEvents(new ObjectMapper().readTree(gold.toFile()));
    List<ArticleProfile> profiles = new ArrayList<>();
    Map<String, String> keyOf = new HashMap<>();
    for (ArticleFolder.Entry entry : ArticleFolder.read(input)) {
      RawArticle a = entry.article();
      Enrichment found = enricher.enrich(a);
      EnrichedArticle e =
          EnrichedArticle.newBuilder()
              .setArticle(a)
              .setActors(found.actors())
              .setClaims(found.claims())
              .setFigures(found.figures())
              .setEnrichedAt(Instant.EPOCH)
              .build();
      profiles.add(ArticleProfile.of(e));
      keyOf.put(a.getId(), goldOf.containsKey(a.getId()) ? a.getId() : entry.stem());
    }
    return new LabelledProfiles(profiles, keyOf, goldOf);
  }

  /** The gold event of an article, or null when the gold does not label it. */
  String goldEvent(ArticleProfile p) {
    return goldOf.get(keyOf.get(p.id()));
  }

  /**
   * Clusters articles online in the given order, as the pipeline would, and returns gold key to
   * event as the state holds it at the end (a later article may split an event).
   */
  Map<String, String> clusterOnline(
      List<ArticleProfile> ordered, ClusterSettings settings, JoinModel model) {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer clusterer = new EventClusterer(state, settings, model);
    for (ArticleProfile p : ordered) {
      clusterer.place(p, Instant.EPOCH);
    }
    Map<String, String> system = new HashMap<>();
    for (ArticleProfile p : ordered) {
      system.put(keyOf.get(p.id()), state.eventOf(p.id()));
    }
    return system;
  }

  /** Gold as {"id or stem": "event"} or {"events": {"event": [ids or stems]}}. */
  static Map<String, String> goldEvents(JsonNode gold) {
    Map<String, String> goldOf = new HashMap<>();
    if (gold.has("events")) {
      gold.path("events")
          .properties()
          .forEach(e -> e.getValue().forEach(id -> goldOf.put(id.asText(), e.getKey())));
    } else {
      gold.properties().forEach(e -> goldOf.put(e.getKey(), e.getValue().asText()));
    }
    return goldOf;
  }
}
