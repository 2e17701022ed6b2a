package io.strandsetl.model.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code agent_invocations}: one tool call by an agent during an execution.
 *
 * @param invocationId unique id, chosen by the caller
 * @param executionId the execution it belongs to
 * @param at when the call started, UTC
 * @param inputSummary short, PII-free description of the input
 * @param outputSummary short, PII-free description of the output
 * @param durationMs wall-clock duration, milliseconds
 * @param error empty when {@code success}
 * @param tokenCostUsd cost of the tokens, USD (0 without a language model)
 */
public record AgentInvocation(
    String invocationId,
    String executionId,
    String agent,
    String tool,
    Instant at,
    String inputSummary,
    String outputSummary,
    long durationMs,
    boolean success,
    String error,
    long tokensIn,
    long tokensOut,
    double tokenCostUsd) {
  public AgentInvocation {
    Checks.text(invocationId, "invocationId");
    Checks.text(executionId, "invocation executionId");
    Checks.text(agent, "invocation agent");
    Checks.text(tool, "invocation tool");
    at = Checks.micros(Objects.requireNonNull(at, "at"));
    inputSummary = inputSummary == null ? "" : inputSummary;
    outputSummary = outputSummary == null ? "" : outputSummary;
    Checks.nonNegative(durationMs, "invocation durationMs");
    error = error == null ? "" : error;
    Checks.nonNegative(tokensIn, "invocation tokensIn");
    Checks.nonNegative(tokensOut, "invocation tokensOut");
    Checks.nonNegative(tokenCostUsd, "invocation tokenCostUsd");
  }
}
