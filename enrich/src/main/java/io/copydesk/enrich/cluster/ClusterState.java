package io.copydesk.enrich.cluster;

import java.util.List;

/**
 * What online clustering keeps between articles, as plain keyed values: in the enrich app these are
 * Kafka Streams state stores with changelogs; in evaluation, benchmarks and tests, memory. The
 * rules for using them (counting, indexing, capping) live in {@link EventClusterer}, so every
 * implementation clusters alike.
 */
public interface ClusterState {
  /**
   * A counter: document frequencies of terms and actors, and the number of documents. 0 when
   * absent.
   */
  long count(String key);

  /** Sets a counter; 0 removes it. */
  void putCount(String key, long value);

  EventProfile event(String eventId);

  void putEvent(EventProfile event);

  void deleteEvent(String eventId);

  /**
   * The entries of the events indexed under a key (an actor or a distinctive term), oldest first:
   * each an event id and when it was filed, written by the clusterer ({@link
   * EventClusterer#eventOfPosting} reads the event id back).
   */
  List<String> postings(String key);

  /**
   * Replaces a key's postings (entries as {@link #postings} returns them); empty removes the key.
   */
  void putPostings(String key, List<String> eventIds);

  /** The event an article is in, or null. */
  String eventOf(String articleId);

  void placeArticle(String articleId, String eventId);

  /** Forgets an article: its event and its profile. */
  void forgetArticle(String articleId);

  ArticleProfile profile(String articleId);

  void putProfile(ArticleProfile profile);
}
