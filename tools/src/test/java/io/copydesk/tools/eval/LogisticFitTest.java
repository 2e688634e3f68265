package io.copydesk.tools.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticFitTest {
  @Test
  void recoversTheWeightsThatGeneratedTheLabels() {
    Random random = new Random(7);
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < 20000; i++) {
      double[] row = {random.nextDouble(), random.nextDouble() < 0.3 ? 1 : 0};
      double p = LogisticFit.sigmoid(-1 + 3 * row[0] - 2 * row[1]);
      x.add(row);
      y.add(random.nextDouble() < p);
    }
    LogisticFit.Result r = LogisticFit.fit(x, y, 0.0);
    assertEquals(-1, r.bias(), 0.15);
    assertEquals(3, r.weights()[0], 0.2);
    assertEquals(-2, r.weights()[1], 0.15);
  }

  @Test
  void examplesWeighedDoubleCountAsTwiceAsMany() {
    List<double[]> x =
        List.of(new double[] {1}, new double[] {1}, new double[] {0}, new double[] {0});
    List<Boolean> y = List.of(true, false, true, false);
    LogisticFit.Result even = LogisticFit.fit(x, y, 0.0);
    assertEquals(0, even.weights()[0], 1e-6);
    LogisticFit.Result weighted = LogisticFit.fit(x, y, new double[] {3, 1, 1, 1}, 0.0);
    assertTrue(
        weighted.weights()[0] > 1, "three to one for x=1: P(y) = 0.75, log-odds ln 3 above x=0");
    assertEquals(Math.log(3), weighted.weights()[0], 1e-6);
  }

  @Test
  void solvesALinearSystem() {
    double[] x = LogisticFit.solve(new double[][] {{4, 1}, {1, 3}}, new double[] {1, 2});
    assertArrayEquals(new double[] {1.0 / 11, 7.0 / 11}, x, 1e-12);
  }
}
