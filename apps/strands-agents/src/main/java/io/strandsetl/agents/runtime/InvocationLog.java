package io.strandsetl.agents.runtime;

import io.strandsetl.model.store.AgentInvocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The tool calls of one execution, collected from several threads and stored with the run ({@code
 * RunRecord.invocations}). Ordered by start time then id, as the store lists them.
 */
public final class InvocationLog {
  private final String executionId;
  private final List<AgentInvocation> invocations = new ArrayList<>();

  public InvocationLog(String executionId) {
    this.executionId = Objects.requireNonNull(executionId, "executionId");
  }

  public String executionId() {
    return executionId;
  }

  public synchronized void add(AgentInvocation invocation) {
    invocations.add(invocation);
  }

  public synchronized List<AgentInvocation> invocations() {
    List<AgentInvocation> copy = new ArrayList<>(invocations);
    copy.sort(
        Comparator.comparing(AgentInvocation::at).thenComparing(AgentInvocation::invocationId));
    return List.copyOf(copy);
  }

  /** The same invocations under another execution id (the runner names the run after it starts). */
  public synchronized List<AgentInvocation> invocationsAs(String newExecutionId) {
    return invocations().stream()
        .map(
            i ->
                new AgentInvocation(
                    i.invocationId(),
                    newExecutionId,
                    i.agent(),
                    i.tool(),
                    i.at(),
                    i.inputSummary(),
                    i.outputSummary(),
                    i.durationMs(),
                    i.success(),
                    i.error(),
                    i.tokensIn(),
                    i.tokensOut(),
                    i.tokenCostUsd()))
        .toList();
  }
}
