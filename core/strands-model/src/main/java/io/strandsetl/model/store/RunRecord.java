package io.strandsetl.model.store;

import java.util.List;
import java.util.Objects;

/**
 * Everything one run writes, in one transaction: the execution, its agent invocations, quality
 * history rows and audit events. Issue-registry updates and cost rollups are derived from the
 * execution by the store.
 */
public record RunRecord(
    ExecutionRecord execution,
    List<AgentInvocation> invocations,
    List<QualityHistoryEntry> quality,
    List<AuditEvent> audit) {
  public RunRecord {
    Objects.requireNonNull(execution, "execution");
    invocations = Checks.list(invocations, "invocations");
    quality = Checks.list(quality, "quality");
    audit = Checks.list(audit, "audit");
    for (AgentInvocation invocation : invocations) {
      if (!invocation.executionId().equals(execution.executionId())) {
        throw Checks.invalid(
            "invocation executionId",
            invocation.executionId(),
            "differs from the run's " + execution.executionId());
      }
    }
    java.util.Set<String> datasets = new java.util.HashSet<>();
    for (QualityHistoryEntry entry : quality) {
      if (!datasets.add(entry.dataset())) {
        throw Checks.invalid("quality dataset", entry.dataset(), "listed twice for one run");
      }
      if (!entry.executionId().equals(execution.executionId())) {
        throw Checks.invalid(
            "quality executionId",
            entry.executionId(),
            "differs from the run's " + execution.executionId());
      }
    }
  }

  /** A run with the execution only. */
  public static RunRecord of(ExecutionRecord execution) {
    return new RunRecord(execution, List.of(), List.of(), List.of());
  }
}
