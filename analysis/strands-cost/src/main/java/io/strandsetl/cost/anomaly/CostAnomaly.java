package io.strandsetl.cost.anomaly;

import java.time.LocalDate;

/**
 * A day whose cost passed the anomaly rule. Amounts in USD.
 *
 * @param group the job, team or platform (or {@code total})
 * @param actualUsd the day's cost
 * @param expectedUsd the baseline median
 * @param thresholdUsd median + k × scaled MAD
 * @param deltaUsd actual − expected
 * @param deltaPercent 100 × delta / expected, null when expected is 0
 * @param rootCause the job with the largest excess over its own median that day, or empty
 * @param rootCauseExcessUsd that job's excess, USD
 * @param explanation one line
 */
public record CostAnomaly(
    LocalDate day,
    String group,
    double actualUsd,
    double expectedUsd,
    double thresholdUsd,
    double deltaUsd,
    Double deltaPercent,
    String rootCause,
    double rootCauseExcessUsd,
    String explanation) {}
