package io.strandsetl.cost.trend;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.ExecutionRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The cost of one run (or one pre-aggregated amount) on one UTC day: the input of trends,
 * forecasts, anomalies and budgets.
 *
 * @param day UTC day the run started
 * @param jobName job
 * @param team owning team, {@link #NO_TEAM} when unknown
 * @param platform platform key ({@code glue}, {@code emr-ec2}, {@code local}, …)
 * @param costUsd cost, USD, ≥ 0
 */
public record CostPoint(
    LocalDate day, String jobName, String team, String platform, double costUsd) {
  /** Team of runs without a {@code team} tag. */
  public static final String NO_TEAM = "unassigned";

  public CostPoint {
    Objects.requireNonNull(day, "day");
    jobName = jobName == null || jobName.isBlank() ? "unknown" : jobName;
    team = team == null || team.isBlank() ? NO_TEAM : team;
    platform = platform == null || platform.isBlank() ? "unknown" : platform;
    if (!(costUsd >= 0) || Double.isInfinite(costUsd)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid cost point " + jobName + " on " + day + ": " + costUsd + " USD (must be >= 0)");
    }
  }

  /** A total-only point (no job/team/platform). */
  public static CostPoint total(LocalDate day, double costUsd) {
    return new CostPoint(day, null, null, null, costUsd);
  }

  /** The point of a stored execution: its UTC start day, the tag {@code team}, its total cost. */
  public static CostPoint of(ExecutionRecord execution) {
    return new CostPoint(
        LocalDate.ofInstant(execution.startedAt(), ZoneOffset.UTC),
        execution.jobName(),
        execution.tags().get("team"),
        execution.platform(),
        execution.totalCostUsd());
  }

  /** The value of this point for a grouping. */
  public String group(GroupBy by) {
    return switch (by) {
      case TOTAL -> "total";
      case JOB -> jobName;
      case TEAM -> team;
      case PLATFORM -> platform;
    };
  }
}
