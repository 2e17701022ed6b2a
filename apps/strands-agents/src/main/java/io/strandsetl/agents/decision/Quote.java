package io.strandsetl.agents.decision;

/**
 * The price of a predicted run on one platform, from the cost engine.
 *
 * @param feasible false when the run cannot fit the platform's limits
 * @param reason why not feasible, else empty
 * @param totalUsd estimated total, USD (0 when not feasible)
 * @param option the priced option, e.g. {@code glue-standard G.1X}
 */
public record Quote(boolean feasible, String reason, double totalUsd, String option) {}
