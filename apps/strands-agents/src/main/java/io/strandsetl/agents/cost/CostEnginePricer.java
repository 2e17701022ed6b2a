package io.strandsetl.agents.cost;

import io.strandsetl.agents.decision.Candidate;
import io.strandsetl.agents.decision.PlatformPricer;
import io.strandsetl.agents.decision.Quote;
import io.strandsetl.agents.decision.Sizing;
import io.strandsetl.cost.CostEngine;
import io.strandsetl.cost.model.CostComparison;
import io.strandsetl.cost.model.Platform;
import io.strandsetl.cost.model.PlatformEstimate;
import io.strandsetl.cost.model.ResourceUsage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Prices the Decision agent's predicted runs with the cost engine: the sizing becomes a {@link
 * ResourceUsage} (workers × cores × seconds, memory, bytes), priced as of today, and the option
 * that matches the candidate is read from the comparison (Glue G.1X Standard / Flex, EMR on EC2
 * on-demand, EMR Serverless, Lambda).
 */
public final class CostEnginePricer implements PlatformPricer {
  private final CostEngine engine;
  private final Clock clock;

  public CostEnginePricer(CostEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public Optional<Quote> price(
      Candidate platform,
      Sizing sizing,
      double seconds,
      long inputBytes,
      long shuffleBytes,
      long outputBytes) {
    Platform p;
    String prefix;
    switch (platform) {
      case GLUE_STANDARD -> {
        p = Platform.GLUE;
        prefix = "glue-standard G.1X";
      }
      case GLUE_FLEX -> {
        p = Platform.GLUE;
        prefix = "glue-flex G.1X";
      }
      case EMR_EC2 -> {
        p = Platform.EMR_EC2;
        prefix = "emr-ec2 on-demand";
      }
      case EMR_SERVERLESS -> {
        p = Platform.EMR_SERVERLESS;
        prefix = "emr-serverless";
      }
      case LAMBDA -> {
        p = Platform.LAMBDA;
        prefix = "lambda";
      }
      case LOCAL, CLUSTER -> {
        return Optional.empty();
      }
      default -> throw new IllegalStateException(platform.name());
    }
    ResourceUsage usage =
        ResourceUsage.ofCluster(
                Math.round(seconds * 1000),
                Math.max(1, sizing.workers()),
                Math.max(1, sizing.coresPerWorker()),
                Math.max(0.125, sizing.memoryGibPerWorker()))
            .withData(inputBytes, outputBytes, shuffleBytes, 0, inputBytes + shuffleBytes, 0);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    CostComparison c = engine.calculate(usage, engine.options(p, today));
    Optional<PlatformEstimate> match =
        c.options().stream().filter(o -> o.option().startsWith(prefix)).findFirst();
    return match.map(
        e -> new Quote(e.feasible(), e.reason(), e.feasible() ? e.totalUsd() : 0, e.option()));
  }
}
