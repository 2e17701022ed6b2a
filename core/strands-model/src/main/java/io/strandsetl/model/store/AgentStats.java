package io.strandsetl.model.store;

/**
 * Totals of one agent's invocations within a filter.
 *
 * @param invocations tool calls
 * @param successes of those, successful
 * @param durationMs summed duration, milliseconds
 * @param tokensIn summed input tokens
 * @param tokensOut summed output tokens
 * @param tokenCostUsd summed token cost, USD
 */
public record AgentStats(
    String agent,
    long invocations,
    long successes,
    long durationMs,
    long tokensIn,
    long tokensOut,
    double tokenCostUsd) {
  public AgentStats {
    Checks.text(agent, "agent");
    Checks.nonNegative(invocations, "agent invocations");
    Checks.nonNegative(successes, "agent successes");
    if (successes > invocations) {
      throw Checks.invalid("agent successes", successes, "more than invocations " + invocations);
    }
    Checks.nonNegative(durationMs, "agent durationMs");
    Checks.nonNegative(tokensIn, "agent tokensIn");
    Checks.nonNegative(tokensOut, "agent tokensOut");
    Checks.nonNegative(tokenCostUsd, "agent tokenCostUsd");
  }

  /** Average response time, milliseconds; 0 without invocations. */
  public double averageDurationMs() {
    return invocations == 0 ? 0 : (double) durationMs / invocations;
  }

  /** successes / invocations, fraction; 0 without invocations. */
  public double successRate() {
    return invocations == 0 ? 0 : (double) successes / invocations;
  }

  /** Average token cost per invocation, USD; 0 without invocations. */
  public double costPerInvocationUsd() {
    return invocations == 0 ? 0 : tokenCostUsd / invocations;
  }

  /** These totals with one invocation added. */
  public AgentStats plus(AgentInvocation invocation) {
    return new AgentStats(
        agent,
        invocations + 1,
        successes + (invocation.success() ? 1 : 0),
        durationMs + invocation.durationMs(),
        tokensIn + invocation.tokensIn(),
        tokensOut + invocation.tokensOut(),
        tokenCostUsd + invocation.tokenCostUsd());
  }
}
