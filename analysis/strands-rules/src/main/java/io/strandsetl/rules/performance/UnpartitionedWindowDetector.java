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
import io.strandsetl.model.plan.PlanNode;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.SqlExecution;
import io.strandsetl.model.run.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A window function without PARTITION BY: Spark moves every row into one partition ({@code Exchange
 * SinglePartition}) and one task sorts and scans them all, whatever the cluster size.
 */
public final class UnpartitionedWindowDetector implements Detector {
  public static final String ID = "unpartitioned-window";

  private static final Set<String> WINDOWS =
      Set.of("Window", "WindowInPandas", "ArrowWindowPython");

  private final Thresholds thresholds;

  public UnpartitionedWindowDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minBytes bytes entering the single partition below which the finding is reported as LOW
   *     only (default 100 MiB: one core processes that in about a second); MEDIUM from it, HIGH
   *     from 10×, CRITICAL from 100×
   */
  public record Thresholds(long minBytes) {
    public static final Thresholds DEFAULTS = new Thresholds(100 * Quantities.MIB);

    public Thresholds {
      check(minBytes > 0, ID, "min-bytes", minBytes, "must be > 0");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(s.getBytes(key(ID, "min-bytes"), DEFAULTS.minBytes));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    List<Finding> findings = new ArrayList<>();
    Plans.forEachNode(
        run,
        (sql, n) -> {
          if (WINDOWS.contains(n.name()) && !isPartitioned(n.simpleString())) {
            findings.add(finding(run, sql, n));
          }
        });
    return findings;
  }

  /**
   * Spark prints {@code Window [functions], [partition keys], [order]} and drops empty lists, so a
   * window is unpartitioned when only the functions are listed, or when the second list holds sort
   * orders ({@code ASC}/{@code DESC}) rather than partition keys.
   */
  static boolean isPartitioned(String simpleString) {
    List<String> groups = Plans.bracketGroups(simpleString);
    if (groups.size() >= 3) {
      return true;
    }
    if (groups.size() < 2 || groups.get(1).isEmpty()) {
      return false;
    }
    for (String item : Plans.splitTopLevel(groups.get(1), ',')) {
      if (!(item.contains(" ASC") || item.contains(" DESC"))) {
        return true;
      }
    }
    return false;
  }

  private Finding finding(RunAnalysis run, SqlExecution sql, PlanNode window) {
    PlanNode exchange =
        window.children().isEmpty() ? null : Plans.nearestExchange(window.children().get(0));
    Long bytes = exchange == null ? null : exchange.metric("data size");
    Long rows = Plans.outputRows(window);
    Severity severity;
    if (bytes == null) {
      severity = Severity.MEDIUM;
    } else if (bytes >= 100 * thresholds.minBytes()) {
      severity = Severity.CRITICAL;
    } else if (bytes >= 10 * thresholds.minBytes()) {
      severity = Severity.HIGH;
    } else if (bytes >= thresholds.minBytes()) {
      severity = Severity.MEDIUM;
    } else {
      severity = Severity.LOW;
    }
    // The single-task stage of this execution is the one the whole dataset went through.
    StageMetrics single = null;
    for (StageMetrics s : run.stages()) {
      if (sql.stageIds().contains(s.stageId())
          && s.numTasks() == 1
          && s.durationMs() != null
          && (single == null || s.durationMs() > single.durationMs())) {
        single = s;
      }
    }
    int cores = RunFacts.totalCores(run);
    Double saved =
        single == null
            ? null
            : Quantities.round(single.durationMs() / 1000.0 * (1 - 1.0 / cores), 1);

    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            "window",
            window.simpleString().length() > 200
                ? window.simpleString().substring(0, 200) + "…"
                : window.simpleString(),
            ""));
    if (bytes != null) {
      evidence.add(new Evidence("data size into the single partition", bytes, "bytes"));
    }
    if (rows != null) {
      evidence.add(new Evidence("rows", rows, "rows"));
    }
    if (single != null) {
      evidence.add(
          new Evidence(
              "single-task stage " + single.stageId() + " duration", single.durationMs(), "ms"));
    }
    evidence.add(new Evidence("executor cores", cores, "cores"));
    Recommendation rec =
        new Recommendation(
            "Add partitionBy on a key that splits the data (a date, a customer) so the window runs"
                + " in parallel; for a global rank or row number, rank within partitions and combine,"
                + " or use monotonically_increasing_id() / zipWithIndex when only unique ids are"
                + " needed.",
            """
            from pyspark.sql import Window, functions as F
            w = Window.partitionBy("customer_id").orderBy("event_time")
            df = df.withColumn("rn", F.row_number().over(w))
            """,
            "SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY event_time) AS rn\n"
                + "FROM events;\n",
            """
            import org.apache.spark.sql.expressions.Window
            val w = Window.partitionBy("customer_id").orderBy("event_time")
            val ranked = df.withColumn("rn", row_number().over(w))
            """,
            Map.of());
    Impact impact =
        new Impact(
            saved,
            null,
            null,
            "wall-clock time (one core works while the others wait)",
            single == null
                ? "The single-task stage could not be identified; the work is serial on one core."
                : "Spread over "
                    + cores
                    + " cores the single-task stage ("
                    + Quantities.millis(single.durationMs())
                    + ") would take about 1/"
                    + cores
                    + " of its time.");
    return Finding.of(
        ID,
        severity,
        "Window without PARTITION BY runs in a single task"
            + (bytes == null ? "" : " over " + Quantities.bytes(bytes)),
        evidence,
        rec,
        impact,
        Location.ofPlanNode(sql.executionId(), window.id(), window.name().strip(), null));
  }

  /** Creates {@link UnpartitionedWindowDetector} from {@code detector.unpartitioned-window.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Window functions without PARTITION BY (all rows through one task)";
    }

    @Override
    public Detector create(Settings settings) {
      return new UnpartitionedWindowDetector(Thresholds.from(settings));
    }
  }
}
