package io.strandsetl.quality;

/**
 * When a dataset's overall score is an anomaly against its own history.
 *
 * @param window how many previous runs are compared (the most recent ones)
 * @param k how many scaled MADs below the median counts as an anomaly
 * @param maxDrop a drop of more than this (a fraction, 0.10 = 10 points) since the previous run is
 *     an anomaly whatever the history's spread
 * @param minHistory the fewest previous runs before the median/MAD rule applies
 */
public record AnomalyPolicy(int window, double k, double maxDrop, int minHistory) {
  /** The smallest spread assumed, so a perfectly stable history does not flag a 0.001 dip. */
  static final double MIN_SPREAD = 0.01;

  /** Scales the MAD to a standard deviation for normally distributed scores. */
  static final double MAD_SCALE = 1.4826;

  public AnomalyPolicy {
    if (window < 1 || minHistory < 1 || !(k > 0) || !(maxDrop > 0 && maxDrop <= 1)) {
      throw new IllegalArgumentException(
          "anomaly policy: window and min_history >= 1, k > 0, max_drop in (0, 1]");
    }
  }

  public static AnomalyPolicy defaults() {
    return new AnomalyPolicy(10, 3.0, 0.10, 5);
  }
}
