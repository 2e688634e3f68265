package io.copydesk.enrich.cluster;

import java.util.Collection;
import java.util.Set;

/**
 * What online clustering keeps between articles. In the enrich app these are Kafka Streams state
 * stores with changelogs; in evaluation and tests, memory.
 */
public interface ClusterState {
  /** Number of articles counted in the document frequencies. */
  long documents();

  /** In how many counted articles the term occurs. */
  long documentFrequency(String term);

  void countDocument(Collection<String> terms, int delta);

  EventProfile event(String eventId);

  void putEvent(EventProfile event);

  void deleteEvent(String eventId);

  /** Events indexed under any of these keys (actors and distinctive terms). */
  Set<String> eventsIndexedUnder(Collection<String> keys);

  void index(String eventId, Collection<String> keys);

  void unindex(String eventId, Collection<String> keys);

  /** The event an article is in, or null. */
  String eventOf(String articleId);

  void placeArticle(String articleId, String eventId);

  void forgetArticle(String articleId);

  ArticleProfile profile(String articleId);

  void putProfile(ArticleProfile profile);
}
