package io.strandsetl.cost.advice;

import io.strandsetl.cost.model.CostComparison;
import io.strandsetl.cost.model.Platform;
import io.strandsetl.cost.model.PlatformEstimate;
import io.strandsetl.cost.model.ResourceUsage;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Impact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recommendations with estimated savings per run. The reference price is the run's own platform
 * when it is priced, else the cheapest feasible option (a local run is priced as if it ran there).
 */
public final class CostAdvisor {
  /** Utilisation headroom kept when right-sizing: size for 125% of the measured peak. */
  static final double HEADROOM = 1.25;

  /** Right-size only when the saving is at least this share of compute. */
  static final double MIN_RIGHT_SIZE_SAVING = 0.20;

  /** Suggest a platform switch only when at least this share cheaper. */
  static final double MIN_SWITCH_SAVING = 0.10;

  private CostAdvisor() {}

  /**
   * @param urgent true when the job has a deadline: Flex (no SLA) and spot (interruptible) are not
   *     suggested
   */
  public static List<CostAdvice> advise(
      CostComparison comparison, List<Finding> findings, boolean urgent) {
    List<CostAdvice> out = new ArrayList<>();
    Optional<PlatformEstimate> reference = reference(comparison);
    if (reference.isEmpty()) {
      return out;
    }
    PlatformEstimate ref = reference.get();
    ResourceUsage usage = comparison.usage();
    double compute = ref.computeUsd();
    String on = comparison.own() == ref ? "" : " (priced on " + ref.option() + ")";

    rightSize(usage, compute, on).ifPresent(out::add);
    PlatformEstimate own = comparison.own();
    boolean ownPriced = own.feasible() && own.computeUsd() > 0;
    if (!urgent && ownPriced && comparison.platform() == Platform.GLUE) {
      String type = own.option().substring(own.option().indexOf(' ') + 1);
      comparison
          .option("glue-flex " + type)
          .filter(PlatformEstimate::feasible)
          .filter(flex -> flex.totalUsd() < own.totalUsd())
          .ifPresent(
              flex ->
                  out.add(
                      new CostAdvice(
                          AdviceKind.GLUE_FLEX,
                          "Run on Glue Flex (" + type + ")",
                          String.format(
                              Locale.ROOT,
                              "Flex costs $%.4f instead of $%.4f per run; it has no SLA and may"
                                  + " start later, fine for jobs without a deadline",
                              flex.totalUsd(),
                              own.totalUsd()),
                          own.totalUsd() - flex.totalUsd(),
                          "catalog: glue.flex.dpu-hour vs glue.standard.dpu-hour, same DPU-hours")));
    }
    if (!urgent && ownPriced && comparison.platform() == Platform.EMR_EC2) {
      comparison.options().stream()
          .filter(o -> o.option().startsWith("emr-ec2 spot"))
          .findFirst()
          .filter(spot -> spot.totalUsd() < own.totalUsd())
          .ifPresent(
              spot ->
                  out.add(
                      new CostAdvice(
                          AdviceKind.EMR_SPOT,
                          "Use spot instances for the EMR core nodes",
                          String.format(
                              Locale.ROOT,
                              "%s: $%.4f instead of $%.4f per run; spot nodes can be reclaimed,"
                                  + " keep the primary on-demand",
                              spot.option(),
                              spot.totalUsd(),
                              own.totalUsd()),
                          own.totalUsd() - spot.totalUsd(),
                          "catalog: emr.ec2.spot-fraction (an assumption) x EC2 on-demand price")));
    }
    if (ownPriced) {
      comparison.options().stream()
          .filter(PlatformEstimate::feasible)
          .filter(o -> o.platform() != comparison.platform())
          .filter(o -> !urgent || !(o.option().contains("flex") || o.option().contains("spot")))
          .min(Comparator.comparingDouble(PlatformEstimate::totalUsd))
          .filter(best -> best.totalUsd() < own.totalUsd() * (1 - MIN_SWITCH_SAVING))
          .ifPresent(
              best ->
                  out.add(
                      new CostAdvice(
                          AdviceKind.PLATFORM_SWITCH,
                          "Move to " + best.option(),
                          String.format(
                              Locale.ROOT,
                              "%s would cost $%.4f instead of $%.4f on %s (%s)",
                              best.option(),
                              best.totalUsd(),
                              own.totalUsd(),
                              own.option(),
                              best.formula()),
                          own.totalUsd() - best.totalUsd(),
                          "cost models on the measured usage; same duration assumed")));
    }
    for (Finding f : findings) {
      fix(f, usage, compute, on).ifPresent(out::add);
    }
    out.sort(
        Comparator.comparingDouble(CostAdvice::estimatedSavingsUsd)
            .reversed()
            .thenComparing(CostAdvice::kind)
            .thenComparing(CostAdvice::title));
    return out;
  }

