package io.strandsetl.cost.forecast;

import java.util.List;

/**
 * A daily cost forecast with its own measured error.
 *
 * @param method how it was made
 * @param reason why this method (and why none, when there is too little history)
 * @param historyDays days of history used (first point to the as-of day, days without runs = $0)
 * @param points one per forecast day, in order
 * @param totalUsd sum of the expected values over the horizon
 * @param totalLowerUsd sum of the lower bounds (a conservative range, not a joint interval)
 * @param totalUpperUsd sum of the upper bounds
 * @param backtestMapePercent MAPE of the same method fitted without the last 7 days and scored on
 *     them (days with $0 actual skipped); null when the shorter history allows no forecast
 * @param alpha level smoothing (Holt-Winters), else null
 * @param beta trend smoothing (Holt-Winters), else null
 * @param gamma season smoothing (Holt-Winters), else null
 */
public record Forecast(
    ForecastMethod method,
    String reason,
    int historyDays,
    List<ForecastPoint> points,
    double totalUsd,
    double totalLowerUsd,
    double totalUpperUsd,
    Double backtestMapePercent,
    Double alpha,
    Double beta,
    Double gamma) {
  public Forecast {
    points = List.copyOf(points);
  }
}
