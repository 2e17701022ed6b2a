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
import io.strandsetl.model.run.StageMetrics;
import java.util.ArrayList;
import java.util.Comparator;
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
    double runSeconds = RunFacts.executorRunSeconds(run);
    List<StageMetrics> stages = RunFacts.latestAttempts(run);
    long appGcMs = 0;
    long appRunMs = 0;
    for (StageMetrics s : stages) {
      appGcMs += s.jvmGcTimeMs();
      appRunMs += s.executorRunTimeMs();
    }
    // GC is tuned per application (heap, cores, collector): when the whole run passes, one
    // application finding names the worst stages instead of one finding per stage.
    if (passes(appGcMs, appRunMs)) {
      List<StageMetrics> worst = new ArrayList<>();
      for (StageMetrics s : stages) {
        if (s.executorRunTimeMs() > 0
            && ratio(s.jvmGcTimeMs(), s.executorRunTimeMs()) >= thresholds.minRatio()) {
          worst.add(s);
        }
      }
      worst.sort(
          Comparator.comparingLong(StageMetrics::jvmGcTimeMs)
              .reversed()
              .thenComparingInt(StageMetrics::stageId));
      List<Evidence> extra = new ArrayList<>();
      extra.add(new Evidence("stages at or above the GC threshold", worst.size(), "stages"));
      for (StageMetrics s : worst.subList(0, Math.min(3, worst.size()))) {
        extra.add(
            new Evidence(
                "GC time / run time of stage " + s.stageId(),
                Quantities.round(100 * ratio(s.jvmGcTimeMs(), s.executorRunTimeMs()), 1),
                "%"));
      }
      return List.of(
          finding("The run", Location.ofApplication(), appGcMs, appRunMs, runSeconds, extra));
    }
    List<Finding> findings = new ArrayList<>();
    for (StageMetrics s : stages) {
      if (passes(s.jvmGcTimeMs(), s.executorRunTimeMs())) {
        List<Evidence> extra =
            List.of(
                new Evidence("tasks", s.numTasks(), "tasks"),
                new Evidence("memory spill", s.memorySpillBytes(), "bytes"));
        findings.add(
            finding(
                "Stage " + s.stageId(),
                RunFacts.stageLocation(s),
                s.jvmGcTimeMs(),
                s.executorRunTimeMs(),
                runSeconds,
                extra));
      }
    }
    return findings;
  }

  private boolean passes(long gcMs, long runMs) {
    return runMs > 0 && gcMs >= thresholds.minGcMs() && ratio(gcMs, runMs) >= thresholds.minRatio();
  }

  private static double ratio(long gcMs, long runMs) {
    return runMs <= 0 ? 0 : (double) gcMs / runMs;
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

  private Finding finding(
      String scope,
      Location location,
      long gcMs,
      long runMs,
      double runSeconds,
      List<Evidence> extra) {
    double ratio = ratio(gcMs, runMs);
    double gcSeconds = gcMs / 1000.0;
    double savedSeconds = Math.max(0, gcSeconds - HEALTHY_GC_RATIO * (runMs / 1000.0));
    // The ratio says how sick the run is; the seconds say whether it matters for this run.
    Severity severity =
        SeverityScale.min(ratioSeverity(ratio), SeverityScale.ofSeconds(gcSeconds, runSeconds));
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("JVM GC time", gcMs, "ms"));
    evidence.add(new Evidence("executor run time", runMs, "ms"));
    evidence.add(new Evidence("GC time / run time", Quantities.round(ratio * 100, 1), "%"));
    evidence.addAll(extra);
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
                + Quantities.millis(gcMs)
                + " GC − 5 % × "
                + Quantities.millis(runMs)
                + " run time.");
    return Finding.of(
        ID,
        severity,
        scope
            + " spends "
            + Quantities.percent(ratio)
            + " of task time in GC ("
            + Quantities.millis(gcMs)
            + ")",
        evidence,
        rec,
        impact,
        location);
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
