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
import io.strandsetl.model.plan.PlanNode;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.SqlExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A large file source read whole: no partition filter, no pushed or data filter (dynamic partition
 * pruning counts as a filter). In an ETL job that runs repeatedly this usually means the whole
 * history is reprocessed where an incremental load of the new data would do.
 */
public final class FullScanDetector implements Detector {
  public static final String ID = "full-scan";

  private final Thresholds thresholds;

  public FullScanDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minBytes the scan must read at least this many bytes (default 1 GiB: about 10
   *     core-seconds at 100 MiB/s per core; smaller full reads are not worth an incremental design)
   */
  public record Thresholds(long minBytes) {
    public static final Thresholds DEFAULTS = new Thresholds(Quantities.GIB);

    public Thresholds {
      check(minBytes >= 0, ID, "min-bytes", minBytes, "must be >= 0");
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
    for (SqlExecution sql : run.sql()) {
      if (sql.plan() == null || sql.structuredStreaming()) {
        continue; // a streaming micro-batch reads only new offsets by construction
      }
      for (PlanNode n : sql.plan().nodes()) {
        if (!Plans.isFileScan(n) || hasFilter(n)) {
          continue;
        }
        Long bytes = n.metric("size of files read");
        if (bytes == null || bytes < thresholds.minBytes() || bytes == 0) {
          continue;
        }
        findings.add(finding(sql, n, bytes));
      }
    }
    return findings;
  }

  /** Any partition, pushed or data filter, including dynamic partition pruning. */
  static boolean hasFilter(PlanNode scan) {
    Map<String, String> m = scan.metadata();
    return !Plans.isEmptyList(m.get("PartitionFilters"))
        || !Plans.isEmptyList(m.get("PushedFilters"))
        || !Plans.isEmptyList(m.get("DataFilters"))
        || !Plans.isEmptyList(m.get("RuntimeFilters"))
        || scan.simpleString().contains("dynamicpruningexpression");
  }

  private Finding finding(SqlExecution sql, PlanNode scan, long bytes) {
    String path = Plans.tablePath(scan);
    String shown = path == null ? "/data/events" : path;
    Long files = scan.metric("number of files read");
    Long rows = scan.metric("number of output rows");
    Long scanMs = Plans.metricMillis(scan, "scan time");
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("bytes read", bytes, "bytes"));
    if (files != null) {
      evidence.add(new Evidence("files read", files, "files"));
    }
    if (rows != null) {
      evidence.add(new Evidence("rows read", rows, "rows"));
    }
    if (scanMs != null) {
      evidence.add(new Evidence("scan time (summed over tasks)", scanMs, "ms"));
    }
    evidence.add(new Evidence("partition filters", "none", ""));
    evidence.add(new Evidence("pushed filters", "none", ""));
    Recommendation rec =
        new Recommendation(
            "The whole source is read on every run. Keep a watermark (the last loaded partition or"
                + " timestamp) and read only newer data; partition the source by that column so the"
                + " filter prunes files.",
            """
            from pyspark.sql import functions as F
            last = spark.table("etl.watermarks").where(F.col("source") == "%1$s") \\
                        .agg(F.max("loaded_until")).first()[0]
            new_rows = spark.read.parquet("%1$s").where(F.col("dt") > F.lit(last))
            # ... transform and write new_rows, then advance the watermark to max(dt)
            """
                .formatted(shown),
            """
            SELECT *
            FROM parquet.`%1$s`
            WHERE dt > (SELECT max(loaded_until) FROM etl.watermarks WHERE source = '%1$s');
            """
                .formatted(shown),
            """
            val last = spark.table("etl.watermarks").where($"source" === "%1$s")
              .agg(max($"loaded_until")).first().get(0)
            val newRows = spark.read.parquet("%1$s").where($"dt" > lit(last))
            """
                .formatted(shown),
            Map.of());
    Impact impact =
        new Impact(
            null,
            bytes,
            scanMs == null ? null : Quantities.round(scanMs / 1000.0, 1),
            "bytes scanned (object-store GETs, per-TB query pricing) and scan core-seconds",
            "Upper bound: an incremental load reads only the new slice, so up to all "
                + Quantities.bytes(bytes)
                + " (less the new data) are not read again"
                + (scanMs == null ? "." : "; the scan's own time is the core-second bound."));
    return Finding.of(
        ID,
        SeverityScale.ofBytes(bytes),
        "Full scan of "
            + (path == null ? "a file source" : path)
            + ": "
            + Quantities.bytes(bytes)
            + " read without any filter",
        evidence,
        rec,
        impact,
        Location.ofPlanNode(sql.executionId(), scan.id(), scan.name().strip(), path));
  }

  /** Creates {@link FullScanDetector} from {@code detector.full-scan.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Large file scans without any partition, pushed or data filter";
    }

    @Override
    public Detector create(Settings settings) {
      return new FullScanDetector(Thresholds.from(settings));
    }
  }
}
