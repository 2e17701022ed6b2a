package io.strandsetl.cost.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EMR Serverless: vCPU-hours × rate + GB-hours × rate + storage above the free GB per worker.
 * Workers are the executors plus the driver, each billed at least the minimum seconds. The run's
 * measured allocated core-seconds and memory-seconds are used when larger than the minimum. Local
 * disk need per worker = (shuffle written + disk spill) / executors.
 */
final class EmrServerlessCostModel {
  private EmrServerlessCostModel() {}

  static PlatformEstimate estimate(ResourceUsage usage, Prices prices, SharedCost shared) {
    List<FormulaInput> in = new ArrayList<>();
    double seconds = usage.durationSeconds();
    double minimum = prices.get("emr-serverless.minimum-billed-seconds", in);
    in.add(FormulaInput.measured("duration", seconds, "s"));
    in.add(FormulaInput.measured("executor-core-seconds", usage.coreSeconds(), "vCPU-s"));
    in.add(FormulaInput.measured("executor-memory-seconds", usage.memoryGibSeconds(), "GiB-s"));
    double driverSeconds = Math.max(minimum, seconds);
    double executorVcpuSeconds =
        Math.max(usage.coreSeconds(), usage.totalExecutorCores() * minimum);
    double executorGbSeconds =
        Math.max(usage.memoryGibSeconds(), usage.totalExecutorMemoryGib() * minimum);
    double vcpuHours = (executorVcpuSeconds + usage.driverCores() * driverSeconds) / 3600.0;
    double gbHours = (executorGbSeconds + usage.driverMemoryGib() * driverSeconds) / 3600.0;
    in.add(FormulaInput.derived("vcpu-hours", vcpuHours, "vCPU-hour (incl. driver)"));
    in.add(FormulaInput.derived("gb-hours", gbHours, "GB-hour (incl. driver)"));
    double vcpuRate = prices.get("emr-serverless.vcpu-hour", in);
    double gbRate = prices.get("emr-serverless.gb-hour", in);
    double compute = vcpuHours * vcpuRate + gbHours * gbRate;

    double freeGb = prices.get("emr-serverless.free-storage-gb-per-worker", in);
    double diskPerWorkerGb =
        (usage.bytesShuffled() + usage.bytesSpilledToDisk()) / 1e9 / usage.executors();
    in.add(FormulaInput.derived("local-disk-per-worker", diskPerWorkerGb, "GB"));
    double extraGb = Math.max(0, diskPerWorkerGb - freeGb);
    double storage = 0;
    if (extraGb > 0) {
      double storageRate = prices.get("emr-serverless.storage-gb-hour", in);
      storage = extraGb * usage.executors() * Math.max(minimum, seconds) / 3600.0 * storageRate;
    }
    String formula =
        String.format(
            Locale.ROOT,
            "%.4f vCPU-h x $%s + %.4f GB-h x $%s + %.2f GB above free x %d workers x hours x"
                + " storage rate",
            vcpuHours,
            vcpuRate,
            gbHours,
            gbRate,
            extraGb,
            usage.executors());
    return new PlatformEstimate(
        "emr-serverless",
        Platform.EMR_SERVERLESS,
        true,
        "",
        compute,
        storage,
        shared.totalUsd(),
        compute + storage + shared.totalUsd(),
        0,
        seconds,
        formula,
        in);
  }
}
