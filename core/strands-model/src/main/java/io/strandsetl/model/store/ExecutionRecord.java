package io.strandsetl.model.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row of {@code job_executions}: a finished pipeline run or an imported event log.
 *
 * <p>Nullable parts are those another component produces and that may not exist for this run:
 * {@code workload}, {@code decision}, {@code metrics}, {@code cost} (until the cost engine exists),
 * {@code quality}, {@code compliance} and {@code error} (only for failed runs).
 *
 * @param executionId unique id, chosen by the caller
 * @param platform where it ran (e.g. {@code local}, {@code emr})
 *     <p>Instants are kept to the microsecond (truncated).
 * @param startedAt start, UTC
 * @param endedAt end, UTC, not before {@code startedAt}
 * @param issues issues detected, at most one per type, in detection order
 * @param recommendations one line each, in priority order
 * @param optimisationsApplied one line each, in application order
 * @param stakeholders people or teams to inform, in the caller's order
 * @param tags free labels, sorted by key
 */
public record ExecutionRecord(
    String executionId,
    String jobName,
    JobType jobType,
    String platform,
    ExecutionStatus status,
    Instant startedAt,
    Instant endedAt,
    Workload workload,
    PlatformDecision decision,
    ExecutionMetrics metrics,
    CostBreakdown cost,
    QualitySummary quality,
    ComplianceSummary compliance,
    List<DetectedIssue> issues,
    List<String> recommendations,
    List<String> optimisationsApplied,
    ErrorDetails error,
    List<String> stakeholders,
    Map<String, String> tags,
    NotificationState notification) {
  public ExecutionRecord {
    Checks.text(executionId, "executionId");
    Checks.text(jobName, "jobName");
    Objects.requireNonNull(jobType, "jobType");
    Checks.text(platform, "platform");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    startedAt = Checks.micros(startedAt);
    endedAt = Checks.micros(endedAt);
    if (endedAt.isBefore(startedAt)) {
      throw Checks.invalid("endedAt", endedAt, "before startedAt " + startedAt);
    }
    issues = Checks.list(issues, "issues");
    Set<String> types = new HashSet<>();
    for (DetectedIssue issue : issues) {
      if (!types.add(issue.type())) {
        throw Checks.invalid("issues", issue.type(), "issue type listed twice");
      }
    }
    recommendations = Checks.list(recommendations, "recommendations");
    optimisationsApplied = Checks.list(optimisationsApplied, "optimisationsApplied");
    stakeholders = Checks.list(stakeholders, "stakeholders");
    tags = Checks.sortedMap(tags, "tags");
    notification = notification == null ? NotificationState.NOT_SENT : notification;
  }

  /** Wall-clock duration, end minus start. */
  public Duration duration() {
    return Duration.between(startedAt, endedAt);
  }

  /** Total cost in USD, 0 when no cost was computed. */
  public double totalCostUsd() {
    return cost == null ? 0 : cost.totalUsd();
  }

  /** Bytes processed, 0 when no metrics were measured. */
  public long dataProcessedBytes() {
    return metrics == null ? 0 : metrics.dataProcessedBytes();
  }
}
