package io.strandsetl.server.api;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The global filters of every page and endpoint ({@code from, to, job, team, platform, status}).
 * Days are UTC calendar days of an execution's start, both ends inclusive (as the store's {@code
 * RunFilter}).
 *
 * @param from first day, inclusive
 * @param to last day, inclusive, not before {@code from}
 * @param job only this job; null for all
 * @param team only executions tagged {@code team=<value>}; null for all
 * @param platform only this platform; null for all
 * @param status only this status; null for all
 */
public record DashboardFilter(
    LocalDate from,
    LocalDate to,
    String job,
    String team,
    String platform,
    ExecutionStatus status) {
  /** Days shown when {@code from} is not given: the 30 days ending with {@code to}. */
  public static final int DEFAULT_DAYS = 30;

  public DashboardFilter {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid date range: " + from + " to " + to + " (to is before from)");
    }
  }

  /**
   * Reads the filters from query parameters: {@code from} and {@code to} are {@code YYYY-MM-DD}
   * (UTC, inclusive); {@code to} defaults to today (UTC), {@code from} to 29 days before {@code
   * to}.
   */
  public static DashboardFilter parse(Function<String, String> param, Clock clock) {
    String toText = blankToNull(param.apply("to"));
    String fromText = blankToNull(param.apply("from"));
    LocalDate to =
        toText == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : day("to", toText);
    LocalDate from = fromText == null ? to.minusDays(DEFAULT_DAYS - 1) : day("from", fromText);
    String status = blankToNull(param.apply("status"));
    ExecutionStatus parsedStatus = null;
    if (status != null) {
      try {
        parsedStatus = ExecutionStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid status: '"
                + status
                + "' (known: "
                + java.util.Arrays.toString(ExecutionStatus.values())
                + ")");
      }
    }
    return new DashboardFilter(
        from,
        to,
        blankToNull(param.apply("job")),
        blankToNull(param.apply("team")),
        blankToNull(param.apply("platform")),
        parsedStatus);
  }

  public static DashboardFilter parse(Map<String, String> params, Clock clock) {
    return parse(params::get, clock);
  }

  /** Start of {@code from}, UTC. */
  public Instant fromInstant() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Start of the day after {@code to}, UTC (exclusive end). */
  public Instant toExclusive() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** True when the execution passes every filter. */
  public boolean matches(ExecutionRecord execution) {
    LocalDate day = LocalDate.ofInstant(execution.startedAt(), ZoneOffset.UTC);
    return !day.isBefore(from)
        && !day.isAfter(to)
        && (job == null || job.equals(execution.jobName()))
        && (team == null || team.equals(execution.tags().getOrDefault("team", "")))
        && (platform == null || platform.equals(execution.platform()))
        && (status == null || status == execution.status());
  }

  /** This filter over other days. */
  public DashboardFilter withDays(LocalDate first, LocalDate last) {
    return new DashboardFilter(first, last, job, team, platform, status);
  }

  private static LocalDate day(String name, String text) {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid " + name + ": '" + text + "' (expected YYYY-MM-DD)");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
