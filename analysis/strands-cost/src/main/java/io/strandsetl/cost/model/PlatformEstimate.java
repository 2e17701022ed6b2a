package io.strandsetl.cost.model;

import java.util.List;

/**
 * What a run costs, or would cost, on one platform option. Amounts in USD.
 *
 * @param option e.g. {@code glue-standard G.2X}, {@code emr-ec2 spot m5.xlarge}, {@code lambda}
 * @param platform the platform family
 * @param feasible false when the run cannot fit the platform's limits; amounts are then 0
 * @param reason why not feasible (empty when feasible)
 * @param computeUsd compute charge
 * @param platformStorageUsd storage billed by the platform itself (EMR Serverless above the free
 *     storage, Lambda /tmp above 512 MB)
 * @param sharedUsd S3, network and AI costs, the same on every platform
 * @param totalUsd computeUsd + platformStorageUsd + sharedUsd
 * @param dpuHours Glue DPU-hours (0 elsewhere)
 * @param estimatedSeconds the wall-clock seconds this estimate assumes
 * @param formula the formula in words
 * @param inputs the formula's inputs with units and sources
 */
public record PlatformEstimate(
    String option,
    Platform platform,
    boolean feasible,
    String reason,
    double computeUsd,
    double platformStorageUsd,
    double sharedUsd,
    double totalUsd,
    double dpuHours,
    double estimatedSeconds,
    String formula,
    List<FormulaInput> inputs) {

  public PlatformEstimate {
    reason = reason == null ? "" : reason;
    inputs = List.copyOf(inputs);
  }

  static PlatformEstimate notFeasible(
      String option, Platform platform, String reason, List<FormulaInput> inputs) {
    return new PlatformEstimate(option, platform, false, reason, 0, 0, 0, 0, 0, 0, "N/A", inputs);
  }

  /** The amount for tables: the total, or "N/A (reason)". */
  public String displayTotal() {
    return feasible
        ? String.format(java.util.Locale.ROOT, "$%.4f", totalUsd)
        : "N/A (" + reason + ")";
  }
}
