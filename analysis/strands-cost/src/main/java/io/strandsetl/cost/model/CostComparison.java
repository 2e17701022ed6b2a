package io.strandsetl.cost.model;

import io.strandsetl.model.store.CostBreakdown;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A run priced on its own platform and, side by side, on every modelled option.
 *
 * @param usage what was priced
 * @param platform the run's own platform
 * @param own the estimate for the run's own platform (for LOCAL/UNPRICED: compute 0)
 * @param shared S3, network and AI costs (in every total)
 * @param options every option, in a fixed order: Glue Standard and Flex per worker type, EMR on EC2
 *     on-demand and spot, EMR Serverless, Lambda
 * @param breakdown what the store keeps for the run (from {@code own})
 * @param catalogVersion the price catalog version used
 * @param notes assumptions and caveats, one line each
 */
public record CostComparison(
    ResourceUsage usage,
    Platform platform,
    PlatformEstimate own,
    SharedCost shared,
    List<PlatformEstimate> options,
    CostBreakdown breakdown,
    String catalogVersion,
    List<String> notes) {

  public CostComparison {
    options = List.copyOf(options);
    notes = List.copyOf(notes);
  }

  /** The cheapest feasible option (ties: the first listed). */
  public Optional<PlatformEstimate> cheapest() {
    return options.stream()
        .filter(PlatformEstimate::feasible)
        .min(Comparator.comparingDouble(PlatformEstimate::totalUsd));
  }

  /** The option with this exact name. */
  public Optional<PlatformEstimate> option(String name) {
    return options.stream().filter(o -> o.option().equals(name)).findFirst();
  }
}
