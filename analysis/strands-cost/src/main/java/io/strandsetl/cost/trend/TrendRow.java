package io.strandsetl.cost.trend;

import io.strandsetl.model.store.TimeBucket;
import java.time.LocalDate;

/**
 * Cost of one group in one period.
 *
 * @param periodStart first day of the period (Monday for weeks, day 1 for months)
 * @param group job, team or platform name, or {@code total}
 * @param costUsd summed cost, USD
 * @param runs number of cost points summed
 * @param changePercent change against the same group's previous period with cost, percent; null for
 *     the first period or when the previous cost was 0
 */
public record TrendRow(
    TimeBucket bucket,
    LocalDate periodStart,
    String group,
    double costUsd,
    long runs,
    Double changePercent) {}
