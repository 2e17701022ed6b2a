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
import java.util.List;
import java.util.Map;

/**
 * Reduce stages whose number of partitions does not fit the bytes they shuffle: many tiny tasks
 * (scheduling overhead dominates) or few huge ones (spill, OOM, idle cores).
 */
public final class ShufflePartitionsDetector implements Detector {
  public static final String ID = "shuffle-partitions";

  private final Thresholds thresholds;

  public ShufflePartitionsDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param targetPartitionBytes shuffle bytes one reduce task should read (default 128 MiB, the
   *     file split size {@code spark.sql.files.maxPartitionBytes}; AQE's advisory size is 64 MiB)
   * @param minTaskRatio flag "too many" when the stage has more than this many times the
   *     recommended tasks (default 4)
   * @param maxAvgPartitionBytes flag "too few" when a reduce task reads more than this on average
   *     (default 1 GiB = 8 × target: such tasks spill or run out of memory on common 4–8 GiB heaps)
   */
  public record Thresholds(
      long targetPartitionBytes, double minTaskRatio, long maxAvgPartitionBytes) {
    public static final Thresholds DEFAULTS =
        new Thresholds(128 * Quantities.MIB, 4, Quantities.GIB);

    public Thresholds {
      check(
          targetPartitionBytes > 0,
          ID,
          "target-partition-bytes",
          targetPartitionBytes,
          "must be > 0");
      check(minTaskRatio > 1, ID, "min-task-ratio", minTaskRatio, "must be > 1");
      check(
          maxAvgPartitionBytes > targetPartitionBytes,
          ID,
          "max-avg-partition-bytes",
          maxAvgPartitionBytes,
          "must be > target-partition-bytes");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(
          s.getBytes(key(ID, "target-partition-bytes"), DEFAULTS.targetPartitionBytes),
          s.getDouble(key(ID, "min-task-ratio"), DEFAULTS.minTaskRatio),
          s.getBytes(key(ID, "max-avg-partition-bytes"), DEFAULTS.maxAvgPartitionBytes));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    int cores = RunFacts.totalCores(run);
    double runSeconds = RunFacts.executorRunSeconds(run);
    List<Finding> findings = new ArrayList<>();
    List<StageMetrics> tooMany = new ArrayList<>();
    double overheadMs = 0;
    long recommendedForTooMany = 0;
    for (StageMetrics s : RunFacts.latestAttempts(run)) {
      int tasks = s.numTasks();
      if (s.shuffleReadBytes() <= 0 || tasks <= 0) {
        continue;
      }
      long avg = s.shuffleReadBytes() / tasks;
      // Enough partitions to keep every core busy, and ~target bytes each.
      long recommended =
          Math.max(
              cores, Quantities.ceilDiv(s.shuffleReadBytes(), thresholds.targetPartitionBytes()));
      if (tasks > thresholds.minTaskRatio() * recommended) {
        tooMany.add(s);
        // For tiny tasks almost all of the median duration is fixed per-task cost.
        overheadMs += (tasks - recommended) * s.taskDurationMs().median();
        recommendedForTooMany = Math.max(recommendedForTooMany, recommended);
      } else if (avg > thresholds.maxAvgPartitionBytes()) {
        findings.add(tooFew(s, avg, recommended, cores, runSeconds));
      }
    }
    if (!tooMany.isEmpty()) {
      findings.add(tooMany(tooMany, overheadMs, recommendedForTooMany, runSeconds));
    }
    return findings;
  }

  private Finding tooMany(
      List<StageMetrics> stages, double overheadMs, long recommended, double runSeconds) {
    StageMetrics worst = stages.get(0);
    for (StageMetrics s : stages) {
      if (s.numTasks() > worst.numTasks()) {
        worst = s;
      }
    }
    double seconds = overheadMs / 1000.0;
    Severity severity = SeverityScale.ofSeconds(seconds, runSeconds);
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("stages with too many reduce tasks", stages.size(), "stages"));
    evidence.add(
        new Evidence("reduce tasks in stage " + worst.stageId(), worst.numTasks(), "tasks"));
    evidence.add(
        new Evidence(
            "shuffle read in stage " + worst.stageId(), worst.shuffleReadBytes(), "bytes"));
    evidence.add(
        new Evidence(
            "average shuffle read per task in stage " + worst.stageId(),
            worst.shuffleReadBytes() / Math.max(1, worst.numTasks()),
            "bytes"));
    evidence.add(
        new Evidence(
            "median task duration in stage " + worst.stageId(),
            Math.round(worst.taskDurationMs().median()),
            "ms"));
    evidence.add(new Evidence("recommended partitions", recommended, "tasks"));
    return Finding.of(
        ID,
        severity,
        stages.size()
            + " stage(s) split small shuffles into too many tasks (e.g. stage "
            + worst.stageId()
            + ": "
            + Quantities.count(worst.numTasks())
            + " tasks for "
            + Quantities.bytes(worst.shuffleReadBytes())
            + ")",
        evidence,
        fix(
            recommended,
            "Fewer, larger reduce partitions cut per-task scheduling overhead; let"
                + " AQE coalesce them to the advisory size."),
        new Impact(
            null,
            null,
            Quantities.round(seconds, 1),
            "compute core-seconds (task scheduling and start-up)",
            "Extra tasks beyond the recommended count × the stage's median task duration (for tiny"
                + " tasks almost all of it is fixed overhead), summed over the stages."),
        Location.ofApplication());
  }

  private Finding tooFew(StageMetrics s, long avg, long recommended, int cores, double runSeconds) {
    int tasks = s.numTasks();
    double durationSeconds = s.durationMs() == null ? 0 : s.durationMs() / 1000.0;
    long usableTasks = Math.min(recommended, cores);
    // With fewer tasks than cores, more partitions shorten the stage proportionally.
    double wallSaved =
        tasks < usableTasks ? durationSeconds * (1 - (double) tasks / usableTasks) : 0;
    Severity bySize =
        avg >= 4 * thresholds.maxAvgPartitionBytes() ? Severity.HIGH : Severity.MEDIUM;
    boolean spilled = s.diskSpillBytes() > 0;
    Severity severity =
        SeverityScale.max(
            spilled ? bySize : SeverityScale.min(bySize, Severity.MEDIUM),
            SeverityScale.ofSeconds(wallSaved, runSeconds));
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("reduce tasks", tasks, "tasks"));
    evidence.add(new Evidence("shuffle read", s.shuffleReadBytes(), "bytes"));
    evidence.add(new Evidence("average shuffle read per task", avg, "bytes"));
    evidence.add(new Evidence("disk spill", s.diskSpillBytes(), "bytes"));
    evidence.add(new Evidence("executor cores", cores, "cores"));
    evidence.add(new Evidence("recommended partitions", recommended, "tasks"));
    return Finding.of(
        ID,
        severity,
        "Stage "
            + s.stageId()
            + " reads "
            + Quantities.bytes(avg)
            + " of shuffle per task on average ("
            + tasks
            + " tasks for "
            + Quantities.bytes(s.shuffleReadBytes())
            + ")",
        evidence,
        fix(
            recommended,
            "Each reduce task reads far more than the target size: more partitions"
                + " keep per-task memory bounded and use every core."),
        new Impact(
            Quantities.round(wallSaved, 1),
            spilled ? 2 * s.diskSpillBytes() : null,
            null,
            "wall-clock time and spill I/O",
            tasks < usableTasks
                ? "With "
                    + tasks
                    + " tasks on "
                    + cores
                    + " cores the stage used a fraction of the"
                    + " cluster; "
                    + usableTasks
                    + " tasks shorten it proportionally."
                : "Enough tasks for the cores; the gain is bounded memory per task (less spill, no"
                    + " OOM)."),
        RunFacts.stageLocation(s));
  }

