package io.strandsetl.cost.anomaly;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/**
 * When a day's cost is anomalous: above {@code median + k × MAD} of the trailing window (MAD scaled
 * by 1.4826 so it estimates a standard deviation for normal data) AND at least {@code minUsd} AND
 * {@code minPercent} above the median (both gates, as AWS Cost Anomaly Detection does).
 *
 * @param k MAD multiplier ({@code cost.anomaly.k}, default 3)
 * @param minUsd dollar gate ({@code cost.anomaly.min-usd}, default 5)
 * @param minPercent percentage gate ({@code cost.anomaly.min-percent}, default 25)
 * @param windowDays trailing days in the baseline ({@code cost.anomaly.window-days}, default 28)
 * @param minHistoryDays days of baseline needed before a day is judged (default 7)
 */
public record AnomalyRule(
    double k, double minUsd, double minPercent, int windowDays, int minHistoryDays) {
  public static final AnomalyRule DEFAULT = new AnomalyRule(3, 5, 25, 28, 7);

  public AnomalyRule {
    if (!(k > 0) || !(minUsd >= 0) || !(minPercent >= 0)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid anomaly rule: k="
              + k
              + " min-usd="
              + minUsd
              + " min-percent="
              + minPercent
              + " (k must be > 0, thresholds >= 0)");
    }
    if (minHistoryDays < 3 || windowDays < minHistoryDays) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid anomaly window: "
              + windowDays
              + " days (must be >= the minimum history "
              + minHistoryDays
              + ", itself >= 3)");
    }
  }
}
