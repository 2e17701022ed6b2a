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
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.StageMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task attempts that failed. Each failed attempt's work is thrown away and redone, and a task that
 * fails {@code spark.task.maxFailures} times fails the job.
 */
public final class TaskFailuresDetector implements Detector {
  public static final String ID = "task-failures";

  private final Thresholds thresholds;

  public TaskFailuresDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minRatio failed attempts / all attempts that counts (default 0.1; Dr. Elephant's task
   *     failure bands 0.1 / 0.3 / 0.5 set MEDIUM / HIGH / CRITICAL)
   * @param minFailedTasks at least this many attempts must fail (default 1)
   */
  public record Thresholds(double minRatio, long minFailedTasks) {
    public static final Thresholds DEFAULTS = new Thresholds(0.1, 1);

    public Thresholds {
      check(minRatio >= 0 && minRatio <= 1, ID, "min-ratio", minRatio, "must be between 0 and 1");
      check(minFailedTasks >= 1, ID, "min-failed-tasks", minFailedTasks, "must be >= 1");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(
          s.getDouble(key(ID, "min-ratio"), DEFAULTS.minRatio),
          s.getLong(key(ID, "min-failed-tasks"), DEFAULTS.minFailedTasks));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    long failed = 0;
    long attempts = 0;
    double wastedMs = 0;
    List<StageMetrics> failingStages = new ArrayList<>();
    for (StageMetrics s : run.stages()) {
      failed += s.failedTasks();
      attempts += s.completedTasks() + s.failedTasks() + s.killedTasks();
      if (s.failedTasks() > 0) {
        failingStages.add(s);
        // A failed attempt ran for an unknown time; the stage's median task is the estimate.
        wastedMs += s.failedTasks() * s.taskDurationMs().median();
      }
    }
    if (run.metrics() != null && run.metrics().tasks() > attempts) {
      failed = Math.max(failed, run.metrics().failedTasks());
      attempts = run.metrics().tasks();
    }
    if (attempts == 0 || failed < thresholds.minFailedTasks()) {
      return List.of();
    }
    double ratio = (double) failed / attempts;
    if (ratio < thresholds.minRatio()) {
      return List.of();
    }
    failingStages.sort(Comparator.comparingInt(StageMetrics::failedTasks).reversed());

    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("failed task attempts", failed, "tasks"));
    evidence.add(new Evidence("task attempts", attempts, "tasks"));
    evidence.add(new Evidence("failure rate", Quantities.round(ratio * 100, 1), "%"));
    for (StageMetrics s : failingStages.subList(0, Math.min(3, failingStages.size()))) {
      evidence.add(
          new Evidence("failed attempts in stage " + s.stageId(), s.failedTasks(), "tasks"));
      if (s.failureReason() != null) {
        evidence.add(
            new Evidence("stage " + s.stageId() + " failure", firstLine(s.failureReason()), ""));
      }
    }
    Map<String, Long> byHost = failuresByHost(run);
    long removed = run.executors().stream().filter(e -> e.removedReason() != null).count();
    if (removed > 0) {
      evidence.add(new Evidence("executors removed", removed, "executors"));
    }
    String hostHint = "";
    if (!byHost.isEmpty()) {
      Map.Entry<String, Long> worst = byHost.entrySet().iterator().next();
      evidence.add(
          new Evidence("failed attempts on host " + worst.getKey(), worst.getValue(), "tasks"));
      if (worst.getValue() >= 0.8 * failed && byHost.size() > 1) {
        hostHint = " Most failures ran on " + worst.getKey() + ": exclude that node.";
      }
    }

    Severity severity =
        ratio >= 0.5 ? Severity.CRITICAL : ratio >= 0.3 ? Severity.HIGH : Severity.MEDIUM;
    Recommendation rec =
        new Recommendation(
            "Read the failure reasons (executor lost, OOM, fetch failure, user exception) and fix"
                + " the cause; meanwhile exclude failing executors so retries land elsewhere."
                + hostHint,
            """
            spark = (SparkSession.builder
                     .config("spark.excludeOnFailure.enabled", "true")
                     .config("spark.executor.memoryOverhead", "1g")  # if containers were killed
                     .getOrCreate())
            """,
            "-- set at submit time: --conf spark.excludeOnFailure.enabled=true\n",
            """
            val spark = SparkSession.builder()
              .config("spark.excludeOnFailure.enabled", "true")
              .getOrCreate()
            """,
            Map.of("spark.excludeOnFailure.enabled", "true"));
    Impact impact =
        new Impact(
            null,
            null,
            Quantities.round(wastedMs / 1000.0, 1),
            "compute core-seconds (work redone) and job failure risk",
            "Each failed attempt is redone; its lost work is estimated as its stage's median task"
                + " duration × failed attempts.");
    return List.of(
        Finding.of(
            ID,
            severity,
            Quantities.count(failed)
                + " of "
                + Quantities.count(attempts)
                + " task attempts failed ("
                + Quantities.percent(ratio)
                + ")",
            evidence,
            rec,
            impact,
            Location.ofApplication()));
  }

  private static Map<String, Long> failuresByHost(RunAnalysis run) {
    Map<String, Long> byHost = new TreeMap<>();
    for (ExecutorSummary e : run.executors()) {
      if (e.failedTasks() > 0 && e.host() != null) {
        byHost.merge(e.host(), e.failedTasks(), Long::sum);
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    byHost.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(en -> sorted.put(en.getKey(), en.getValue()));
    return sorted;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl >= 0 ? s.substring(0, nl) : s;
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Creates {@link TaskFailuresDetector} from {@code detector.task-failures.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Share of task attempts that failed";
    }

    @Override
    public Detector create(Settings settings) {
      return new TaskFailuresDetector(Thresholds.from(settings));
    }
  }
}
