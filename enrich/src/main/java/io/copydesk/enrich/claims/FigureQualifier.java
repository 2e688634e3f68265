package io.copydesk.enrich.claims;

import java.util.List;
import java.util.Locale;

/**
 * The words that qualify a figure ("at least 7", "nearly 40") and the range of counts each leaves
 * open, so that two figures can be told to agree ("at least 40" and 42) or not ("4" and "at least
 * 7"). An approximate figure ("about 40") is read as within a tenth of its value.
 */
public enum FigureQualifier {
  AT_LEAST(Bound.LOWER, "at", "least"),
  MORE_THAN(Bound.LOWER, "more", "than"),
  FEWER_THAN(Bound.UPPER, "fewer", "than"),
  LESS_THAN(Bound.UPPER, "less", "than"),
  UP_TO(Bound.UPPER, "up", "to"),
  AT_MOST(Bound.UPPER, "at", "most"),
  AS_MANY_AS(Bound.UPPER, "as", "many", "as"),
  ABOUT(Bound.APPROXIMATE, "about"),
  AROUND(Bound.APPROXIMATE, "around"),
  NEARLY(Bound.JUST_UNDER, "nearly"),
  ALMOST(Bound.JUST_UNDER, "almost"),
  OVER(Bound.LOWER, "over"),
  SOME(Bound.APPROXIMATE, "some"),
  ROUGHLY(Bound.APPROXIMATE, "roughly"),
  APPROXIMATELY(Bound.APPROXIMATE, "approximately"),
  AN_ESTIMATED(Bound.APPROXIMATE, "an", "estimated"),
  /**
   * A count added to an earlier one ("another four", "four other people"): the whole is at least
   * this.
   */
  ANOTHER(Bound.LOWER, "another");

  private static final double APPROXIMATION = 0.1;

  private enum Bound {
    LOWER,
    UPPER,
    APPROXIMATE,
    JUST_UNDER
  }

  private final Bound bound;
  private final List<String> words;

  FigureQualifier(Bound bound, String... words) {
    this.bound = bound;
    this.words = List.of(words);
  }

  /** The words as a figure carries them: "at least". */
  public String text() {
    return String.join(" ", words);
  }

  List<String> words() {
    return words;
  }

  /**
   * The qualifier a figure carries, or null for an exact figure or words this enum does not know.
   */
  public static FigureQualifier of(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (FigureQualifier q : values()) {
      if (q.text().equals(t)) {
        return q;
      }
    }
    return null;
  }

  /**
   * The counts a figure of {@code value} with {@code qualifier} (null: exact) allows, as {lowest,
   * highest}.
   */
  public static double[] range(double value, String qualifier) {
    FigureQualifier q = of(qualifier);
    if (q == null) {
      return new double[] {value, value};
    }
    return switch (q.bound) {
      case LOWER -> new double[] {value, Double.POSITIVE_INFINITY};
      case UPPER -> new double[] {0, value};
      case APPROXIMATE -> new double[] {value * (1 - APPROXIMATION), value * (1 + APPROXIMATION)};
      case JUST_UNDER -> new double[] {value * (1 - APPROXIMATION), value};
    };
  }

  /** Whether both figures can be true at once: their ranges meet. */
  public static boolean agree(double a, String qualifierA, double b, String qualifierB) {
    double[] x = range(a, qualifierA);
    double[] y = range(b, qualifierB);
    return x[0] <= y[1] && y[0] <= x[1];
  }
}
