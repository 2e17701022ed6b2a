package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.DetectorKeys.check;
import static io.strandsetl.rules.performance.DetectorKeys.key;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Detector;
import io.strandsetl.model.finding.DetectorFactory;
import io.strandsetl.model.finding.Evidence;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Impact;
import io.strandsetl.model.finding.Location;
import io.strandsetl.model.finding.Recommendation;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SparkConfigSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Executor cores that were allocated (and billed) but ran no task: over-provisioned executors, a
 * driver-side bottleneck (collect, single-threaded Python, JDBC), or idle gaps between jobs.
 */
public final class IdleExecutorsDetector implements Detector {
  public static final String ID = "idle-executors";

  /** Utilisation a well-sized cluster reaches; recommendations size executors for it. */
  static final double TARGET_UTILISATION = 0.7;

  private final Thresholds thresholds;

  public IdleExecutorsDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minIdlePercent idle share of allocated core time that counts (default 50, DataFlint's
   *     wasted-cores alert)
   * @param minIdleCoreSeconds at least this many idle core-seconds (default 600 = 10 core-minutes:
   *     below it the money at stake is cents)
   */
  public record Thresholds(double minIdlePercent, double minIdleCoreSeconds) {
    public static final Thresholds DEFAULTS = new Thresholds(50, 600);

    public Thresholds {
      check(
          minIdlePercent >= 0 && minIdlePercent <= 100,
          ID,
          "min-idle-percent",
          minIdlePercent,
          "must be between 0 and 100");
      check(
          minIdleCoreSeconds >= 0, ID, "min-idle-core-seconds", minIdleCoreSeconds, "must be >= 0");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(
          s.getDouble(key(ID, "min-idle-percent"), DEFAULTS.minIdlePercent),
          s.getDouble(key(ID, "min-idle-core-seconds"), DEFAULTS.minIdleCoreSeconds));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    RunMetrics m = run.metrics();
    if (m == null || m.allocatedCoreMs() <= 0) {
      return List.of();
    }
    long idleMs = Math.max(0, m.allocatedCoreMs() - m.busyCoreMs());
    double idleRatio = (double) idleMs / m.allocatedCoreMs();
    double idleCoreSeconds = idleMs / 1000.0;
    if (idleRatio * 100 < thresholds.minIdlePercent()
        || idleCoreSeconds < thresholds.minIdleCoreSeconds()) {
      return List.of();
    }
    double allocatedCoreSeconds = m.allocatedCoreMs() / 1000.0;
    // Right-sized, the same busy time would fill TARGET_UTILISATION of the allocation.
    double neededCoreSeconds = m.busyCoreMs() / 1000.0 / TARGET_UTILISATION;
    double savable = Math.max(0, allocatedCoreSeconds - neededCoreSeconds);
    // Idle capacity is a cost, not a delay: rate the core-seconds that could be given back.
    Severity severity = SeverityScale.ofCoreSeconds(savable);

    SparkConfigSummary config = run.application() == null ? null : run.application().config();
    boolean dynamic = config != null && Boolean.TRUE.equals(config.dynamicAllocation());
    int coresPerExecutor =
        config != null && config.executorCores() != null ? Math.max(1, config.executorCores()) : 1;
    double durationSeconds = RunFacts.durationSeconds(run);
    long executorsNeeded =
        durationSeconds > 0
            ? Math.max(1, (long) Math.ceil(neededCoreSeconds / durationSeconds / coresPerExecutor))
            : 1;

    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("allocated core time", m.allocatedCoreMs(), "ms"));
    evidence.add(new Evidence("busy core time (task run time)", m.busyCoreMs(), "ms"));
    evidence.add(new Evidence("idle cores", Quantities.round(idleRatio * 100, 1), "%"));
    evidence.add(new Evidence("max concurrent executors", m.maxConcurrentExecutors(), "executors"));
    evidence.add(new Evidence("executors added", m.executorsAdded(), "executors"));
    evidence.add(new Evidence("dynamic allocation", dynamic, ""));

    Map<String, String> conf = new TreeMap<>();
    String summary;
    if (dynamic) {
      conf.put("spark.dynamicAllocation.executorIdleTimeout", "30s");
      conf.put("spark.dynamicAllocation.schedulerBacklogTimeout", "5s");
      conf.put("spark.dynamicAllocation.executorAllocationRatio", "0.5");
      summary =
          "Dynamic allocation kept more cores than the tasks used: release idle executors sooner"
              + " and request fewer per backlog. If the driver itself is the bottleneck (collect,"
              + " pandas, single-partition JDBC), parallelise that step instead.";
    } else {
      conf.put("spark.dynamicAllocation.enabled", "true");
      conf.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
      conf.put(
          "spark.dynamicAllocation.maxExecutors", Long.toString(Math.max(1, executorsNeeded * 2)));
      conf.put("spark.executor.instances", Long.toString(executorsNeeded));
      summary =
          "Only "
              + Quantities.percent(1 - idleRatio)
              + " of the allocated core time ran tasks. About "
              + executorsNeeded
              + " executor(s) of "
              + coresPerExecutor
              + " core(s) would do at "
              + Math.round(TARGET_UTILISATION * 100)
              + " % utilisation, or let dynamic allocation size the cluster. If the driver is the"
              + " bottleneck (collect, pandas, a single-partition JDBC read), parallelise that step.";
    }
    Recommendation rec =
        new Recommendation(
            summary,
            "spark = (SparkSession.builder\n"
                + configLines(conf, "         .config(\"%s\", \"%s\")\n")
                + "         .getOrCreate())\n",
            "-- executor counts are fixed at submit time:\n-- spark-submit "
                + configLines(conf, "--conf %s=%s ").trim()
                + "\n",
            "val spark = SparkSession.builder()\n"
                + configLines(conf, "  .config(\"%s\", \"%s\")\n")
                + "  .getOrCreate()\n",
            conf);
    Impact impact =
        new Impact(
            null,
            null,
            Quantities.round(savable, 1),
            "compute core-seconds (instance, DPU or vCPU hours billed while idle)",
            "Allocated "
                + Math.round(allocatedCoreSeconds)
                + " core-seconds, busy "
                + Math.round(m.busyCoreMs() / 1000.0)
                + "; sized for "
                + Math.round(TARGET_UTILISATION * 100)
                + " % utilisation the run would need "
                + Math.round(neededCoreSeconds)
                + ".");
    return List.of(
        Finding.of(
            ID,
            severity,
            Quantities.percent(idleRatio)
                + " of allocated executor core time was idle ("
                + Math.round(idleCoreSeconds)
                + " core-seconds)",
            evidence,
            rec,
            impact,
            Location.ofApplication()));
  }

  static String configLines(Map<String, String> conf, String format) {
    StringBuilder b = new StringBuilder();
    conf.forEach((k, v) -> b.append(String.format(Locale.ROOT, format, k, v)));
    return b.toString();
  }

  /** Creates {@link IdleExecutorsDetector} from {@code detector.idle-executors.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Executor cores allocated but idle (no task running)";
    }

    @Override
    public Detector create(Settings settings) {
      return new IdleExecutorsDetector(Thresholds.from(settings));
    }
  }
}
