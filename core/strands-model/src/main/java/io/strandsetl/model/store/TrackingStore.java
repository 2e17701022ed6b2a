package io.strandsetl.model.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the six tracking tables. Implementations: in-memory (tests), SQLite (embedded default),
 * PostgreSQL. Every implementation passes {@code
 * io.strandsetl.testkit.store.TrackingStoreContractTest}.
 *
 * <p>Contract: {@link #recordRun} is all or nothing and safe to call from several threads (and, for
 * the file and server backends, several processes) at once. Lists are returned in a documented,
 * deterministic order. Failures are {@link io.strandsetl.model.StrandsException}s.
 */
public interface TrackingStore extends AutoCloseable {

  /**
   * Writes one run in one transaction: the execution, its invocations, quality history and audit
   * events; updates the issue registry (new issues open, returning ones reopen, active issues of
   * the same job that this run no longer shows are resolved when the run is not older than their
   * last sighting) and adds the run to the daily and monthly cost rollups of its job and of all
   * jobs.
   *
   * @throws io.strandsetl.model.StrandsException {@code INVALID_ARGUMENT} when the execution id is
   *     already recorded (nothing is written)
   */
  void recordRun(RunRecord run);

  Optional<ExecutionRecord> findExecution(String executionId);

  /** Matching executions, newest start first, ties by execution id, at most {@code limit}. */
  List<ExecutionRecord> listExecutions(ExecutionQuery query);

  /** Invocations of one execution, by time then invocation id. */
  List<AgentInvocation> invocations(String executionId);

  /** Every issue-registry entry, sorted by job then issue type. */
  List<IssueEntry> issues();

  /** Open and reopened issues, sorted by job then issue type. */
  default List<IssueEntry> openIssues() {
    return issues().stream().filter(issue -> issue.status().isActive()).toList();
  }

  /**
   * Marks an issue resolved by a user; resolving a resolved issue changes nothing.
   *
   * @throws io.strandsetl.model.StrandsException {@code INVALID_ARGUMENT} for an unknown key
   */
  IssueEntry resolveIssue(IssueKey key, String resolvedBy, Instant at);

  /**
   * Rollups of one period length for one job (or {@link CostTrend#ALL_JOBS}) whose period starts
   * within [from, to], by period start.
   */
  List<CostTrend> costTrends(Period period, String jobName, LocalDate from, LocalDate to);

  /** Quality history of one job's dataset, by measurement time then execution id. */
  List<QualityHistoryEntry> qualityHistory(String jobName, String dataset);

  // ---- read queries of the dashboard and the agents (global filters: RunFilter) ----
  //
  // The time series and breakdowns below read the daily rollups, which are updated in the run's
  // transaction and kept as long as the cost trends (retention "trends"), so they still cover
  // executions whose rows were purged after 90 days.

  /**
   * Summaries of the executions that pass {@code filter}, newest start first, ties by execution id,
   * at most {@code limit} (>= 1). Reads {@code job_executions} (retention "executions").
   */
  List<ExecutionSummary> executions(RunFilter filter, int limit);

  /**
   * Totals per time bucket of the matching executions' start day, oldest bucket first; a bucket
   * without executions is absent. Keys are ISO dates of the bucket's first day.
   */
  List<RunStats> runsOverTime(RunFilter filter, TimeBucket bucket);

  /**
   * Totals per group of the matching executions, most expensive first (ties by key), at most {@code
   * limit} (>= 1) groups: cost by job / job type / team, the platform comparison, top-N expensive
   * jobs, counts by status.
   */
  List<RunStats> runsBy(RunFilter filter, Dimension dimension, int limit);

  /**
   * Issue occurrences in the matching executions per (issue type, severity, group), most
   * occurrences first, ties by type, severity, group.
   */
  List<IssueCount> issueCounts(RunFilter filter, Dimension groupBy);

  /**
   * Totals per agent, by agent name, of the invocations whose UTC day is within the filter's days
   * and whose execution passes the other filters. The SQL backends read daily agent rollups (per
   * invocation day, agent, job, team, platform, status), kept exactly equal to the stored
   * invocations: written in the run's transaction and purged with the invocations (retention
   * "invocations").
   */
  List<AgentStats> agentStats(RunFilter filter);

  /**
   * Quality history entries (any dataset) of the matching executions, whose measurement day is
   * within the filter's days, newest first, ties by execution id then dataset, at most {@code
   * limit} (>= 1).
   */
  List<QualityHistoryEntry> qualityHistory(RunFilter filter, int limit);

  /** The newest audit entries, newest first, at most {@code limit} (>= 1). */
  List<AuditEntry> recentAudit(int limit);

  /**
   * Rows per table, sorted by table name: at least the six tables; a backend adds its own (the SQL
   * backends add their rollup, running-marker and stage tables).
   */
  Map<String, Long> rowCounts();

  /** Appends one event to the audit chain in its own transaction and returns the stored entry. */
  AuditEntry appendAudit(AuditEvent event);

  /** The audit chain in stored (sequence) order. */
  List<AuditEntry> auditTrail();

  /** The chain head: last appended and last purged entry. */
  AuditHead auditHead();

  /**
   * Walks the stored chain and compares its ends with the {@link #auditHead()}; names the first
   * entry that was changed, removed (also the newest ones) or reordered.
   */
  default AuditVerification verifyAudit() {
    // Both reads must see the same state: a backend that other processes write to reads them in
    // one transaction (it overrides this), else an append in between looks like tampering.
    return AuditVerification.of(auditTrail(), auditHead());
  }

  /**
   * Deletes rows older than the policy allows at {@code clock.instant()}. Audit entries younger
   * than {@link RetentionPolicy#MIN_AUDIT} are never deleted (the policy cannot ask for less); the
   * audit chain loses its oldest entries only (up to the first entry that must stay, so the chain
   * stays contiguous) and the head remembers the last one purged. Daily rollups go with the cost
   * trends. Counts in the result do not include rollup rows.
   */
  PurgeResult purge(RetentionPolicy retention, Clock clock);

  /**
   * What {@link #purge} would delete at {@code clock.instant()}, counted; deletes nothing (for
   * {@code strands store purge --dry-run}).
   */
  PurgeResult wouldPurge(RetentionPolicy retention, Clock clock);

  // ---- running executions and stages (added with schema V5; defaults keep older backends
  // compiling: they simply know no running executions and no stages) ----

  /**
   * Marks an execution as running (replaces an earlier marker of the same id). The marker is
   * removed in the transaction that records the execution ({@link #recordRun}) or by {@link
   * #clearRunning}.
   */
  default void markRunning(RunningExecution execution) {}

  /** Removes the marker of an execution that will not be recorded; no marker is no error. */
  default void clearRunning(String executionId) {}

  /**
   * Markers of executions started and not yet recorded, oldest start first, ties by execution id.
   * Whether each is still running or abandoned is {@link RunningExecution#stateAt}.
   */
  default List<RunningExecution> running() {
    return List.of();
  }

  /**
   * Stage summaries stored with an execution, by stage id then attempt; empty for an unknown or
   * purged execution (stages follow the executions' retention).
   */
  default List<StageSummary> stages(String executionId) {
    return List.of();
  }

  /** The schema version of the store's tables (Flyway version); {@code none} without a schema. */
  default String schemaVersion() {
    return "none";
  }

  /** Releases connections and files; the store is unusable afterwards. */
  @Override
  void close();
}
