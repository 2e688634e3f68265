package io.copydesk.tools.eval;

import java.util.List;

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares) with an L2 penalty
 * on the weights (not the bias). Small dense problems only: a dozen features, many examples.
 */
final class LogisticFit {
  /** A fitted model: the bias and one weight per feature. */
  record Result(double bias, double[] weights, int iterations) {}

  private LogisticFit() {}

  static Result fit(List<double[]> x, List<Boolean> y, double l2) {
    return fit(x, y, null, l2);
  }

  /** With a weight per example (null: all 1). */
  static Result fit(List<double[]> x, List<Boolean> y, double[] sampleWeights, double l2) {
    if (x.isEmpty()) {
      throw new IllegalArgumentException("no examples to fit");
    }
    int d = x.get(0).length + 1; // bias first
    double[] beta = new double[d];
    int iteration = 0;
    for (; iteration < 50; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int n = 0; n < x.size(); n++) {
        double[] row = withBias(x.get(n));
        double p = sigmoid(dot(beta, row));
        double sw = sampleWeights == null ? 1 : sampleWeights[n];
        double err = sw * ((y.get(n) ? 1 : 0) - p);
        double w = sw * Math.max(p * (1 - p), 1e-9);
        for (int i = 0; i < d; i++) {
          gradient[i] += err * row[i];
          for (int j = 0; j < d; j++) {
            hessian[i][j] += w * row[i] * row[j];
          }
        }
      }
      for (int i = 1; i < d; i++) {
        gradient[i] -= l2 * beta[i];
        hessian[i][i] += l2;
      }
      hessian[0][0] += 1e-9;
      double[] step = solve(hessian, gradient);
      double largest = 0;
      for (int i = 0; i < d; i++) {
        beta[i] += step[i];
        largest = Math.max(largest, Math.abs(step[i]));
      }
      if (largest < 1e-7) {
        break;
      }
    }
    double[] weights = new double[d - 1];
    System.arraycopy(beta, 1, weights, 0, d - 1);
    return new Result(beta[0], weights, iteration + 1);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double[] withBias(double[] features) {
    double[] row = new double[features.length + 1];
    row[0] = 1;
    System.arraycopy(features, 0, row, 1, features.length);
    return row;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive
   * definite).
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = m[i][n];
      for (int j = i + 1; j < n; j++) {
        s -= m[i][j] * x[j];
      }
      x[i] = s / m[i][i];
    }
    return x;
  }
}
