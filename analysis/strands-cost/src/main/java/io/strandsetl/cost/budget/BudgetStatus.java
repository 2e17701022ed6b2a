package io.strandsetl.cost.budget;

import java.time.LocalDate;

/**
 * A budget at a day.
 *
 * @param asOf last day counted, inclusive (clamped into the budget period)
 * @param spentUsd spend from the start to {@code asOf}, USD
 * @param percentUsed 100 × spent / amount
 * @param level OK, WARNING (≥ warn percent) or CRITICAL (≥ 100%)
 * @param burnRateUsdPerDay spent / days elapsed (start to asOf inclusive)
 * @param projectedSpendUsd spent + burn rate × days left in the period
 * @param projectedExhaustion the day cumulative spend reaches the amount at the burn rate (the day
 *     it was reached when already exceeded); null when not within the period
 * @param explanation one line
 */
public record BudgetStatus(
    Budget budget,
    LocalDate asOf,
    double spentUsd,
    double percentUsed,
    BudgetLevel level,
    double burnRateUsdPerDay,
    double projectedSpendUsd,
    LocalDate projectedExhaustion,
    String explanation) {}
