package io.strandsetl.model.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code cost_trends}: the rollup of every execution that started in one UTC period, for
 * one job or for all jobs ({@link #ALL_JOBS}). Cancelled runs count in {@code runs} only.
 *
 * @param periodStart first day of the period (day 1 for a month)
 * @param costUsd summed total cost, USD
 * @param durationMs summed duration, milliseconds
 * @param dataProcessedBytes summed bytes processed
 */
public record CostTrend(
    Period period,
    LocalDate periodStart,
    String jobName,
    long runs,
    long successes,
    long failures,
    double costUsd,
    long durationMs,
    long dataProcessedBytes) {
  /** The job name of the rollup over all jobs. */
  public static final String ALL_JOBS = "*";

  public CostTrend {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(periodStart, "periodStart");
    if (!period
        .startOf(periodStart.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
        .equals(periodStart)) {
      throw Checks.invalid("trend periodStart", periodStart, "not the start of a " + period);
    }
    Checks.text(jobName, "trend jobName");
    Checks.nonNegative(runs, "trend runs");
    Checks.nonNegative(successes, "trend successes");
    Checks.nonNegative(failures, "trend failures");
    if (successes + failures > runs) {
      throw Checks.invalid("trend runs", runs, "fewer than successes + failures");
    }
    Checks.nonNegative(costUsd, "trend costUsd");
    Checks.nonNegative(durationMs, "trend durationMs");
    Checks.nonNegative(dataProcessedBytes, "trend dataProcessedBytes");
  }

  /** Average cost per run, USD; 0 without runs. */
  public double averageCostPerRunUsd() {
    return runs == 0 ? 0 : costUsd / runs;
  }

  /** This rollup with one more execution added. */
  public CostTrend plus(ExecutionRecord execution) {
    return new CostTrend(
        period,
        periodStart,
        jobName,
        runs + 1,
        successes + (execution.status() == ExecutionStatus.SUCCEEDED ? 1 : 0),
        failures + (execution.status() == ExecutionStatus.FAILED ? 1 : 0),
        costUsd + execution.totalCostUsd(),
        durationMs + execution.duration().toMillis(),
        dataProcessedBytes + execution.dataProcessedBytes());
  }

  /** An empty rollup for the period containing the execution's start. */
  public static CostTrend empty(Period period, ExecutionRecord execution, String jobName) {
    return new CostTrend(period, period.startOf(execution.startedAt()), jobName, 0, 0, 0, 0, 0, 0);
  }
}
