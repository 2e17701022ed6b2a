package io.strandsetl.engine.store;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AgentStats;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.AuditHead;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.Dimension;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionSummary;
import io.strandsetl.model.store.IssueCount;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueKey;
import io.strandsetl.model.store.IssueLifecycle;
import io.strandsetl.model.store.Period;
import io.strandsetl.model.store.PurgeResult;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.RetentionPolicy;
import io.strandsetl.model.store.RunFilter;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.RunStats;
import io.strandsetl.model.store.RunningExecution;
import io.strandsetl.model.store.StageSummary;
import io.strandsetl.model.store.TimeBucket;
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
  // What the SQL backends keep as denormalised filter columns: the execution of each invocation
  // and quality entry (kept even when the execution row is purged), and the executions in the
  // daily rollups (purged with the cost trends).
  private final Map<String, ExecutionRecord> invocationExecution = new LinkedHashMap<>();
  private final Map<QualityHistoryEntry, ExecutionRecord> qualityExecution = new LinkedHashMap<>();
  private final List<ExecutionRecord> rolledUp = new ArrayList<>();
  private final Map<IssueKey, IssueEntry> issues = new TreeMap<>();
  private final Map<String, CostTrend> trends = new TreeMap<>();
  private final List<QualityHistoryEntry> quality = new ArrayList<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Map<String, RunningExecution> running = new TreeMap<>();
  // Stage summaries by execution id, purged with the execution.
  private final Map<String, List<StageSummary>> stages = new LinkedHashMap<>();
  // The chain head survives purges, so the chain continues rather than restarting at 1.
  private AuditHead head = AuditHead.EMPTY;
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
    for (AgentInvocation invocation : run.invocations()) {
      invocations.put(invocation.invocationId(), invocation);
      invocationExecution.put(invocation.invocationId(), execution);
    }
    rolledUp.add(execution);
    run.quality().forEach(entry -> qualityExecution.put(entry, execution));
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
    if (!run.stages().isEmpty()) {
      stages.put(
          execution.executionId(),
          run.stages().stream()
              .sorted(
                  Comparator.comparingInt(StageSummary::stageId)
                      .thenComparingInt(StageSummary::attemptId))
              .toList());
    }
    running.remove(execution.executionId());
  }

  @Override
  public synchronized void markRunning(RunningExecution execution) {
    open();
    running.put(execution.executionId(), execution);
  }

  @Override
  public synchronized void clearRunning(String executionId) {
    open();
    running.remove(executionId);
  }

  @Override
  public synchronized List<RunningExecution> running() {
    open();
    return running.values().stream()
        .sorted(
            Comparator.comparing(RunningExecution::startedAt)
                .thenComparing(RunningExecution::executionId))
        .toList();
  }

  @Override
  public synchronized List<StageSummary> stages(String executionId) {
    open();
    return stages.getOrDefault(executionId, List.of());
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
    stages.keySet().retainAll(executions.keySet());
    running.values().removeIf(x -> x.startedAt().isBefore(executionsBefore));
    long i = removeIf(invocations.values(), x -> x.at().isBefore(invocationsBefore));
    invocationExecution.keySet().retainAll(invocations.keySet());
    long t = removeIf(trends.values(), x -> x.periodStart().isBefore(trendsBefore));
    rolledUp.removeIf(x -> RunFilter.dayOf(x).isBefore(trendsBefore));
    long q = removeIf(quality, x -> x.at().isBefore(qualityBefore));
    qualityExecution.keySet().retainAll(quality);
    // Only the oldest prefix of the chain goes, so the kept chain stays contiguous.
    int prefix = 0;
    while (prefix < audit.size() && audit.get(prefix).event().at().isBefore(auditBefore)) {
      prefix++;
    }
    if (prefix > 0) {
      head = head.purgedThrough(audit.get(prefix - 1));
      audit.subList(0, prefix).clear();
    }
    long a = prefix;
    return new PurgeResult(e, i, t, q, a);
  }

  @Override
  public synchronized PurgeResult wouldPurge(RetentionPolicy retention, Clock clock) {
    open();
    Instant now = clock.instant();
    Instant executionsBefore = now.minus(retention.executions());
    Instant invocationsBefore = now.minus(retention.invocations());
    LocalDate trendsBefore = LocalDate.ofInstant(now.minus(retention.trends()), ZoneOffset.UTC);
    Instant qualityBefore = now.minus(retention.qualityHistory());
    Instant auditBefore = now.minus(retention.audit());
    long prefix = 0;
    while (prefix < audit.size() && audit.get((int) prefix).event().at().isBefore(auditBefore)) {
      prefix++;
    }
    return new PurgeResult(
        executions.values().stream().filter(x -> x.startedAt().isBefore(executionsBefore)).count(),
        invocations.values().stream().filter(x -> x.at().isBefore(invocationsBefore)).count(),
        trends.values().stream().filter(x -> x.periodStart().isBefore(trendsBefore)).count(),
        quality.stream().filter(x -> x.at().isBefore(qualityBefore)).count(),
        prefix);
  }

  @Override
  public synchronized AuditHead auditHead() {
    open();
    return head;
  }

  @Override
  public synchronized AuditVerification verifyAudit() {
    open();
    return AuditVerification.of(List.copyOf(audit), head);
  }

  @Override
  public synchronized List<ExecutionSummary> executions(RunFilter filter, int limit) {
    open();
    checkLimit(limit);
    return executions.values().stream()
        .filter(filter::matches)
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .map(ExecutionSummary::of)
        .toList();
  }

  @Override
  public synchronized List<RunStats> runsOverTime(RunFilter filter, TimeBucket bucket) {
    open();
    Map<LocalDate, RunStats> byStart = new TreeMap<>();
    for (ExecutionRecord execution : rolledUp) {
      if (filter.matches(execution)) {
        LocalDate start = bucket.startOf(RunFilter.dayOf(execution));
        byStart.merge(
            start, RunStats.empty(start.toString()).plus(execution), (a, b) -> a.plus(execution));
      }
    }
    return List.copyOf(byStart.values());
  }

  @Override
  public synchronized List<RunStats> runsBy(RunFilter filter, Dimension dimension, int limit) {
    open();
    checkLimit(limit);
    Map<String, RunStats> byKey = new TreeMap<>();
    for (ExecutionRecord execution : rolledUp) {
      if (filter.matches(execution)) {
        String key = dimension.keyOf(execution);
        byKey.merge(key, RunStats.empty(key).plus(execution), (a, b) -> a.plus(execution));
      }
    }
    return byKey.values().stream()
        .sorted(
            Comparator.comparingDouble(RunStats::costUsd).reversed().thenComparing(RunStats::key))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<IssueCount> issueCounts(RunFilter filter, Dimension groupBy) {
    open();
    record Cell(String type, io.strandsetl.model.finding.Severity severity, String group) {}
    Map<Cell, Long> counts = new LinkedHashMap<>();
    for (ExecutionRecord execution : rolledUp) {
      if (filter.matches(execution)) {
        for (DetectedIssue issue : execution.issues()) {
          counts.merge(
              new Cell(issue.type(), issue.severity(), groupBy.keyOf(execution)), 1L, Long::sum);
        }
      }
    }
    return counts.entrySet().stream()
        .map(
            e ->
                new IssueCount(
                    e.getKey().type(), e.getKey().severity(), e.getKey().group(), e.getValue()))
        .sorted(
            Comparator.comparingLong(IssueCount::occurrences)
                .reversed()
                .thenComparing(IssueCount::issueType)
                .thenComparing(IssueCount::severity)
                .thenComparing(IssueCount::group))
        .toList();
  }

  @Override
  public synchronized List<AgentStats> agentStats(RunFilter filter) {
    open();
    RunFilter others = filter.withDays(null, null);
    Map<String, AgentStats> byAgent = new TreeMap<>();
    for (AgentInvocation invocation : invocations.values()) {
      if (filter.containsDay(LocalDate.ofInstant(invocation.at(), ZoneOffset.UTC))
          && others.matches(invocationExecution.get(invocation.invocationId()))) {
        byAgent.merge(
            invocation.agent(),
            new AgentStats(invocation.agent(), 0, 0, 0, 0, 0, 0).plus(invocation),
            (a, b) -> a.plus(invocation));
      }
    }
    return List.copyOf(byAgent.values());
  }

  @Override
  public synchronized List<QualityHistoryEntry> qualityHistory(RunFilter filter, int limit) {
    open();
    checkLimit(limit);
    RunFilter others = filter.withDays(null, null);
    return quality.stream()
        .filter(entry -> filter.containsDay(LocalDate.ofInstant(entry.at(), ZoneOffset.UTC)))
        .filter(entry -> others.matches(qualityExecution.get(entry)))
        .sorted(
            Comparator.comparing(QualityHistoryEntry::at)
                .reversed()
                .thenComparing(QualityHistoryEntry::executionId)
                .thenComparing(QualityHistoryEntry::dataset))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<AuditEntry> recentAudit(int limit) {
    open();
    checkLimit(limit);
    List<AuditEntry> newest = new ArrayList<>();
    for (int i = audit.size() - 1; i >= 0 && newest.size() < limit; i--) {
      newest.add(audit.get(i));
    }
    return newest;
  }

  @Override
  public synchronized Map<String, Long> rowCounts() {
    open();
    Map<String, Long> counts = new TreeMap<>();
    counts.put("agent_invocations", (long) invocations.size());
    counts.put("compliance_audit", (long) audit.size());
    counts.put("cost_trends", (long) trends.size());
    counts.put("data_quality_history", (long) quality.size());
    counts.put("issue_registry", (long) issues.size());
    counts.put("job_executions", (long) executions.size());
    return counts;
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid query limit: " + limit + " (must be >= 1)");
    }
  }

  /** Removes a stored audit entry, as someone deleting a row would; the head is left as it is. */
  synchronized void removeAuditEntry(long sequence) {
    audit.removeIf(entry -> entry.sequence() == sequence);
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
    AuditEntry entry = AuditEntry.chain(head.lastSequence() + 1, event, head.lastHash());
    audit.add(entry);
    head = head.append(entry);
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
