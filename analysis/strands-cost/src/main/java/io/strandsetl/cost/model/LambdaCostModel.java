package io.strandsetl.cost.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AWS Lambda, the whole job in one x86 invocation (a rough what-if: Spark does not run on Lambda as
 * is; engines for small data do). Memory = max(working memory, vCPU wanted × MB per vCPU, minimum),
 * capped at the maximum; duration = max(measured duration, busy core-seconds / vCPU the memory
 * buys). Not feasible (N/A, not priced) when the working memory exceeds the maximum memory, the
 * duration exceeds the maximum duration, or shuffle + spill exceed the maximum /tmp.
 */
final class LambdaCostModel {
  private static final double MIB = 1024.0 * 1024.0;

  private LambdaCostModel() {}

  static PlatformEstimate estimate(ResourceUsage usage, Prices prices, SharedCost shared) {
    List<FormulaInput> in = new ArrayList<>();
    double maxSeconds = prices.get("lambda.max-duration-seconds", in);
    double minMb = prices.get("lambda.min-memory-mb", in);
    double maxMb = prices.get("lambda.max-memory-mb", in);
    double mbPerVcpu = prices.get("lambda.mb-per-vcpu", in);
    double maxTmpMb = prices.get("lambda.max-ephemeral-mb", in);
    double freeTmpMb = prices.get("lambda.free-ephemeral-mb", in);

    // Working memory: the measured peak share of the allocated executor memory when known,
    // else all of it (an executor sized for the job is the only evidence there is).
    double utilisation =
        usage.memoryUtilizationPercent() == null
            ? 1.0
            : Math.min(1.0, usage.memoryUtilizationPercent() / 100.0);
    double workingMb = usage.totalExecutorMemoryGib() * 1024.0 * utilisation;
    in.add(FormulaInput.derived("working-memory", workingMb, "MB"));
    double tmpMb = (usage.bytesShuffled() + usage.bytesSpilledToDisk()) / MIB;
    in.add(FormulaInput.derived("tmp-needed", tmpMb, "MB (shuffle + spill)"));
    if (workingMb > maxMb) {
      return PlatformEstimate.notFeasible(
          "lambda",
          Platform.LAMBDA,
          String.format(
              Locale.ROOT,
              "needs %.0f MB of memory, Lambda allows at most %.0f MB",
              workingMb,
              maxMb),
          in);
    }
    if (tmpMb > maxTmpMb) {
      return PlatformEstimate.notFeasible(
          "lambda",
          Platform.LAMBDA,
          String.format(
              Locale.ROOT,
              "needs %.0f MB of local disk (shuffle + spill), Lambda /tmp allows at most %.0f MB",
              tmpMb,
              maxTmpMb),
          in);
    }
    // vCPU: the average number of cores the run kept busy (busy core-s / duration), the least
    // that does not lengthen the run when work spreads evenly; never above the executors' cores.
    double busyCores =
        usage.durationSeconds() > 0
            ? usage.busyCoreSeconds() / usage.durationSeconds()
            : usage.totalExecutorCores();
    double vcpuWanted =
        Math.min(Math.min(usage.totalExecutorCores(), busyCores), maxMb / mbPerVcpu);
    in.add(FormulaInput.derived("average-busy-cores", busyCores, "cores"));
    double memoryMb = Math.min(maxMb, Math.max(minMb, Math.max(workingMb, vcpuWanted * mbPerVcpu)));
    double vcpu = memoryMb / mbPerVcpu;
    in.add(FormulaInput.derived("memory", memoryMb, "MB"));
    in.add(FormulaInput.derived("vcpu", vcpu, "vCPU"));
    in.add(FormulaInput.measured("busy-core-seconds", usage.busyCoreSeconds(), "core-s"));
    double seconds = Math.max(usage.durationSeconds(), usage.busyCoreSeconds() / vcpu);
    in.add(FormulaInput.derived("duration", seconds, "s"));
    if (seconds > maxSeconds) {
      return PlatformEstimate.notFeasible(
          "lambda",
          Platform.LAMBDA,
          String.format(
              Locale.ROOT,
              "would run about %.0f s on %.1f vCPU, Lambda allows at most %.0f s",
              seconds,
              vcpu,
              maxSeconds),
          in);
    }
    double gbSecondRate = prices.get("lambda.x86.gb-second", in);
    double requestRate = prices.get("lambda.requests-million", in);
    double compute = memoryMb / 1024.0 * seconds * gbSecondRate + requestRate / 1_000_000.0;
    double storage = 0;
    double extraTmpGb = Math.max(0, tmpMb - freeTmpMb) / 1024.0;
    if (extraTmpGb > 0) {
      storage = extraTmpGb * seconds * prices.get("lambda.ephemeral-gb-second", in);
    }
    String formula =
        String.format(
            Locale.ROOT,
            "%.0f MB / 1024 x %.3f s x $%s/GB-s + 1 request x $%s/1M + %.3f GB /tmp above free x"
                + " s x ephemeral rate",
            memoryMb,
            seconds,
            gbSecondRate,
            requestRate,
            extraTmpGb);
    return new PlatformEstimate(
        "lambda",
        Platform.LAMBDA,
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
