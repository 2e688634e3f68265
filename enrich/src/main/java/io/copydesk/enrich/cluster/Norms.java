package io.copydesk.enrich.cluster;

/**
 * What gives the lengths of a profile's TF-IDF term vector and salience-times-IDF actor vector,
 * recorded when the profile last changed. Scoring a candidate then reads a few numbers instead of
 * the document frequency of every term it holds (most of the cost with many events in state).
 *
 * <p>A weight is {@code w · (ln(N+2) − ln(df+1))} for N documents, so the squared length is {@code
 * Σw² · L² − 2 · Σw²·ln(df+1) · L + Σw²·ln(df+1)²} with {@code L = ln(N+2)}: kept as the three
 * sums, it follows the growing document count exactly; only the frequencies of the profile's own
 * words are as of its last change. Deterministic: it depends only on what was placed before.
 *
 * @param terms the term vector's sums
 * @param actors the actor vector's sums
 */
public record Norms(Sums terms, Sums actors) {
  /**
   * Not recorded (a new profile, or state written before lengths were kept): computed when needed.
   */
  public static final Norms UNKNOWN = new Norms(Sums.NONE, Sums.NONE);

  public Norms {
    terms = terms == null ? Sums.NONE : terms;
    actors = actors == null ? Sums.NONE : actors;
  }

  boolean known() {
    return terms.squares() > 0 || actors.squares() > 0;
  }

  /**
   * @param squares Σw²
   * @param logs Σw²·ln(df+1)
   * @param logSquares Σw²·ln(df+1)²
   */
  public record Sums(double squares, double logs, double logSquares) {
    static final Sums NONE = new Sums(0, 0, 0);

    Sums plus(double weight, double logFrequency) {
      double w2 = weight * weight;
      return new Sums(
          squares + w2, logs + w2 * logFrequency, logSquares + w2 * logFrequency * logFrequency);
    }

    /** The vector's length when the log of (documents + 2) is this. */
    double lengthAt(double logDocuments) {
      return Math.sqrt(
          Math.max(
              0, squares * logDocuments * logDocuments - 2 * logs * logDocuments + logSquares));
    }
  }
}
