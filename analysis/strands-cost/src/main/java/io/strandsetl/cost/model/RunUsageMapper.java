package io.strandsetl.cost.model;

import io.strandsetl.model.run.ApplicationInfo;
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SparkConfigSummary;
import io.strandsetl.model.run.SqlExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@link ResourceUsage} from what an event log measured. Every gap filled is written to
 * {@link ResourceUsage#assumptions()}.
 *
 * <ul>
 *   <li>duration: {@code ApplicationInfo.durationMs}; an incomplete log uses allocated core-ms /
 *       total cores.
 *   <li>executors: {@code maxConcurrentExecutors} of non-driver executors; local mode (only a
 *       driver): 1, and the driver's task slots are the executor cores.
 *   <li>executor cores: {@code spark.executor.cores}, else the most cores an executor announced.
 *   <li>executor memory: {@code spark.executor.memory} + overhead ({@code
 *       spark.executor.memoryOverhead}, else Spark's default max(384 MiB, 10 %)); local mode: the
 *       driver memory; Spark's default 1 GiB when nothing is set.
 *   <li>core-seconds: {@code allocatedCoreMs} / 1000, else executors × cores × duration.
 *   <li>memory-seconds: core-seconds / executor cores × executor memory (each executor's lifetime ×
 *       its memory).
 * </ul>
 */
public final class RunUsageMapper {
  private static final double GIB = 1024.0 * 1024 * 1024;
  private static final long DEFAULT_MEMORY = 1L << 30; // Spark's default executor/driver memory
  private static final long MIN_OVERHEAD = 384L << 20;

  private RunUsageMapper() {}

  public static ResourceUsage fromRun(RunAnalysis run) {
    ApplicationInfo app = run.application();
    RunMetrics m = run.metrics();
    SparkConfigSummary conf = app == null ? null : app.config();
    List<String> assumptions = new ArrayList<>();

    List<ExecutorSummary> workers = new ArrayList<>();
    ExecutorSummary driver = null;
    for (ExecutorSummary e : run.executors()) {
      if ("driver".equals(e.executorId())) {
        driver = e;
      } else {
        workers.add(e);
      }
    }
    boolean local = workers.isEmpty();

    int cores;
    if (conf != null && conf.executorCores() != null && conf.executorCores() > 0 && !local) {
      cores = conf.executorCores();
    } else {
      int max = 0;
      for (ExecutorSummary e : local && driver != null ? List.of(driver) : workers) {
        max = Math.max(max, e.cores());
      }
      cores = max;
    }
    int executors;
    if (local) {
      executors = 1;
      assumptions.add("local mode: the driver is the only executor; cores = its task slots");
    } else {
      executors = Math.max(1, m.maxConcurrentExecutors());
    }

    long durationMs;
    if (app != null && app.durationMs() != null) {
      durationMs = app.durationMs();
    } else if (cores > 0 && m.allocatedCoreMs() > 0) {
      durationMs = m.allocatedCoreMs() / ((long) cores * executors);
      assumptions.add("log incomplete: duration = allocated core-ms / total cores");
    } else {
      durationMs = 0;
      assumptions.add("log incomplete: duration unknown, taken as 0");
    }
    if (cores <= 0) {
      cores =
          durationMs > 0 && m.allocatedCoreMs() > 0
              ? (int) Math.max(1, Math.round((double) m.allocatedCoreMs() / durationMs / executors))
              : 1;
      assumptions.add("executor cores not in the log: " + cores + " from allocated core time");
    }

    long heap;
    long overhead;
    if (local) {
      Long driverMemory = conf == null ? null : conf.driverMemoryBytes();
      heap = driverMemory != null ? driverMemory : DEFAULT_MEMORY;
      overhead = 0;
      if (driverMemory == null) {
        assumptions.add("spark.driver.memory not set: Spark's default 1 GiB");
      }
    } else {
      Long executorMemory = conf == null ? null : conf.executorMemoryBytes();
      heap = executorMemory != null ? executorMemory : DEFAULT_MEMORY;
      if (executorMemory == null) {
        assumptions.add("spark.executor.memory not set: Spark's default 1 GiB");
      }
      Long configuredOverhead = conf == null ? null : conf.executorMemoryOverheadBytes();
      overhead =
          configuredOverhead != null
              ? configuredOverhead
              : Math.max(MIN_OVERHEAD, (long) (heap * 0.10));
    }
    double executorMemoryGib = (heap + overhead) / GIB;

    double seconds = durationMs / 1000.0;
    double coreSeconds = m.allocatedCoreMs() / 1000.0;
    if (coreSeconds <= 0) {
      coreSeconds = executors * cores * seconds;
      assumptions.add("allocated core time not measured: executors x cores x duration");
    }
    double memoryGibSeconds = coreSeconds / cores * executorMemoryGib;

    int driverCores = 1;
    double driverMemoryGib = DEFAULT_MEMORY / GIB;
    if (conf != null) {
      String dc = conf.properties().get("spark.driver.cores");
      if (dc != null) {
        try {
          driverCores = Math.max(1, Integer.parseInt(dc.trim()));
        } catch (NumberFormatException e) {
          assumptions.add("spark.driver.cores '" + dc + "' is not a number: 1 core assumed");
        }
      }
      if (conf.driverMemoryBytes() != null) {
        driverMemoryGib = conf.driverMemoryBytes() / GIB;
      }
    }

    long files = 0;
    for (SqlExecution sql : run.sql()) {
      if (sql.filesWritten() != null) {
        files += sql.filesWritten();
      }
    }
    return new ResourceUsage(
        durationMs,
        coreSeconds,
        m.busyCoreMs() / 1000.0,
        memoryGibSeconds,
        executors,
        cores,
        executorMemoryGib,
        driverCores,
        driverMemoryGib,
        m.inputBytes(),
        m.outputBytes(),
        m.shuffleWriteBytes(),
        m.diskSpillBytes(),
        m.dataProcessedBytes(),
        files,
        clampPercent(m.cpuUtilizationPercent()),
        clampPercent(m.memoryUtilizationPercent()),
        assumptions);
  }

  private static Double clampPercent(Double v) {
    return v == null || v.isNaN() ? null : Math.max(0, Math.min(100, v));
  }

  /** The usage in one line, for logs. */
  public static String describe(ResourceUsage u) {
    return String.format(
        Locale.ROOT,
        "%.1f s, %d executors x %d cores x %.2f GiB, %.0f core-s allocated, %.0f busy",
        u.durationSeconds(),
        u.executors(),
        u.executorCores(),
        u.executorMemoryGib(),
        u.coreSeconds(),
        u.busyCoreSeconds());
  }
}
