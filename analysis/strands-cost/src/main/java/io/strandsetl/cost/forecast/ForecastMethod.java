package io.strandsetl.cost.forecast;

/** How a forecast was made. */
public enum ForecastMethod {
  /** Additive Holt-Winters with a weekly season (at least 28 days of history). */
  HOLT_WINTERS,
  /** Least-squares line (14 to 27 days of history). */
  LINEAR,
  /** Too little history: no forecast. */
  NONE
}
