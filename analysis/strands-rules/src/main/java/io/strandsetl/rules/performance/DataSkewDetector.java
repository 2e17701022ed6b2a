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
import io.strandsetl.model.run.Distribution;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stage whose slowest task runs far longer than its median task: the stage (and everything after
 * it) waits for one task while the other slots idle. When the slow task also read far more bytes
 * than the median task, the cause is data skew (a hot key); otherwise it is a straggler (slow node,
 * GC, remote reads).
 */
public final class DataSkewDetector implements Detector {
  public static final String ID = "data-skew";

  private final Thresholds thresholds;

  public DataSkewDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minRatio max task duration / median task duration that counts as skew (default 5, the
   *     factor of Spark's own {@code spark.sql.adaptive.skewJoin.skewedPartitionFactor})
   * @param minMaxTaskMs the slowest task must last at least this long, ms (default 5000,
   *     DataFlint's partition-skew floor: below it the stage cannot lose much time)
   * @param minTasks stages with fewer successful tasks are ignored (default 3: a median of one or
   *     two tasks says nothing)
   */
  public record Thresholds(double minRatio, long minMaxTaskMs, int minTasks) {
    public static final Thresholds DEFAULTS = new Thresholds(5, 5000, 3);

    public Thresholds {
      check(minRatio > 1, ID, "min-ratio", minRatio, "must be > 1");
      check(minMaxTaskMs >= 0, ID, "min-max-task-ms", minMaxTaskMs, "must be >= 0");
      check(minTasks >= 2, ID, "min-tasks", minTasks, "must be >= 2");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(
          s.getDouble(key(ID, "min-ratio"), DEFAULTS.minRatio),
          s.getLong(key(ID, "min-max-task-ms"), DEFAULTS.minMaxTaskMs),
          s.getInt(key(ID, "min-tasks"), DEFAULTS.minTasks));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    List<Finding> findings = new ArrayList<>();
    double appSeconds = RunFacts.durationSeconds(run);
    int cores = RunFacts.totalCores(run);
    boolean speculationOn =
        run.application() != null
            && run.application().config() != null
            && Boolean.TRUE.equals(run.application().config().speculation());
    for (StageMetrics s : RunFacts.latestAttempts(run)) {
      Distribution d = s.taskDurationMs();
      if (d.count() < thresholds.minTasks() || d.max() < thresholds.minMaxTaskMs()) {
        continue;
      }
      double median = Math.max(d.median(), 1);
      double ratio = d.max() / median;
      if (ratio < thresholds.minRatio()) {
        continue;
      }
      findings.add(finding(s, d, median, ratio, appSeconds, cores, speculationOn));
    }
    return findings;
  }

  private Finding finding(
      StageMetrics s,
      Distribution d,
      double median,
      double ratio,
      double appSeconds,
      int cores,
      boolean speculationOn) {
    boolean shuffle = s.shuffleReadBytes() > 0;
    Distribution bytes = shuffle ? s.taskShuffleReadBytes() : s.taskInputBytes();
    String bytesName = shuffle ? "shuffle read" : "input";
    double bytesRatio = bytes.median() > 0 ? bytes.max() / bytes.median() : 0;
    boolean dataDriven = bytesRatio >= thresholds.minRatio();

    double tailMs = d.max() - median;
    double wallSaved = tailMs / 1000.0;
    // The other slots of the stage wait while the slowest task runs alone.
    int waitingSlots = (int) Math.max(0, Math.min(cores, d.count()) - 1);
    double idleCoreSeconds = wallSaved * waitingSlots;
    Severity severity = SeverityScale.ofSeconds(wallSaved, appSeconds);

    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("max task duration", Math.round(d.max()), "ms"));
    evidence.add(new Evidence("median task duration", Math.round(d.median()), "ms"));
    evidence.add(new Evidence("max / median task duration", Quantities.round(ratio, 1), "ratio"));
    evidence.add(new Evidence("successful tasks", d.count(), "tasks"));
    if (bytes.count() > 0) {
      evidence.add(new Evidence("max task " + bytesName, Math.round(bytes.max()), "bytes"));
      evidence.add(new Evidence("median task " + bytesName, Math.round(bytes.median()), "bytes"));
      evidence.add(
          new Evidence("max / median task " + bytesName, Quantities.round(bytesRatio, 1), "ratio"));
    }
    if (s.speculativeTasks() > 0) {
      evidence.add(new Evidence("speculative task attempts", s.speculativeTasks(), "tasks"));
    }

    String title =
        (dataDriven ? "Data skew" : "Straggler task")
            + " in stage "
            + s.stageId()
            + ": slowest task "
            + Quantities.millis(d.max())
            + " vs median "
            + Quantities.millis(d.median())
            + " ("
            + Quantities.round(ratio, 1)
            + "×)";
    Impact impact =
        new Impact(
            Quantities.round(wallSaved, 1),
            null,
            Quantities.round(idleCoreSeconds, 1),
            "compute core-seconds (allocated slots idle while one task runs)",
            "If the slowest task ran as long as the median task the stage would end "
                + Quantities.millis(tailMs)
                + " sooner (max − median task duration); meanwhile up to "
                + waitingSlots
                + " other slots wait, about "
                + Math.round(idleCoreSeconds)
                + " core-seconds.");
    return Finding.of(
        ID,
        severity,
        title,
        evidence,
        dataDriven ? skewFix(bytesName, bytesRatio) : stragglerFix(speculationOn),
        impact,
        RunFacts.stageLocation(s));
  }

  private Recommendation skewFix(String bytesName, double bytesRatio) {
    return new Recommendation(
        "The slowest task also read "
            + Quantities.round(bytesRatio, 1)
            + "× the median "
            + bytesName
            + ": a few keys hold most rows. Let AQE split skewed join partitions, and salt the key of"
            + " skewed aggregations so one key spreads over several tasks.",
        """
        from pyspark.sql import functions as F
        SALT = 16  # buckets per key; about the max/median ratio
        partial = (df.withColumn("salt", (F.rand() * SALT).cast("int"))
                     .groupBy("key", "salt").agg(F.sum("value").alias("value")))
        result = partial.groupBy("key").agg(F.sum("value").alias("value"))
        """,
        """
        SET spark.sql.adaptive.enabled = true;
        SET spark.sql.adaptive.skewJoin.enabled = true;
        SELECT key, SUM(value) AS value
        FROM (SELECT key, salt, SUM(value) AS value
              FROM (SELECT *, CAST(rand() * 16 AS INT) AS salt FROM events)
              GROUP BY key, salt)
        GROUP BY key;
        """,
        """
        import org.apache.spark.sql.functions._
        val partial = df.withColumn("salt", (rand() * 16).cast("int"))
          .groupBy("key", "salt").agg(sum("value").as("value"))
        val result = partial.groupBy("key").agg(sum("value").as("value"))
        """,
        Map.of(
            "spark.sql.adaptive.enabled", "true",
            "spark.sql.adaptive.skewJoin.enabled", "true"));
  }

  private static Recommendation stragglerFix(boolean speculationOn) {
    return new Recommendation(
        "The slowest task did not read much more data than the others, so the cause is the"
            + " executor, not the data (slow or overloaded node, GC, remote reads). "
            + (speculationOn
                ? "Speculation is already on: lower its multiplier so the copy starts sooner, and"
                    + " check that executor's GC time and host."
                : "Enable speculation so a slow attempt is re-launched elsewhere, and check that"
                    + " executor's GC time and host."),
        """
        spark = (SparkSession.builder
                 .config("spark.speculation", "true")
                 .config("spark.speculation.multiplier", "3")
                 .config("spark.speculation.quantile", "0.9")
                 .getOrCreate())
        """,
        "SET spark.speculation = true;  -- must be set when the application starts",
        """
        val spark = SparkSession.builder()
          .config("spark.speculation", "true")
          .config("spark.speculation.multiplier", "3")
          .config("spark.speculation.quantile", "0.9")
          .getOrCreate()
        """,
        Map.of(
            "spark.speculation", "true",
            "spark.speculation.multiplier", "3",
            "spark.speculation.quantile", "0.9"));
  }

  /** Creates {@link DataSkewDetector} from {@code detector.data-skew.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Stages whose slowest task runs far longer than the median task (data skew or"
          + " straggler)";
    }

    @Override
    public Detector create(Settings settings) {
      return new DataSkewDetector(Thresholds.from(settings));
    }
  }
}
