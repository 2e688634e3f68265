package io.copydesk.enrich.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NormsTest {
  @Test
  void theSumsGiveTheVectorLengthAtAnyDocumentCount() {
    Random random = new Random(3);
    double[] weights = new double[50];
    long[] frequencies = new long[50];
    Norms.Sums sums = Norms.Sums.NONE;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1 + Math.log(1 + random.nextInt(5));
      frequencies[i] = random.nextInt(1000);
      sums = sums.plus(weights[i], Math.log(frequencies[i] + 1.0));
    }
    // Recorded with these frequencies; read back when 1,000 and when a million documents are in
    // state.
    for (long documents : new long[] {1_000, 1_000_000}) {
      double direct = 0;
      for (int i = 0; i < weights.length; i++) {
        double w = weights[i] * Math.log((documents + 2.0) / (frequencies[i] + 1));
        direct += w * w;
      }
      assertEquals(
          Math.sqrt(direct), sums.lengthAt(Math.log(documents + 2.0)), 1e-9 * Math.sqrt(direct));
    }
  }

  @Test
  void unknownUntilRecorded() {
    assertFalse(Norms.UNKNOWN.known());
    assertFalse(
        new Norms(null, null).known(), "state written before lengths were kept reads as unknown");
    assertTrue(new Norms(Norms.Sums.NONE.plus(1, 0), Norms.Sums.NONE).known());
  }
}
