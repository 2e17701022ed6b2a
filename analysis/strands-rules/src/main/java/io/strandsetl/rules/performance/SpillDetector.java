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
 * A stage whose tasks ran out of execution memory and spilled sorted or hashed data to disk: every
 * spilled byte is serialized, written and read back, often several times.
 */
public final class SpillDetector implements Detector {
  public static final String ID = "spill";

  /** Assumed sequential throughput of one core writing or reading spill files, bytes/s. */
  static final double SPILL_IO_BYTES_PER_SECOND = 100.0 * Quantities.MIB;

  private final Thresholds thresholds;

  public SpillDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minDiskSpillBytes a stage must spill at least this much to disk (default 64 MiB: writing
   *     and reading it back costs about a core-second at 100 MiB/s; less is noise)
   * @param targetPartitionBytes bytes one task should hold, used to size the recommended number of
   *     partitions (default 128 MiB = {@code spark.sql.files.maxPartitionBytes})
   */
  public record Thresholds(long minDiskSpillBytes, long targetPartitionBytes) {
    public static final Thresholds DEFAULTS =
        new Thresholds(64 * Quantities.MIB, 128 * Quantities.MIB);

    public Thresholds {
      check(minDiskSpillBytes >= 0, ID, "min-disk-spill-bytes", minDiskSpillBytes, "must be >= 0");
      check(
          targetPartitionBytes > 0,
          ID,
          "target-partition-bytes",
          targetPartitionBytes,
          "must be > 0");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(
          s.getBytes(key(ID, "min-disk-spill-bytes"), DEFAULTS.minDiskSpillBytes),
          s.getBytes(key(ID, "target-partition-bytes"), DEFAULTS.targetPartitionBytes));
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
      if (s.diskSpillBytes() <= 0 || s.diskSpillBytes() < thresholds.minDiskSpillBytes()) {
        continue;
      }
      findings.add(finding(s, runSeconds));
    }
    return findings;
  }

  private Finding finding(StageMetrics s, double runSeconds) {
    long processed = s.inputBytes() + s.shuffleReadBytes();
    double spillRatio = processed > 0 ? (double) s.memorySpillBytes() / processed : 0;
    // Spilled bytes are written once and read back once.
    long ioBytes = 2 * s.diskSpillBytes();
    double ioSeconds = ioBytes / SPILL_IO_BYTES_PER_SECOND;
    Severity severity =
        SeverityScale.max(
            SeverityScale.ofBytes(ioBytes), SeverityScale.ofSeconds(ioSeconds, runSeconds));
    int tasks = Math.max(1, s.numTasks());
    long basis = Math.max(processed, s.memorySpillBytes());
    long recommended =
        Math.max(2L * tasks, Quantities.ceilDiv(basis, thresholds.targetPartitionBytes()));
    boolean skewed =
        s.taskSpillBytes().median() > 0
            && s.taskSpillBytes().max() / s.taskSpillBytes().median() >= 5;

    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("disk spill", s.diskSpillBytes(), "bytes"));
    evidence.add(new Evidence("memory spill (deserialized size)", s.memorySpillBytes(), "bytes"));
    evidence.add(new Evidence("stage input + shuffle read", processed, "bytes"));
    evidence.add(
        new Evidence("memory spill / data processed", Quantities.round(spillRatio, 2), "ratio"));
    evidence.add(new Evidence("tasks", s.numTasks(), "tasks"));
    evidence.add(
        new Evidence(
            "peak execution memory of one task", s.peakExecutionMemoryBytesMax(), "bytes"));
    if (s.taskSpillBytes().count() > 0) {
      evidence.add(
          new Evidence("max task memory spill", Math.round(s.taskSpillBytes().max()), "bytes"));
      evidence.add(
          new Evidence(
              "median task memory spill", Math.round(s.taskSpillBytes().median()), "bytes"));
    }

    String summary =
        skewed
            ? "Most of the spill comes from a few tasks: fix the skew first (see data-skew), then"
                + " size partitions so each task's data fits in execution memory."
            : "Each task holds more data than its share of execution memory. Spread the data over"
                + " about "
                + recommended
                + " partitions (≈"
                + Quantities.bytes(thresholds.targetPartitionBytes())
                + " each) or give executors more memory per core.";
    Recommendation rec =
        new Recommendation(
            summary,
            "spark.conf.set(\"spark.sql.shuffle.partitions\", \""
                + recommended
                + "\")\n# or, for this DataFrame only:\ndf = df.repartition("
                + recommended
                + ", \"key\")\n",
            "SET spark.sql.shuffle.partitions = " + recommended + ";\n",
            "spark.conf.set(\"spark.sql.shuffle.partitions\", \""
                + recommended
                + "\")\nval repartitioned = df.repartition("
                + recommended
                + ", col(\"key\"))\n",
            Map.of(
                "spark.sql.shuffle.partitions", Long.toString(recommended),
                "spark.sql.adaptive.enabled", "true",
                "spark.sql.adaptive.advisoryPartitionSizeInBytes",
                    Quantities.sparkSize(thresholds.targetPartitionBytes())));
    Impact impact =
        new Impact(
            null,
            ioBytes,
            Quantities.round(ioSeconds, 1),
            "compute core-seconds and local disk I/O",
            "Spilled bytes are written and read back once (2 × "
                + Quantities.bytes(s.diskSpillBytes())
                + "); at an assumed 100 MiB/s per core that is about "
                + Math.round(ioSeconds)
                + " core-seconds, plus the serialization CPU not counted here.");
    return Finding.of(
        ID,
        severity,
        "Stage "
            + s.stageId()
            + " spilled "
            + Quantities.bytes(s.diskSpillBytes())
            + " to disk ("
            + Quantities.bytes(s.memorySpillBytes())
            + " in memory)",
        evidence,
        rec,
        impact,
        RunFacts.stageLocation(s));
  }

  /** Creates {@link SpillDetector} from {@code detector.spill.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Stages that spill execution memory to disk";
    }

    @Override
    public Detector create(Settings settings) {
      return new SpillDetector(Thresholds.from(settings));
    }
  }
}
