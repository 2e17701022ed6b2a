package io.strandsetl.model.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The columns of an execution that lists and timelines show, read without the full record.
 *
 * @param team the {@code team} tag, {@link RunFilter#NO_TEAM} without one
 * @param costUsd total cost, USD; null when not priced
 * @param qualityOverall overall quality, fraction; null without a quality summary
 */
public record ExecutionSummary(
    String executionId,
    String jobName,
    JobType jobType,
    String team,
    String platform,
    ExecutionStatus status,
    Instant startedAt,
    Instant endedAt,
    Double costUsd,
    Double qualityOverall) {
  public ExecutionSummary {
    Checks.text(executionId, "executionId");
    Checks.text(jobName, "jobName");
    Objects.requireNonNull(jobType, "jobType");
    Objects.requireNonNull(team, "team");
    Checks.text(platform, "platform");
    Objects.requireNonNull(status, "status");
    startedAt = Checks.micros(Objects.requireNonNull(startedAt, "startedAt"));
    endedAt = Checks.micros(Objects.requireNonNull(endedAt, "endedAt"));
  }

  /** The summary of a full record. */
  public static ExecutionSummary of(ExecutionRecord execution) {
    return new ExecutionSummary(
        execution.executionId(),
        execution.jobName(),
        execution.jobType(),
        RunFilter.teamOf(execution),
        execution.platform(),
        execution.status(),
        execution.startedAt(),
        execution.endedAt(),
        execution.cost() == null ? null : execution.cost().totalUsd(),
        execution.quality() == null ? null : execution.quality().scores().overall());
  }

  /** Wall-clock duration, milliseconds. */
  public long durationMs() {
    return java.time.Duration.between(startedAt, endedAt).toMillis();
  }
}
