package io.strandsetl.model.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

  /** Appends one event to the audit chain in its own transaction and returns the stored entry. */
  AuditEntry appendAudit(AuditEvent event);

  /** The audit chain in stored (sequence) order. */
  List<AuditEntry> auditTrail();

  /** Walks the stored chain; names the first entry that was changed, removed or reordered. */
  default AuditVerification verifyAudit() {
    return AuditVerification.of(auditTrail());
  }

  /**
   * Deletes rows older than the policy allows at {@code clock.instant()}. Audit entries younger
   * than {@link RetentionPolicy#MIN_AUDIT} are never deleted (the policy cannot ask for less).
   */
  PurgeResult purge(RetentionPolicy retention, Clock clock);

  /** Releases connections and files; the store is unusable afterwards. */
  @Override
  void close();
}
