package io.strandsetl.agents.decision;

import io.strandsetl.agents.schema.Description;
import java.util.List;

/** One platform as the Decision agent saw it. */
public record PlatformScore(
    String platform,
    @Description("the run fits the platform's limits") boolean feasible,
    @Description("feasible and within max cost and deadline") boolean meetsConstraints,
    @Description(value = "0 = worst, 1 = best; 0 when not feasible", unit = "fraction 0-1")
        double score,
    @Description(value = "estimated cost; null when not priced", unit = "USD", optional = true)
        Double estimatedCostUsd,
    @Description(value = "estimated wall-clock time including start-up", unit = "s")
        double estimatedSeconds,
    Sizing sizing,
    @Description("why, one line each") List<String> reasons) {
  public PlatformScore {
    reasons = List.copyOf(reasons);
  }
}
