package io.strandsetl.model.store;

import java.time.Instant;

/**
 * A filter over {@code job_executions}; results are newest start first, ties by execution id.
 *
 * @param jobName only this job; null for all
 * @param status only this status; null for all
 * @param since only executions that started at or after this instant; null for all
 * @param limit at most this many, >= 1
 */
public record ExecutionQuery(String jobName, ExecutionStatus status, Instant since, int limit) {
  public static final int DEFAULT_LIMIT = 100;

  public ExecutionQuery {
    if (jobName != null) {
      Checks.text(jobName, "query jobName");
    }
    since = Checks.micros(since);
    if (limit < 1) {
      throw Checks.invalid("query limit", limit, "must be >= 1");
    }
  }

  public static ExecutionQuery all() {
    return new ExecutionQuery(null, null, null, DEFAULT_LIMIT);
  }

  public ExecutionQuery withJob(String job) {
    return new ExecutionQuery(job, status, since, limit);
  }

  public ExecutionQuery withStatus(ExecutionStatus value) {
    return new ExecutionQuery(jobName, value, since, limit);
  }

  public ExecutionQuery withSince(Instant value) {
    return new ExecutionQuery(jobName, status, value, limit);
  }

  public ExecutionQuery withLimit(int value) {
    return new ExecutionQuery(jobName, status, since, value);
  }

  /** True when the execution passes every filter (limit aside). */
  public boolean matches(ExecutionRecord execution) {
    return (jobName == null || jobName.equals(execution.jobName()))
        && (status == null || status == execution.status())
        && (since == null || !execution.startedAt().isBefore(since));
  }
}
