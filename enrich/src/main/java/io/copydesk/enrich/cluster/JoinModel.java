package io.copydesk.enrich.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Whether an article reports the same event as a candidate: a logistic model over what the
 * clusterer measures of the pair ({@link #FEATURES}). Its weights are fitted on labelled articles,
 * not set by hand: {@code copydesk eval fit-clusters} fits them, reports the fit by
 * cross-validation across topics and incidents, and writes the resource this class reads ({@value
 * #RESOURCE}).
 */
public record JoinModel(double bias, double[] weights) {
  public static final String RESOURCE = "cluster/join-model.properties";

  /**
   * What is measured of an article and a candidate event, in this order: TF-IDF cosine of content
   * terms and of actors against the event as a whole and against its closest recent report; the
   * contradictions against the whole (leading person absent, only different years, different event
   * days) and against that report (how many); whether a recent report gives the same specific
   * number; the publication-time gap to the event's latest report (log of days plus one, 0 when
   * either is undated) and whether it is undated; each cosine where the pair has no contradiction
   * at all; and the event's size (log of reports plus one: a large event's centroid is broader, so
   * the same cosine says more); and whether the place each is most about is absent from the other.
   */
  public static final List<String> FEATURES =
      List.of(
          "centroid_terms",
          "centroid_actors",
          "member_terms",
          "member_actors",
          "person_conflict",
          "year_conflict",
          "day_conflict",
          "member_conflicts",
          "shared_number",
          "log_gap_days",
          "undated",
          "agreeing_terms",
          "agreeing_actors",
          "log_event_size",
          "place_conflict");

  public JoinModel {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException(
          "a join model has " + FEATURES.size() + " weights, not " + weights.length);
    }
    weights = weights.clone();
  }

  /** The probability that the pair with these features reports one event. */
  public double probability(double[] features) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The model shipped with Copydesk. */
  public static JoinModel builtIn() {
    try (InputStream in = JoinModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return parse(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JoinModel parse(Properties p) {
    double[] w = new double[FEATURES.size()];
    for (int i = 0; i < w.length; i++) {
      String v = p.getProperty("weight." + FEATURES.get(i));
      if (v == null) {
        throw new IllegalArgumentException(
            RESOURCE + ": weight." + FEATURES.get(i) + " is missing");
      }
      w[i] = Double.parseDouble(v.strip());
    }
    return new JoinModel(Double.parseDouble(p.getProperty("bias", "").strip()), w);
  }

  /** The model as the resource holds it, after a comment header. */
  public String toProperties(String header) {
    StringBuilder s = new StringBuilder();
    header.lines().forEach(l -> s.append("# ").append(l).append('\n'));
    s.append(String.format(Locale.ROOT, "bias=%.6f%n", bias));
    for (int i = 0; i < weights.length; i++) {
      s.append(String.format(Locale.ROOT, "weight.%s=%.6f%n", FEATURES.get(i), weights[i]));
    }
    return s.toString();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }
}
