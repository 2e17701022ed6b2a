package io.strandsetl.model.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each table keeps rows, measured from the row's own time (execution start, invocation
 * time, period start, measurement time, audit time). The issue registry is kept for trends.
 */
public record RetentionPolicy(
    Duration executions,
    Duration invocations,
    Duration trends,
    Duration qualityHistory,
    Duration audit) {
  /** Seven years of 365 days plus two leap days: the floor of the audit retention. */
  public static final Duration MIN_AUDIT = Duration.ofDays(7 * 365 + 2);

  public static final RetentionPolicy DEFAULT =
      new RetentionPolicy(
          Duration.ofDays(90),
          Duration.ofDays(30),
          Duration.ofDays(365),
          Duration.ofDays(365),
          MIN_AUDIT);

  public RetentionPolicy {
    positive(executions, "retention executions");
    positive(invocations, "retention invocations");
    positive(trends, "retention trends");
    positive(qualityHistory, "retention qualityHistory");
    positive(audit, "retention audit");
    if (audit.compareTo(MIN_AUDIT) < 0) {
      throw Checks.invalid(
          "retention audit", audit, "the audit trail is kept at least 7 years (" + MIN_AUDIT + ")");
    }
  }

  private static void positive(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw Checks.invalid(field, value, "must be positive");
    }
  }
}
