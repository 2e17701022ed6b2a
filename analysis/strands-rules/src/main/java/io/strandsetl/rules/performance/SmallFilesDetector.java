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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A write that produced many small files: every file costs a PUT when written, a LIST entry, an
 * open and a footer read for every later reader, and one task per file in the next job.
 */
public final class SmallFilesDetector implements Detector {
  public static final String ID = "small-files";

  private final Thresholds thresholds;

  public SmallFilesDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minFiles a write must produce at least this many files (default 50, Delta's auto
   *     compaction trigger {@code spark.databricks.delta.autoCompact.minNumFiles})
   * @param maxAvgFileBytes average file size below which files count as small (default 32 MiB: at
   *     ~100 MiB/s per core a 32 MiB file reads in ~0.3 s, so a fixed ~50–100 ms open/footer cost
   *     per object-store file is already 15–30 % overhead)
   * @param targetFileBytes file size to aim for (default 128 MiB = {@code
   *     spark.sql.files.maxPartitionBytes}: one file is one read split)
   */
  public record Thresholds(long minFiles, long maxAvgFileBytes, long targetFileBytes) {
    public static final Thresholds DEFAULTS =
        new Thresholds(50, 32 * Quantities.MIB, 128 * Quantities.MIB);

    public Thresholds {
      check(minFiles >= 2, ID, "min-files", minFiles, "must be >= 2");
      check(maxAvgFileBytes > 0, ID, "max-avg-file-bytes", maxAvgFileBytes, "must be > 0");
      check(targetFileBytes > 0, ID, "target-file-bytes", targetFileBytes, "must be > 0");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(
          s.getLong(key(ID, "min-files"), DEFAULTS.minFiles),
          s.getBytes(key(ID, "max-avg-file-bytes"), DEFAULTS.maxAvgFileBytes),
          s.getBytes(key(ID, "target-file-bytes"), DEFAULTS.targetFileBytes));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    List<Finding> findings = new ArrayList<>();
    for (SqlExecution sql : run.sql()) {
      boolean nodeLevel = false;
      if (sql.plan() != null) {
        for (PlanNode n : sql.plan().nodes()) {
          Long files = n.metric("number of written files");
          Long bytes = n.metric("written output");
          if (files == null || bytes == null) {
            continue;
          }
          nodeLevel = true;
          evaluate(
                  sql,
                  files,
                  bytes,
                  Location.ofPlanNode(sql.executionId(), n.id(), n.name().strip(), outputPath(n)))
              .ifPresent(findings::add);
        }
      }
      if (!nodeLevel && sql.filesWritten() != null && sql.bytesWritten() != null) {
        evaluate(
                sql,
                sql.filesWritten(),
                sql.bytesWritten(),
                new Location(sql.executionId(), null, null, null, null, null, null, null))
            .ifPresent(findings::add);
      }
    }
    return findings;
  }

  private Optional<Finding> evaluate(SqlExecution sql, long files, long bytes, Location where) {
    if (files < thresholds.minFiles()) {
      return Optional.empty();
    }
    long avg = bytes / files;
    if (avg >= thresholds.maxAvgFileBytes()) {
      return Optional.empty();
    }
    long target = Math.max(1, Quantities.ceilDiv(bytes, thresholds.targetFileBytes()));
    long excess = files - target;
    Severity severity =
        excess >= 100_000
            ? Severity.CRITICAL
            : excess >= 10_000 ? Severity.HIGH : excess >= 1_000 ? Severity.MEDIUM : Severity.LOW;
    String path = where.tablePath() == null ? "/path/to/output" : where.tablePath();
    List<Evidence> evidence =
        List.of(
            new Evidence("files written", files, "files"),
            new Evidence("bytes written", bytes, "bytes"),
            new Evidence("average file size", avg, "bytes"),
            new Evidence("recommended files", target, "files"),
            new Evidence("target file size", thresholds.targetFileBytes(), "bytes"));
    String size = Quantities.sparkSize(thresholds.targetFileBytes());
    Recommendation rec =
        new Recommendation(
            "Write "
                + target
                + " file(s) of about "
                + Quantities.bytes(thresholds.targetFileBytes())
                + " instead of "
                + Quantities.count(files)
                + " averaging "
                + Quantities.bytes(avg)
                + ": repartition (or coalesce) before the write, or let AQE rebalance to the"
                + " advisory size.",
            "(df.repartition("
                + target
                + ")  # coalesce("
                + target
                + ") avoids a shuffle\n"
                + "   .write.mode(\"overwrite\").parquet(\""
                + path
                + "\"))\n",
            "SET spark.sql.adaptive.advisoryPartitionSizeInBytes = "
                + size
                + ";\n"
                + "INSERT OVERWRITE TABLE target\nSELECT /*+ REBALANCE */ * FROM staging;\n"
                + "-- or a fixed count: SELECT /*+ REPARTITION("
                + target
                + ") */ * FROM staging\n",
            "df.repartition("
                + target
                + ")\n  .write.mode(\"overwrite\").parquet(\""
                + path
                + "\")\n",
            Map.of(
                "spark.sql.adaptive.enabled",
                "true",
                "spark.sql.adaptive.advisoryPartitionSizeInBytes",
                size));
    Impact impact =
        new Impact(
            null,
            null,
            null,
            "object-store requests (PUT on write; LIST, GET and footer reads on every read) and"
                + " downstream task count",
            Quantities.count(excess)
                + " fewer files ("
                + Quantities.count(files)
                + " → "
                + target
                + "): one request and one reader task less per file, for this write and every read"
                + " of its output.");
    return Optional.of(
        Finding.of(
            ID,
            severity,
            "SQL "
                + sql.executionId()
                + " wrote "
                + Quantities.count(files)
                + " files averaging "
                + Quantities.bytes(avg),
            evidence,
            rec,
            impact,
            where));
  }

  /** The output path of a write command, from its simpleString, or null. */
  static String outputPath(PlanNode n) {
    String s = n.simpleString();
    int i = s.indexOf("InsertIntoHadoopFsRelationCommand ");
    if (i < 0) {
      return null;
    }
    String rest = s.substring(i + "InsertIntoHadoopFsRelationCommand ".length());
    int comma = rest.indexOf(',');
    return (comma > 0 ? rest.substring(0, comma) : rest).trim();
  }

  /** Creates {@link SmallFilesDetector} from {@code detector.small-files.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Writes that produce many small files";
    }

    @Override
    public Detector create(Settings settings) {
      return new SmallFilesDetector(Thresholds.from(settings));
    }
  }
}
