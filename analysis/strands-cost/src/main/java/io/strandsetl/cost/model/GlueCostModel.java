package io.strandsetl.cost.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AWS Glue Spark jobs: {@code cost = DPU × max(minimum, seconds) / 3600 × rate} (PRICING.md; AWS's
 * example 6 DPU × 15 min × $0.44 = $0.66). Sizing: one executor per worker as Glue runs it, so the
 * run's executor cores and memory need {@code max(⌈cores / worker vCPU⌉, ⌈memory / worker GB⌉)}
 * workers, plus one worker for the driver, at least the catalog's minimum workers.
 */
final class GlueCostModel {
  private GlueCostModel() {}

  /** The AWS formula on its own, for a known DPU count and billed duration. */
  static double jobCost(double dpu, double seconds, double minimumSeconds, double ratePerDpuHour) {
    return dpu * Math.max(minimumSeconds, seconds) / 3600.0 * ratePerDpuHour;
  }

  /** Worker types usable for batch jobs, in catalog order (G.1X, G.2X, …). */
  static List<String> batchWorkerTypes(Prices prices) {
    List<String> types = new ArrayList<>();
    for (String item : prices.items("glue.worker.")) {
      if (item.endsWith(".dpu")) {
        String type = item.substring("glue.worker.".length(), item.length() - ".dpu".length());
        if (prices.get("glue.worker." + type + ".batch", null) >= 1) {
          types.add(type);
        }
      }
    }
    types.sort(
        (a, b) ->
            Double.compare(
                prices.get("glue.worker." + a + ".dpu", null),
                prices.get("glue.worker." + b + ".dpu", null)));
    return types;
  }

  /** The worker type whose vCPU equals the executor cores (4 → G.1X), else null. */
  static String workerTypeForCores(Prices prices, int cores) {
    for (String type : batchWorkerTypes(prices)) {
      if (prices.get("glue.worker." + type + ".vcpu", null) == cores) {
        return type;
      }
    }
    return null;
  }

  static PlatformEstimate estimate(
      ResourceUsage usage, String workerType, boolean flex, Prices prices, SharedCost shared) {
    String option = (flex ? "glue-flex " : "glue-standard ") + workerType;
    List<FormulaInput> in = new ArrayList<>();
    String prefix = "glue.worker." + workerType;
    if (!prices.has(prefix + ".dpu")) {
      return PlatformEstimate.notFeasible(
          option, Platform.GLUE, "unknown worker type " + workerType, in);
    }
    if (flex && prices.get(prefix + ".flex", null) < 1) {
      return PlatformEstimate.notFeasible(
          option, Platform.GLUE, "Flex is not offered for " + workerType, in);
    }
    double dpuPerWorker = prices.get(prefix + ".dpu", in);
    double vcpu = prices.get(prefix + ".vcpu", in);
    double memGb = prices.get(prefix + ".memory-gb", in);
    double minWorkers = prices.get("glue.minimum-workers", in);
    in.add(FormulaInput.measured("executor-cores-total", usage.totalExecutorCores(), "vCPU"));
    in.add(FormulaInput.measured("executor-memory-total", usage.totalExecutorMemoryGib(), "GiB"));
    double forCores = Math.ceil(usage.totalExecutorCores() / vcpu);
    double forMemory = Math.ceil(usage.totalExecutorMemoryGib() / memGb);
    double workers = Math.max(minWorkers, 1 + Math.max(forCores, forMemory));
    in.add(FormulaInput.derived("workers", workers, "workers (incl. 1 driver)"));
    double dpu = workers * dpuPerWorker;
    in.add(FormulaInput.derived("dpu", dpu, "DPU"));
    double seconds = usage.durationSeconds();
    in.add(FormulaInput.measured("duration", seconds, "s"));
    double minimum = prices.get("glue.minimum-billed-seconds", in);
    double rate = prices.get(flex ? "glue.flex.dpu-hour" : "glue.standard.dpu-hour", in);
    double billed = Math.max(minimum, seconds);
    double compute = jobCost(dpu, seconds, minimum, rate);
    double dpuHours = dpu * billed / 3600.0;
    String formula =
        String.format(
            Locale.ROOT,
            "%.0f workers x %.2f DPU x max(%.0f s, %.1f s) / 3600 x $%s/DPU-hour",
            workers,
            dpuPerWorker,
            minimum,
            seconds,
            rate);
    return new PlatformEstimate(
        option,
        Platform.GLUE,
        true,
        "",
        compute,
        0,
        shared.totalUsd(),
        compute + shared.totalUsd(),
        dpuHours,
        seconds,
        formula,
        in);
  }
}
