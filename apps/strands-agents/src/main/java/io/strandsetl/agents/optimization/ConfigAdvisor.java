package io.strandsetl.agents.optimization;

import io.strandsetl.agents.runtime.Sizes;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SparkConfigSummary;
import io.strandsetl.model.run.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Configuration advice from one measured run. Rules (thresholds are {@code agents.optimization.*}
 * settings; docs/agents.md says why each default):
 *
 * <ul>
 *   <li>shuffle partitions = max(total executor cores, ceil(largest shuffle a stage wrote / target
 *       partition size 128 MiB)), rounded up to a multiple of the cores so the last wave is full;
 *       advised when it differs from the current value (Spark's default 200 when unset) by more
 *       than 2×.
 *   <li>executor memory = peak JVM heap × 1.3, rounded up to 512 MiB, at least 1 GiB; advised when
 *       that is under half the allocated heap (shrink) or the run spilled / peaked above 90% of it
 *       (grow to 1.5× the allocation).
 *   <li>executor count (clusters only): when core utilisation (busy / allocated core time) is under
 *       40%, executors × utilisation / 0.7 (aim at 70% busy), at least 1.
 *   <li>broadcast threshold = the largest value the missing-broadcast detector recommends (small
 *       side × 1.2, measured), at most 1 GiB (the driver collects a broadcast side).
 * </ul>
 */
final class ConfigAdvisor {
  static final long SPARK_DEFAULT_SHUFFLE_PARTITIONS = 200;
  private static final long HALF_GIB = 512 * Sizes.MIB;

  private final long targetPartitionBytes;
  private final long maxBroadcastBytes;
  private final double lowCpuUtilisation;

  ConfigAdvisor(Settings settings) {
    this.targetPartitionBytes =
        settings.getBytes("agents.optimization.target-partition-bytes", 128 * Sizes.MIB);
    this.maxBroadcastBytes =
        settings.getBytes("agents.optimization.max-broadcast-bytes", Sizes.GIB);
    this.lowCpuUtilisation = settings.getDouble("agents.optimization.low-cpu-utilisation", 0.4);
  }

  ConfigAdvice advise(AnalysisReport report) {
    List<ConfigChange> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (report == null || report.run() == null || report.run().metrics() == null) {
      notes.add("no metrics: the run's event log could not be analysed");
      return new ConfigAdvice(changes, notes);
    }
    RunMetrics m = report.run().metrics();
    SparkConfigSummary conf =
        report.run().application() == null ? null : report.run().application().config();
    boolean local = conf != null && conf.master() != null && conf.master().startsWith("local");
    int cores = cores(report, conf);
    shufflePartitions(report, conf, cores, changes, notes);
    executorMemory(m, conf, changes, notes);
    if (local) {
      notes.add("local mode: one executor in the driver, executor count does not apply");
    } else {
      executorCount(m, conf, report, changes, notes);
    }
    broadcast(report, conf, changes);
    return new ConfigAdvice(changes, notes);
  }

  private static int cores(AnalysisReport report, SparkConfigSummary conf) {
    int cores = 0;
    for (ExecutorSummary e : report.run().executors()) {
      if (!"driver".equals(e.executorId()) || report.run().executors().size() == 1) {
        cores += Math.max(0, e.cores());
      }
    }
    if (cores == 0 && conf != null && conf.executorCores() != null) {
      cores =
          conf.executorCores() * (conf.executorInstances() == null ? 1 : conf.executorInstances());
    }
    return Math.max(1, cores);
  }

  private void shufflePartitions(
      AnalysisReport report,
      SparkConfigSummary conf,
      int cores,
      List<ConfigChange> changes,
      List<String> notes) {
    long largest = 0;
    for (StageMetrics s : report.run().stages()) {
      largest = Math.max(largest, s.shuffleWriteBytes());
    }
    if (largest == 0) {
      notes.add("no shuffle: spark.sql.shuffle.partitions does not matter for this run");
      return;
    }
    long byData = (largest + targetPartitionBytes - 1) / targetPartitionBytes;
    long partitions = Math.max(cores, byData);
    partitions = ((partitions + cores - 1) / cores) * cores;
    long current =
        conf == null || conf.shufflePartitions() == null
            ? SPARK_DEFAULT_SHUFFLE_PARTITIONS
            : conf.shufflePartitions();
    if (partitions * 2 < current || partitions > current * 2) {
      changes.add(
          new ConfigChange(
              "spark.sql.shuffle.partitions",
              conf == null || conf.shufflePartitions() == null
                  ? null
                  : Long.toString(conf.shufflePartitions()),
              Long.toString(partitions),
              "max(cores, largest shuffle / "
                  + Sizes.bytes(targetPartitionBytes)
                  + "), a multiple of the cores",
              String.format(
                  Locale.ROOT,
                  "largest stage shuffle write %s, %d cores, %d partitions used (%s each)",
                  Sizes.bytes(largest),
                  cores,
                  current,
                  Sizes.bytes(largest / Math.max(1, current)))));
    }
  }

  private static void executorMemory(
      RunMetrics m, SparkConfigSummary conf, List<ConfigChange> changes, List<String> notes) {
    Long peak = m.peakJvmHeapBytesMax();
    Long allocated =
        conf != null && conf.executorMemoryBytes() != null
            ? conf.executorMemoryBytes()
            : m.executorMemoryBytes();
    if (peak == null || allocated == null || allocated <= 0) {
      notes.add("executor memory: peak heap or allocation not in the event log, no advice");
      return;
    }
    boolean spilled = m.memorySpillBytes() + m.diskSpillBytes() > 0;
    long need = roundUp((long) (peak * 1.3), HALF_GIB);
    need = Math.max(need, 2 * HALF_GIB);
    String evidence =
        String.format(
            Locale.ROOT,
            "peak JVM heap %s of %s allocated (%.0f%%), spill %s",
            Sizes.bytes(peak),
            Sizes.bytes(allocated),
            100.0 * peak / allocated,
            Sizes.bytes(m.memorySpillBytes() + m.diskSpillBytes()));
    String current =
        conf != null && conf.executorMemoryBytes() != null
            ? Sizes.spark(conf.executorMemoryBytes())
            : null;
    if (spilled || peak > 0.9 * allocated) {
      changes.add(
          new ConfigChange(
              "spark.executor.memory",
              current,
              Sizes.spark(roundUp((long) (allocated * 1.5), HALF_GIB)),
              "spill or peak heap above 90% of the allocation: grow it 1.5x",
              evidence));
    } else if (need * 2 <= allocated) {
      changes.add(
          new ConfigChange(
              "spark.executor.memory",
              current,
              Sizes.spark(need),
              "peak heap x 1.3 headroom (rounded up to 512 MiB) is under half the allocation",
              evidence));
    }
  }

  private void executorCount(
      RunMetrics m,
      SparkConfigSummary conf,
      AnalysisReport report,
      List<ConfigChange> changes,
      List<String> notes) {
    if (m.allocatedCoreMs() <= 0) {
      return;
    }
    double utilisation = (double) m.busyCoreMs() / m.allocatedCoreMs();
    int executors =
        conf != null && conf.executorInstances() != null
            ? conf.executorInstances()
            : Math.max(1, m.maxConcurrentExecutors());
    if (utilisation < lowCpuUtilisation && executors > 1) {
      long target = Math.max(1, (long) Math.ceil(executors * utilisation / 0.7));
      changes.add(
          new ConfigChange(
              "spark.executor.instances",
              conf != null && conf.executorInstances() != null
                  ? Integer.toString(conf.executorInstances())
                  : null,
              Long.toString(target),
              "core utilisation under "
                  + Math.round(lowCpuUtilisation * 100)
                  + "%: executors x utilisation / 0.7",
              String.format(
                  Locale.ROOT,
                  "%d executors, cores busy %.0f%% of allocated core time",
                  executors,
                  utilisation * 100)));
    }
  }

  private void broadcast(
      AnalysisReport report, SparkConfigSummary conf, List<ConfigChange> changes) {
    long best = 0;
    String from = null;
    for (Finding f : report.findings()) {
      String v = f.recommendation().config().get("spark.sql.autoBroadcastJoinThreshold");
      if (v != null && "missing-broadcast".equals(f.type())) {
        long bytes = Settings.of(java.util.Map.of("v", v)).getBytes("v", 0);
        if (bytes > best) {
          best = bytes;
          from = f.title();
        }
      }
    }
    if (best <= 0) {
      return;
    }
    best = Math.min(best, maxBroadcastBytes);
    Long current = conf == null ? null : conf.broadcastThresholdBytes();
    if (current != null && current >= best) {
      return;
    }
    changes.add(
        new ConfigChange(
            "spark.sql.autoBroadcastJoinThreshold",
            current == null ? null : Long.toString(current),
            Sizes.spark(best),
            "largest small join side the missing-broadcast detector measured x 1.2, at most "
                + Sizes.bytes(maxBroadcastBytes),
            from));
  }

  private static long roundUp(long v, long unit) {
    return ((v + unit - 1) / unit) * unit;
  }
}
