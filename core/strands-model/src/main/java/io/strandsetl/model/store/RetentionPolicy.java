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

  /** Whether stores purge on their own ({@code store.retention.auto-purge}, default true). */
  public static final String AUTO_PURGE_KEY = "store.retention.auto-purge";

  /**
   * The policy configured by {@code store.retention.executions-days}, {@code invocations-days},
   * {@code trends-days}, {@code quality-days} and {@code audit-days} (whole days; each defaults to
   * {@link #DEFAULT}; audit at least {@link #MIN_AUDIT}).
   *
   * @throws io.strandsetl.model.StrandsException {@code INVALID_ARGUMENT} naming the key
   */
  public static RetentionPolicy fromSettings(io.strandsetl.model.config.Settings settings) {
    return new RetentionPolicy(
        days(settings, "executions-days", DEFAULT.executions),
        days(settings, "invocations-days", DEFAULT.invocations),
        days(settings, "trends-days", DEFAULT.trends),
        days(settings, "quality-days", DEFAULT.qualityHistory),
        days(settings, "audit-days", DEFAULT.audit));
  }

  private static Duration days(
      io.strandsetl.model.config.Settings settings, String name, Duration fallback) {
    String key = "store.retention." + name;
    long days = settings.getLong(key, fallback.toDays());
    if (days < 1) {
      throw Checks.invalid(key, days, "must be at least 1 day");
    }
    if (name.equals("audit-days") && days < MIN_AUDIT.toDays()) {
      throw Checks.invalid(
          key, days, "the audit trail is kept at least 7 years: " + MIN_AUDIT.toDays() + " days");
    }
    return Duration.ofDays(days);
  }

  private static void positive(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw Checks.invalid(field, value, "must be positive");
    }
  }
}
