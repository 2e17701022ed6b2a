package io.strandsetl.model.store;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dashboard's global filters, applied by every read query of the store. A null field does not
 * filter. Days are UTC calendar days of the execution's start (of the invocation's time for agent
 * statistics), both ends inclusive.
 *
 * @param from first day, inclusive; null for no lower bound
 * @param to last day, inclusive; null for no upper bound
 * @param jobName only this job
 * @param team only this team: the execution's {@code team} tag ({@link #NO_TEAM} for none)
 * @param platform only this platform (e.g. {@code local}, {@code emr})
 * @param status only this status
 */
public record RunFilter(
    LocalDate from,
    LocalDate to,
    String jobName,
    String team,
    String platform,
    ExecutionStatus status) {
  /** The tag whose value is an execution's team. */
  public static final String TEAM_TAG = "team";

  /** The team of an execution without a {@code team} tag. */
  public static final String NO_TEAM = "";

  public RunFilter {
    if (from != null && to != null && to.isBefore(from)) {
      throw Checks.invalid("filter to", to, "before from " + from);
    }
    if (jobName != null) {
      Checks.text(jobName, "filter jobName");
    }
    if (platform != null) {
      Checks.text(platform, "filter platform");
    }
  }

  /** No filter at all. */
  public static RunFilter all() {
    return new RunFilter(null, null, null, null, null, null);
  }

  /** Executions that started within [from, to] (UTC days, inclusive). */
  public static RunFilter between(LocalDate from, LocalDate to) {
    return new RunFilter(from, to, null, null, null, null);
  }

  public RunFilter withDays(LocalDate first, LocalDate last) {
    return new RunFilter(first, last, jobName, team, platform, status);
  }

  public RunFilter withJob(String value) {
    return new RunFilter(from, to, value, team, platform, status);
  }

  public RunFilter withTeam(String value) {
    return new RunFilter(from, to, jobName, value, platform, status);
  }

  public RunFilter withPlatform(String value) {
    return new RunFilter(from, to, jobName, team, value, status);
  }

  public RunFilter withStatus(ExecutionStatus value) {
    return new RunFilter(from, to, jobName, team, platform, value);
  }

  /** The team of an execution: its {@code team} tag, else {@link #NO_TEAM}. */
  public static String teamOf(ExecutionRecord execution) {
    return execution.tags().getOrDefault(TEAM_TAG, NO_TEAM);
  }

  /** The UTC day an execution started. */
  public static LocalDate dayOf(ExecutionRecord execution) {
    return LocalDate.ofInstant(execution.startedAt(), ZoneOffset.UTC);
  }

  /** True when {@code day} is within [from, to]. */
  public boolean containsDay(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /** True when the execution passes every filter. */
  public boolean matches(ExecutionRecord execution) {
    return containsDay(dayOf(execution))
        && (jobName == null || jobName.equals(execution.jobName()))
        && (team == null || team.equals(teamOf(execution)))
        && (platform == null || platform.equals(execution.platform()))
        && (status == null || status == execution.status());
  }
}
