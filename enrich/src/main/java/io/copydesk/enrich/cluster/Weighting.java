package io.copydesk.enrich.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/**
 * TF-IDF over the document frequencies kept in the clustering state: how much each content term and
 * each actor weighs, the cosines between an article and an event or a report, and the hand-set pair
 * score built on them. Frequencies are read once per operation and remembered until the counts
 * change ({@link #forget}).
 */
final class Weighting {
  /** Document-frequency keys of actors start with this; terms never do. */
  private static final String ACTOR_KEY = "@";

  /** The counter of documents; terms and actor keys never start with '#'. */
  private static final String DOCUMENTS = "#documents";

  private final ClusterState state;
  private final ClusterSettings settings;
  private final Map<String, Double> idf = new HashMap<>();

  /** The document count behind {@link #idf}: read once per operation, not once per term. */
  private long documents;

  Weighting(ClusterState state, ClusterSettings settings) {
    this.state = state;
    this.settings = settings;
  }

  /** A weighted vector with its norm, computed once. */
  record Vector(Map<String, Double> weights, double norm) {
    Vector(Map<String, Double> weights) {
      this(weights, norm(weights));
    }

    private static double norm(Map<String, Double> v) {
      double s = 0;
      for (double x : v.values()) {
        s += x * x;
      }
      return Math.sqrt(s);
    }
  }

  /**
   * Rounded: sums over hash maps add in an order that differs between JVMs, and near-identical
   * reports tie; the last bits must not decide, so a replay in another process decides alike.
   */
  static double rounded(double score) {
    return Math.rint(score * 1e9) / 1e9;
  }

  /** The counts changed (or a new operation starts): frequencies are read afresh. */
  void forget() {
    idf.clear();
    documents = state.count(DOCUMENTS);
  }

  /** Documents counted as of the last {@link #forget}: a clock that moves with every placement. */
  long documents() {
    return documents;
  }

  /** Counts an article's terms and actors in (+1) or out (-1) of the document frequencies. */
  void countDocument(ArticleProfile a, int delta) {
    Set<String> keys = new HashSet<>(a.terms().keySet());
    a.actors().keySet().forEach(actor -> keys.add(ACTOR_KEY + actor));
    state.putCount(DOCUMENTS, state.count(DOCUMENTS) + delta);
    for (String key : keys) {
      state.putCount(key, Math.max(0, state.count(key) + delta));
    }
    forget();
  }

  Vector terms(ArticleProfile a) {
    return new Vector(tfidf(a.terms()));
  }

  Vector actors(ArticleProfile a) {
    Map<String, Double> v = new HashMap<>();
    a.actors().forEach((actor, salience) -> v.put(actor, actorWeight(actor, salience)));
    return new Vector(v);
  }

  Map<String, Double> tfidf(Map<String, Integer> counts) {
    Map<String, Double> v = new HashMap<>();
    counts.forEach((term, tf) -> v.put(term, termWeight(term, tf)));
    return v;
  }

  /** The hand-set pair score: terms weight x terms cosine + actors weight x actors cosine. */
  double pair(
      Vector terms,
      Vector actors,
      Map<String, Integer> otherTerms,
      Map<String, Double> otherActors,
      Norms other) {
    return pair(cosines(terms, actors, otherTerms, otherActors, other));
  }

  /** The hand-set pair score from cosines already computed ({@link #cosines}). */
  double pair(double[] cosines) {
    return settings.termWeight() * cosines[0] + settings.actorWeight() * cosines[1];
  }

  /** The pair score cut once by the conflict factor for each of {@code contradictions}. */
  double cut(double score, int contradictions) {
    double factor = 1;
    for (int i = 0; i < contradictions; i++) {
      factor *= settings.conflictFactor();
    }
    return score * factor;
  }

  /**
   * The TF-IDF cosine of terms and of actors, in that order; the other side's lengths from {@code
   * other} when known.
   */
  double[] cosines(
      Vector terms,
      Vector actors,
      Map<String, Integer> otherTerms,
      Map<String, Double> otherActors,
      Norms other) {
    Norms known = other.known() ? other : normsOf(otherTerms, otherActors);
    double logDocuments = Math.log(documents + 2.0);
    return new double[] {
      cosine(terms, otherTerms, this::termWeight, known.terms().lengthAt(logDocuments)),
      cosine(actors, otherActors, this::actorWeight, known.actors().lengthAt(logDocuments))
    };
  }

  /** What gives the lengths of a profile's weighted vectors, from today's document frequencies. */
  Norms normsOf(Map<String, Integer> terms, Map<String, Double> actors) {
    double logDocuments = Math.log(documents + 2.0);
    Norms.Sums t = Norms.Sums.NONE;
    for (Map.Entry<String, Integer> x : terms.entrySet()) {
      t = t.plus(frequencyWeight(x.getValue()), logDocuments - idf(x.getKey()));
    }
    Norms.Sums a = Norms.Sums.NONE;
    for (Map.Entry<String, Double> x : actors.entrySet()) {
      a = a.plus(x.getValue(), logDocuments - idf(ACTOR_KEY + x.getKey()));
    }
    return new Norms(t, a);
  }

  /**
   * Cosine against raw values, weighting the other side on the fly (no map built: this is the hot
   * path); the other side's length is the one recorded with it.
   */
  private static <V> double cosine(
      Vector a, Map<String, V> other, ToDoubleBiFunction<String, V> weight, double otherLength) {
    if (a.weights().isEmpty() || other.isEmpty()) {
      return 0;
    }
    double dot = 0;
    for (Map.Entry<String, Double> x : a.weights().entrySet()) {
      V value = other.get(x.getKey());
      if (value != null) {
        dot += x.getValue() * weight.applyAsDouble(x.getKey(), value);
      }
    }
    return dot == 0 ? 0 : dot / (a.norm() * otherLength);
  }

  private double termWeight(String term, int tf) {
    return frequencyWeight(tf) * idf(term);
  }

  /**
   * How much repeating a term in a text adds: sublinear, so one word said ten times does not swamp
   * the rest.
   */
  private static double frequencyWeight(int tf) {
    return 1 + Math.log(tf);
  }

  /**
   * By salience and by rarity: a president in every report tells events apart less than a local
   * mayor.
   */
  private double actorWeight(String actor, double salience) {
    return salience * idf(ACTOR_KEY + actor);
  }

  /**
   * Inverse document frequency, remembered while one article is placed (the state does not change
   * meanwhile).
   */
  private double idf(String key) {
    Double known = idf.get(key);
    if (known == null) {
      known = Math.log((documents + 2.0) / (state.count(key) + 1));
      idf.put(key, known);
    }
    return known;
  }
}
