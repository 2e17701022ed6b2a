package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.DetectorKeys.check;
import static io.strandsetl.rules.performance.DetectorKeys.key;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Detector;
import io.strandsetl.model.finding.DetectorFactory;
import io.strandsetl.model.finding.Evidence;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Impact;
import io.strandsetl.model.finding.Recommendation;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stages whose tasks spend a large share of their run time in JVM garbage collection: too little
 * heap per task, or code that allocates many short-lived objects (UDFs, typed Dataset lambdas).
 */
public final class GcPressureDetector implements Detector {
  public static final String ID = "gc-pressure";

  /** GC share a healthy executor stays under; the estimate assumes the fix brings GC to it. */
  static final double HEALTHY_GC_RATIO = 0.05;

  private final Thresholds thresholds;

  public GcPressureDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minRatio GC time / executor run time of a stage that counts (default 0.08, Dr.
   *     Elephant's lowest Spark GC severity threshold; its others, 0.1/0.15/0.2, set severity)
   * @param minGcMs the stage must spend at least this much GC time, ms (default 10000: below ten
   *     core-seconds tuning memory does not pay)
   */
  public record Thresholds(double minRatio, long minGcMs) {
    public static final Thresholds DEFAULTS = new Thresholds(0.08, 10_000);

    public Thresholds {
      check(minRatio > 0 && minRatio < 1, ID, "min-ratio", minRatio, "must be between 0 and 1");
      check(minGcMs >= 0, ID, "min-gc-ms", minGcMs, "must be >= 0");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(
          s.getDouble(key(ID, "min-ratio"), DEFAULTS.minRatio),
          s.getLong(key(ID, "min-gc-ms"), DEFAULTS.minGcMs));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    List<Finding> findings = new ArrayList<>();
    double runSeconds = RunFacts.executorRunSeconds(run);
    for (StageMetrics s : RunFacts.latestAttempts(run)) {
      if (s.executorRunTimeMs() <= 0 || s.jvmGcTimeMs() < thresholds.minGcMs()) {
        continue;
      }
      double ratio = (double) s.jvmGcTimeMs() / s.executorRunTimeMs();
      if (ratio < thresholds.minRatio()) {
        continue;
      }
      findings.add(finding(s, ratio, runSeconds));
    }
    return findings;
  }

  /** Dr. Elephant's GC ratio bands: 0.08 low, 0.1 moderate, 0.15 severe, 0.2 critical. */
  static Severity ratioSeverity(double ratio) {
    if (ratio >= 0.2) {
      return Severity.CRITICAL;
    }
    if (ratio >= 0.15) {
      return Severity.HIGH;
    }
    if (ratio >= 0.1) {
      return Severity.MEDIUM;
    }
    return Severity.LOW;
  }

  private Finding finding(StageMetrics s, double ratio, double runSeconds) {
    double gcSeconds = s.jvmGcTimeMs() / 1000.0;
    double savedSeconds =
        Math.max(0, gcSeconds - HEALTHY_GC_RATIO * (s.executorRunTimeMs() / 1000.0));
    // The ratio says how sick the stage is; the seconds say whether it matters for this run.
    Severity severity =
        SeverityScale.min(ratioSeverity(ratio), SeverityScale.ofSeconds(gcSeconds, runSeconds));
    List<Evidence> evidence =
        List.of(
            new Evidence("JVM GC time", s.jvmGcTimeMs(), "ms"),
            new Evidence("executor run time", s.executorRunTimeMs(), "ms"),
            new Evidence("GC time / run time", Quantities.round(ratio * 100, 1), "%"),
            new Evidence("tasks", s.numTasks(), "tasks"),
            new Evidence("memory spill", s.memorySpillBytes(), "bytes"));
    Recommendation rec =
        new Recommendation(
            "Tasks spend "
                + Quantities.percent(ratio)
                + " of their time in GC. Give each task more heap (more executor memory or fewer"
                + " cores per executor), use G1GC, and replace row-by-row UDFs or typed lambdas with"
                + " built-in functions, which do not allocate an object per row.",
            """
            spark = (SparkSession.builder
                     .config("spark.executor.memory", "8g")        # was lower; ~+50 %
                     .config("spark.executor.cores", "4")          # fewer tasks share one heap
                     .config("spark.executor.extraJavaOptions", "-XX:+UseG1GC")
                     .getOrCreate())
            # prefer built-ins over Python/Scala UDFs: F.upper(F.col("name")) not udf(str.upper)
            """,
            "-- memory is fixed at start: spark-submit --conf spark.executor.memory=8g"
                + " --conf spark.executor.extraJavaOptions=-XX:+UseG1GC\n"
                + "SELECT upper(name) FROM people;  -- built-in, not a UDF\n",
            """
            val spark = SparkSession.builder()
              .config("spark.executor.memory", "8g")
              .config("spark.executor.extraJavaOptions", "-XX:+UseG1GC")
              .getOrCreate()
            // prefer Column expressions over ds.map(row => ...) lambdas
            """,
            Map.of("spark.executor.extraJavaOptions", "-XX:+UseG1GC"));
    Impact impact =
        new Impact(
            null,
            null,
            Quantities.round(savedSeconds, 1),
            "compute core-seconds",
            "GC time above a healthy 5 % of run time: "
                + Quantities.millis(s.jvmGcTimeMs())
                + " GC − 5 % × "
                + Quantities.millis(s.executorRunTimeMs())
                + " run time.");
    return Finding.of(
        ID,
        severity,
        "Stage "
            + s.stageId()
            + " spends "
            + Quantities.percent(ratio)
            + " of task time in GC ("
            + Quantities.millis(s.jvmGcTimeMs())
            + ")",
        evidence,
        rec,
        impact,
        RunFacts.stageLocation(s));
  }

  /** Creates {@link GcPressureDetector} from {@code detector.gc-pressure.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Stages that spend a large share of task time in JVM garbage collection";
    }

    @Override
    public Detector create(Settings settings) {
      return new GcPressureDetector(Thresholds.from(settings));
    }
  }
}
