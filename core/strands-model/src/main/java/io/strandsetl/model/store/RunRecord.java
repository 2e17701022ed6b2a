package io.strandsetl.model.store;

import java.util.List;
import java.util.Objects;

/**
 * Everything one run writes, in one transaction: the execution, its agent invocations, quality
 * history rows, audit events and stage summaries. Issue-registry updates and cost rollups are
 * derived from the execution by the store.
 *
 * @param stages at most {@link StageSummary#MAX_PER_EXECUTION}, each (stage id, attempt) once
 */
public record RunRecord(
    ExecutionRecord execution,
    List<AgentInvocation> invocations,
    List<QualityHistoryEntry> quality,
    List<AuditEvent> audit,
    List<StageSummary> stages) {
  public RunRecord {
    Objects.requireNonNull(execution, "execution");
    invocations = Checks.list(invocations, "invocations");
    quality = Checks.list(quality, "quality");
    audit = Checks.list(audit, "audit");
    stages = stages == null ? List.of() : Checks.list(stages, "stages");
    if (stages.size() > StageSummary.MAX_PER_EXECUTION) {
      throw Checks.invalid(
          "stages",
          stages.size(),
          "more than " + StageSummary.MAX_PER_EXECUTION + " per execution");
    }
    java.util.Set<String> stageKeys = new java.util.HashSet<>();
    for (StageSummary stage : stages) {
      if (!stageKeys.add(stage.stageId() + "." + stage.attemptId())) {
        throw Checks.invalid(
            "stage", stage.stageId() + " attempt " + stage.attemptId(), "listed twice for one run");
      }
    }
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

  /** A run without stage summaries (the shape before stages were stored). */
  public RunRecord(
      ExecutionRecord execution,
      List<AgentInvocation> invocations,
      List<QualityHistoryEntry> quality,
      List<AuditEvent> audit) {
    this(execution, invocations, quality, audit, List.of());
  }

  /** A run with the execution only. */
  public static RunRecord of(ExecutionRecord execution) {
    return new RunRecord(execution, List.of(), List.of(), List.of());
  }

  /** This run with {@code summaries} as its stages. */
  public RunRecord withStages(List<StageSummary> summaries) {
    return new RunRecord(execution, invocations, quality, audit, summaries);
  }
}
