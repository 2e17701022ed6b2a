package io.strandsetl.eventlog;

import com.tdunning.math.stats.TDigest;
import io.strandsetl.model.run.Distribution;
import java.util.Arrays;

/**
 * Per-stage distribution of one task value. The first {@value #EXACT_LIMIT} values are kept as they
 * are (quantiles exact, linear interpolation between ranks); beyond that they go into a t-digest
 * (compression 200), so memory stays a few KB per stage whatever the task count. Count, min, max
 * and sum are always exact.
 */
final class Sketch {
  static final int EXACT_LIMIT = 2048;
  private static final double COMPRESSION = 200;

  private double[] exact = new double[16];
  private int n;
  private TDigest digest;
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double sum;

  void add(double value) {
    count++;
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (digest != null) {
      digest.add(value);
      return;
    }
    if (n == exact.length) {
      if (n >= EXACT_LIMIT) {
        digest = TDigest.createMergingDigest(COMPRESSION);
        for (int i = 0; i < n; i++) {
          digest.add(exact[i]);
        }
        digest.add(value);
        exact = null;
        return;
      }
      exact = Arrays.copyOf(exact, n * 2);
    }
    exact[n++] = value;
  }

  Distribution toDistribution() {
    if (count == 0) {
      return Distribution.EMPTY;
    }
    if (digest != null) {
      return new Distribution(
          count,
          min,
          clamp(digest.quantile(0.25)),
          clamp(digest.quantile(0.5)),
          clamp(digest.quantile(0.75)),
          clamp(digest.quantile(0.95)),
          max,
          sum);
    }
    double[] sorted = Arrays.copyOf(exact, n);
    Arrays.sort(sorted);
    return new Distribution(
        count,
        min,
        quantile(sorted, 0.25),
        quantile(sorted, 0.5),
        quantile(sorted, 0.75),
        quantile(sorted, 0.95),
        max,
        sum);
  }

  private double clamp(double q) {
    return Math.max(min, Math.min(max, q));
  }

  private static double quantile(double[] sorted, double q) {
    double rank = q * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }
}