  private Recommendation fix(long partitions, String summary) {
    String size = Quantities.sparkSize(thresholds.targetPartitionBytes());
    return new Recommendation(
        summary + " Set spark.sql.shuffle.partitions to " + partitions + ".",
        "spark.conf.set(\"spark.sql.shuffle.partitions\", \""
            + partitions
            + "\")\nspark.conf.set(\"spark.sql.adaptive.coalescePartitions.enabled\", \"true\")\n"
            + "spark.conf.set(\"spark.sql.adaptive.advisoryPartitionSizeInBytes\", \""
            + size
            + "\")\n",
        "SET spark.sql.shuffle.partitions = "
            + partitions
            + ";\nSET spark.sql.adaptive.coalescePartitions.enabled = true;\n"
            + "SET spark.sql.adaptive.advisoryPartitionSizeInBytes = "
            + size
            + ";\n",
        "spark.conf.set(\"spark.sql.shuffle.partitions\", \""
            + partitions
            + "\")\nspark.conf.set(\"spark.sql.adaptive.advisoryPartitionSizeInBytes\", \""
            + size
            + "\")\n",
        Map.of(
            "spark.sql.shuffle.partitions",
            Long.toString(partitions),
            "spark.sql.adaptive.enabled",
            "true",
            "spark.sql.adaptive.coalescePartitions.enabled",
            "true",
            "spark.sql.adaptive.advisoryPartitionSizeInBytes",
            size));
  }

  /** Creates {@link ShufflePartitionsDetector} from {@code detector.shuffle-partitions.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Reduce stages with too many tiny or too few huge shuffle partitions";
    }

    @Override
    public Detector create(Settings settings) {
      return new ShufflePartitionsDetector(Thresholds.from(settings));
    }
  }
}
