package io.strandsetl.server.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Least-squares line through daily costs, extended ahead with a 95% prediction interval (normal
 * approximation: ±1.96 standard errors of a new observation). A stand-in until the cost engine's
 * forecast is wired in; it is documented as such in docs/dashboard.md.
 */
final class Forecast {
  private Forecast() {}

  /**
   * One predicted day.
   *
   * @param dayOffset days after the last observed day (1 = the next day)
   * @param expectedUsd predicted cost, USD, never below 0
   * @param lowUsd lower end of the interval, USD, never below 0
   * @param highUsd upper end of the interval, USD
   */
  record Point(int dayOffset, double expectedUsd, double lowUsd, double highUsd) {}

  /** Predictions for {@code days} days after the observed series (oldest first, one per day). */
  static List<Point> ahead(List<Double> dailyUsd, int days) {
    int n = dailyUsd.size();
    List<Point> points = new ArrayList<>(days);
    if (n == 0) {
      for (int d = 1; d <= days; d++) {
        points.add(new Point(d, 0, 0, 0));
      }
      return points;
    }
    double meanX = (n - 1) / 2.0;
    double meanY = dailyUsd.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (i - meanX) * (i - meanX);
      sxy += (i - meanX) * (dailyUsd.get(i) - meanY);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double intercept = meanY - slope * meanX;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double residual = dailyUsd.get(i) - (intercept + slope * i);
      sse += residual * residual;
    }
    double sigma = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
    for (int d = 1; d <= days; d++) {
      double x = n - 1 + d;
      double expected = intercept + slope * x;
      double se = sigma * Math.sqrt(1 + 1.0 / n + (sxx == 0 ? 0 : (x - meanX) * (x - meanX) / sxx));
      points.add(
          new Point(
              d, Math.max(0, expected), Math.max(0, expected - 1.96 * se), expected + 1.96 * se));
    }
    return points;
  }
}
