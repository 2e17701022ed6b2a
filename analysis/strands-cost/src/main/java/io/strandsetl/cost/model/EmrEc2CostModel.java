package io.strandsetl.cost.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EMR on EC2: instance-hours × (EC2 price + EMR uplift), per second with a minimum per instance,
 * from cluster request to termination (start-up seconds are added when given). Instance choice: for
 * every instance type in the catalog, core nodes = {@code max(⌈executor cores / vCPU⌉, ⌈executor
 * memory / memory⌉)}; one primary node of the cheapest type; the cheapest cluster wins. Spot: core
 * nodes' EC2 price × the catalog's spot fraction (an assumption), the uplift and the primary node
 * stay on-demand.
 */
final class EmrEc2CostModel {
  private EmrEc2CostModel() {}

  record Cluster(String type, double coreNodes, String primaryType, double hourly) {}

  static List<PlatformEstimate> estimates(
      ResourceUsage usage, Prices prices, SharedCost shared, double startupSeconds) {
    List<String> types = instanceTypes(prices);
    if (types.isEmpty()) {
      return List.of(
          PlatformEstimate.notFeasible(
              "emr-ec2 on-demand",
              Platform.EMR_EC2,
              "no EC2 instance type in the catalog",
              List.of()),
          PlatformEstimate.notFeasible(
              "emr-ec2 spot", Platform.EMR_EC2, "no EC2 instance type in the catalog", List.of()));
    }
    String primary = null;
    double primaryHourly = Double.MAX_VALUE;
    for (String t : types) {
      double h = hourly(prices, t, null);
      if (h < primaryHourly) {
        primaryHourly = h;
        primary = t;
      }
    }
    String best = null;
    double bestNodes = 0;
    double bestCost = Double.MAX_VALUE;
    for (String t : types) {
      double nodes = nodes(usage, prices, t, null);
      double c = nodes * hourly(prices, t, null);
      if (c < bestCost) {
        bestCost = c;
        best = t;
        bestNodes = nodes;
      }
    }
    return List.of(
        estimate(usage, prices, shared, best, bestNodes, primary, false, startupSeconds),
        estimate(usage, prices, shared, best, bestNodes, primary, true, startupSeconds));
  }

  private static PlatformEstimate estimate(
      ResourceUsage usage,
      Prices prices,
      SharedCost shared,
      String type,
      double coreNodes,
      String primary,
      boolean spot,
      double startupSeconds) {
    List<FormulaInput> in = new ArrayList<>();
    in.add(FormulaInput.measured("executor-cores-total", usage.totalExecutorCores(), "vCPU"));
    in.add(FormulaInput.measured("executor-memory-total", usage.totalExecutorMemoryGib(), "GiB"));
    nodes(usage, prices, type, in);
    in.add(FormulaInput.derived("core-nodes", coreNodes, type));
    double ec2 = prices.get("ec2." + type + ".on-demand-hour", in);
    double uplift = prices.get("emr." + type + ".uplift-hour", in);
    double primaryHourly = hourly(prices, primary, in);
    double spotFraction = spot ? prices.get("emr.ec2.spot-fraction", in) : 1;
    double seconds = usage.durationSeconds();
    in.add(FormulaInput.measured("duration", seconds, "s"));
    double minimum = prices.get("emr.minimum-billed-seconds", in);
    if (startupSeconds > 0) {
      in.add(
          new FormulaInput("emr-startup", startupSeconds, "s", "option cost.emr.startup-seconds"));
    }
    double billed = Math.max(minimum, seconds + startupSeconds);
    double coreHourly = ec2 * spotFraction + uplift;
    double compute = (coreNodes * coreHourly + primaryHourly) * billed / 3600.0;
    String option = "emr-ec2 " + (spot ? "spot " : "on-demand ") + type;
    String formula =
        String.format(
            Locale.ROOT,
            "(%.0f x %s x ($%s%s + $%s) + 1 primary %s x $%.4f) x %.1f s / 3600",
            coreNodes,
            type,
            ec2,
            spot ? " x " + spotFraction : "",
            uplift,
            primary,
            primaryHourly,
            billed);
    return new PlatformEstimate(
        option,
        Platform.EMR_EC2,
        true,
        "",
        compute,
        0,
        shared.totalUsd(),
        compute + shared.totalUsd(),
        0,
        seconds,
        formula,
        in);
  }

  static double nodes(ResourceUsage usage, Prices prices, String type, List<FormulaInput> in) {
    double vcpu = prices.get("ec2." + type + ".vcpu", in);
    double mem = prices.get("ec2." + type + ".memory-gib", in);
    return Math.max(
        1,
        Math.max(
            Math.ceil(usage.totalExecutorCores() / vcpu),
            Math.ceil(usage.totalExecutorMemoryGib() / mem)));
  }

  static double hourly(Prices prices, String type, List<FormulaInput> in) {
    return prices.get("ec2." + type + ".on-demand-hour", in)
        + prices.get("emr." + type + ".uplift-hour", in);
  }

  /** Instance types with a shape, an EC2 price and an EMR uplift in the catalog's region. */
  static List<String> instanceTypes(Prices prices) {
    List<String> types = new ArrayList<>();
    for (String item : prices.items("ec2.")) {
      if (item.endsWith(".vcpu")) {
        String type = item.substring("ec2.".length(), item.length() - ".vcpu".length());
        if (prices.has("ec2." + type + ".memory-gib")
            && prices.has("ec2." + type + ".on-demand-hour")
            && prices.has("emr." + type + ".uplift-hour")) {
          types.add(type);
        }
      }
    }
    return types;
  }
}