  static Optional<PlatformEstimate> reference(CostComparison c) {
    if (c.own().feasible() && c.own().computeUsd() > 0) {
      return Optional.of(c.own());
    }
    return c.cheapest();
  }

  private static Optional<CostAdvice> rightSize(ResourceUsage usage, double compute, String on) {
    Double mem = usage.memoryUtilizationPercent();
    Double cpu = usage.cpuUtilizationPercent();
    if (mem == null && cpu == null) {
      return Optional.empty();
    }
    // Instances and workers bundle CPU and memory: the smaller size must still fit the busier one.
    double memNeed = mem == null ? 1 : Math.min(1, mem / 100 * HEADROOM);
    double cpuNeed = cpu == null ? 1 : Math.min(1, cpu / 100 * HEADROOM);
    double need = Math.max(memNeed, cpuNeed);
    if (1 - need < MIN_RIGHT_SIZE_SAVING || compute <= 0) {
      return Optional.empty();
    }
    String what =
        memNeed < cpuNeed
            ? String.format(Locale.ROOT, "memory is %.0f%% used", mem)
            : String.format(Locale.ROOT, "CPU is %.0f%% used", cpu);
    return Optional.of(
        new CostAdvice(
            AdviceKind.RIGHT_SIZE,
            "Right-size executors: " + what,
            String.format(
                Locale.ROOT,
                "measured CPU %s, memory %s of what was allocated; %d x %d cores x %.1f GiB could"
                    + " shrink to about %.0f%% of it (with 25%% headroom)%s",
                cpu == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", cpu),
                mem == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", mem),
                usage.executors(),
                usage.executorCores(),
                usage.executorMemoryGib(),
                100 * need,
                on),
            compute * (1 - need),
            "compute x (1 - max(cpu%, memory%) x 1.25)"));
  }

  private static Optional<CostAdvice> fix(
      Finding f, ResourceUsage usage, double compute, String on) {
    Impact impact = f.impact();
    if (impact == null || compute <= 0) {
      return Optional.empty();
    }
    double share;
    String basis;
    if (impact.coreSecondsSaved() != null && usage.coreSeconds() > 0) {
      share = impact.coreSecondsSaved() / usage.coreSeconds();
      basis =
          String.format(
              Locale.ROOT,
              "%.0f core-s saved / %.0f core-s allocated x compute",
              impact.coreSecondsSaved(),
              usage.coreSeconds());
    } else if (impact.timeSavedSeconds() != null && usage.durationSeconds() > 0) {
      share = impact.timeSavedSeconds() / usage.durationSeconds();
      basis =
          String.format(
              Locale.ROOT,
              "%.0f s saved / %.0f s duration x compute",
              impact.timeSavedSeconds(),
              usage.durationSeconds());
    } else {
      return Optional.empty();
    }
    share = Math.max(0, Math.min(1, share));
    if (share <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new CostAdvice(
            AdviceKind.FIX_ISSUE,
            "Fix " + f.type() + ": " + f.title(),
            f.recommendation().summary() + on,
            compute * share,
            basis + (impact.description() == null ? "" : "; " + impact.description())));
  }
}
