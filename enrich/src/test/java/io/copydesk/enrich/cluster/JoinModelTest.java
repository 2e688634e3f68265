package io.copydesk.enrich.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JoinModelTest {
  private static Properties read(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  @Test
  void theProbabilityIsTheLogisticOfTheWeightedSum() {
    double[] w = new double[JoinModel.FEATURES.size()];
    w[0] = 2;
    w[4] = -1;
    JoinModel m = new JoinModel(-1, w);
    double[] x = new double[w.length];
    x[0] = 1;
    assertEquals(1 / (1 + Math.exp(-1)), m.probability(x), 1e-12);
    x[4] = 1;
    assertEquals(0.5, m.probability(x), 1e-12);
  }

  @Test
  void aWrittenModelReadsBackAndAMissingWeightIsRefused() throws Exception {
    double[] w = new double[JoinModel.FEATURES.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = i - 3.5;
    }
    JoinModel m = new JoinModel(0.25, w);
    JoinModel back = JoinModel.parse(read(m.toProperties("a header\nof two lines")));
    assertEquals(0.25, back.bias(), 1e-9);
    assertEquals(w[5], back.weights()[5], 1e-9);
    String withoutOne =
        m.toProperties("").replaceAll("weight\\." + JoinModel.FEATURES.get(2) + "=.*\\n", "");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JoinModel.parse(read(withoutOne)));
    assertTrue(e.getMessage().contains(JoinModel.FEATURES.get(2)), e.getMessage());
  }

  @Test
  void theShippedModelLoadsAndFavoursSimilarityOverContradiction() {
    JoinModel m = JoinModel.builtIn();
    double[] w = m.weights();
    assertTrue(w[JoinModel.FEATURES.indexOf("centroid_terms")] > 0);
    assertTrue(w[JoinModel.FEATURES.indexOf("day_conflict")] < 0);
    assertTrue(
        w[JoinModel.FEATURES.indexOf("log_gap_days")] < 0, "a later report needs more evidence");
  }
}
