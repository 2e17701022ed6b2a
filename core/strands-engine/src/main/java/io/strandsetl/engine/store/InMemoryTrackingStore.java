package io.strandsetl.engine.store;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueKey;
import io.strandsetl.model.store.IssueLifecycle;
import io.strandsetl.model.store.Period;
import io.strandsetl.model.store.PurgeResult;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.RetentionPolicy;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.TrackingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference {@link TrackingStore}: everything in memory, one lock, nothing survives the
 * process. For tests of other modules and for {@code store.type=memory}.
 */
public final class InMemoryTrackingStore implements TrackingStore {
  private static final Comparator<ExecutionRecord> NEWEST_FIRST =
      Comparator.comparing(ExecutionRecord::startedAt)
          .reversed()
          .thenComparing(ExecutionRecord::executionId);

  private final Map<String, ExecutionRecord> executions = new LinkedHashMap<>();
  private final Map<String, AgentInvocation> invocations = new LinkedHashMap<>();
  private final Map<IssueKey, IssueEntry> issues = new TreeMap<>();
  private final Map<String, CostTrend> trends = new TreeMap<>();
  private final List<QualityHistoryEntry> quality = new ArrayList<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  // The chain head survives purges, so the chain continues rather than restarting at 1.
  private long lastAuditSequence;
  private String lastAuditHash = AuditEntry.GENESIS_HASH;
  private boolean closed;

  @Override
  public synchronized void recordRun(RunRecord run) {
    open();
    ExecutionRecord execution = run.execution();
    if (executions.containsKey(execution.executionId())) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Cannot record execution: " + execution.executionId() + " (already recorded)");
    }
    for (AgentInvocation invocation : run.invocations()) {
      if (invocations.containsKey(invocation.invocationId())) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Cannot record invocation: " + invocation.invocationId() + " (already recorded)");
      }
    }
    // Everything is validated above, so the writes below cannot fail half-way.
    executions.put(execution.executionId(), execution);
    run.invocations().forEach(invocation -> invocations.put(invocation.invocationId(), invocation));
    List<IssueEntry> ofJob =
        issues.values().stream()
            .filter(issue -> issue.key().jobName().equals(execution.jobName()))
            .toList();
    IssueLifecycle.apply(ofJob, execution).forEach(issue -> issues.put(issue.key(), issue));
    for (Period period : Period.values()) {
      for (String job : List.of(execution.jobName(), CostTrend.ALL_JOBS)) {
        String key = trendKey(period, period.startOf(execution.startedAt()), job);
        CostTrend before = trends.getOrDefault(key, CostTrend.empty(period, execution, job));
        trends.put(key, before.plus(execution));
      }
    }
    quality.addAll(run.quality());
    run.audit().forEach(this::append);
  }

  @Override
  public synchronized Optional<ExecutionRecord> findExecution(String executionId) {
    open();
    return Optional.ofNullable(executions.get(executionId));
  }

  @Override
  public synchronized List<ExecutionRecord> listExecutions(ExecutionQuery query) {
    open();
    return executions.values().stream()
        .filter(query::matches)
        .sorted(NEWEST_FIRST)
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized List<AgentInvocation> invocations(String executionId) {
    open();
    return invocations.values().stream()
        .filter(invocation -> invocation.executionId().equals(executionId))
        .sorted(
            Comparator.comparing(AgentInvocation::at).thenComparing(AgentInvocation::invocationId))
        .toList();
  }

  @Override
  public synchronized List<IssueEntry> issues() {
    open();
    return List.copyOf(issues.values());
  }

  @Override
  public synchronized IssueEntry resolveIssue(IssueKey key, String resolvedBy, Instant at) {
    open();
    IssueEntry entry = issues.get(Objects.requireNonNull(key, "key"));
    if (entry == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid issue: " + key.jobName() + "/" + key.issueType() + " (not in the registry)");
    }
    IssueEntry resolved = IssueLifecycle.resolved(entry, resolvedBy, at);
    issues.put(key, resolved);
    return resolved;
  }

  @Override
  public synchronized List<CostTrend> costTrends(
      Period period, String jobName, LocalDate from, LocalDate to) {
    open();
    return trends.values().stream()
        .filter(trend -> trend.period() == period && trend.jobName().equals(jobName))
        .filter(trend -> !trend.periodStart().isBefore(from) && !trend.periodStart().isAfter(to))
        .sorted(Comparator.comparing(CostTrend::periodStart))
        .toList();
  }

  @Override
  public synchronized List<QualityHistoryEntry> qualityHistory(String jobName, String dataset) {
    open();
    return quality.stream()
        .filter(entry -> entry.jobName().equals(jobName) && entry.dataset().equals(dataset))
        .sorted(
            Comparator.comparing(QualityHistoryEntry::at)
                .thenComparing(QualityHistoryEntry::executionId))
        .toList();
  }

  @Override
  public synchronized AuditEntry appendAudit(AuditEvent event) {
    open();
    return append(event);
  }

  @Override
  public synchronized List<AuditEntry> auditTrail() {
    open();
    return List.copyOf(audit);
  }

  @Override
  public synchronized PurgeResult purge(RetentionPolicy retention, Clock clock) {
    open();
    Instant now = clock.instant();
    Instant executionsBefore = now.minus(retention.executions());
    Instant invocationsBefore = now.minus(retention.invocations());
    LocalDate trendsBefore = LocalDate.ofInstant(now.minus(retention.trends()), ZoneOffset.UTC);
    Instant qualityBefore = now.minus(retention.qualityHistory());
    Instant auditBefore = now.minus(retention.audit());
    long e = removeIf(executions.values(), x -> x.startedAt().isBefore(executionsBefore));
    long i = removeIf(invocations.values(), x -> x.at().isBefore(invocationsBefore));
    long t = removeIf(trends.values(), x -> x.periodStart().isBefore(trendsBefore));
    long q = removeIf(quality, x -> x.at().isBefore(qualityBefore));
    long a = removeIf(audit, x -> x.event().at().isBefore(auditBefore));
    return new PurgeResult(e, i, t, q, a);
  }

  /**
   * Replaces the stored audit entry at {@code index} without re-hashing, as someone editing the
   * storage would; lets the contract test prove that tampering is detected.
   */
  synchronized void overwriteAuditEntry(int index, AuditEntry entry) {
    audit.set(index, entry);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private AuditEntry append(AuditEvent event) {
    AuditEntry entry = AuditEntry.chain(lastAuditSequence + 1, event, lastAuditHash);
    audit.add(entry);
    lastAuditSequence = entry.sequence();
    lastAuditHash = entry.hash();
    return entry;
  }

  private void open() {
    if (closed) {
      throw new StrandsException(ErrorCode.INTERNAL_ERROR, "Cannot use tracking store: closed");
    }
  }

  private static <T> long removeIf(
      java.util.Collection<T> values, java.util.function.Predicate<T> old) {
    int before = values.size();
    values.removeIf(old);
    return before - values.size();
  }

  private static String trendKey(Period period, LocalDate start, String job) {
    return period + "|" + start + "|" + job;
  }
}
