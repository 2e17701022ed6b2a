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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scan that reads many columns of which the query uses few. Spark prunes unused columns itself
 * unless something hides the use: a typed Dataset or Row lambda ({@code DeserializeToObject}), a
 * pandas {@code mapInPandas}, or a cached wide DataFrame. Columnar formats then read bytes nobody
 * needs.
 */
public final class WideScanDetector implements Detector {
  public static final String ID = "wide-scan";

  /** Operators that only move rows between codegen stages; they neither use nor drop columns. */
  private static final Set<String> PASS_THROUGH =
      Set.of("ColumnarToRow", "InputAdapter", "WholeStageCodegen", "RowToColumnar");

  /** Operators that hand whole rows to user code: Spark cannot see which columns it reads. */
  private static final Set<String> OPAQUE =
      Set.of(
          "DeserializeToObject",
          "MapInPandas",
          "MapInArrow",
          "PythonMapInArrow",
          "MapPartitionsInRWithArrow");

  private final Thresholds thresholds;

  public WideScanDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minColumns the scan's ReadSchema must have at least this many top-level columns (default
   *     20: narrower scans cost little even when half is unused)
   * @param maxUsedFraction flag when at most this share of the read columns is referenced by the
   *     rest of the plan (default 0.5: at least half of the column bytes are wasted)
   */
  public record Thresholds(int minColumns, double maxUsedFraction) {
    public static final Thresholds DEFAULTS = new Thresholds(20, 0.5);

    public Thresholds {
      check(minColumns >= 2, ID, "min-columns", minColumns, "must be >= 2");
      check(
          maxUsedFraction > 0 && maxUsedFraction < 1,
          ID,
          "max-used-fraction",
          maxUsedFraction,
          "must be between 0 and 1");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(
          s.getInt(key(ID, "min-columns"), DEFAULTS.minColumns),
          s.getDouble(key(ID, "max-used-fraction"), DEFAULTS.maxUsedFraction));
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
      if (sql.plan() == null) {
        continue;
      }
      Map<PlanNode, PlanNode> parents = Plans.parents(sql.plan());
      List<PlanNode> all = sql.plan().nodes();
      for (PlanNode scan : all) {
        if (!Plans.isFileScan(scan) || underCache(scan, parents)) {
          continue;
        }
        List<String> columns = readSchemaColumns(scan.metadata().get("ReadSchema"));
        if (columns.size() < thresholds.minColumns()) {
          continue;
        }
        PlanNode consumer = consumer(scan, parents);
        if (consumer != null && OPAQUE.contains(consumer.name())) {
          findings.add(finding(sql, scan, columns, null, consumer));
          continue;
        }
        Integer used = usedColumns(scan, columns, all);
        if (used != null && used <= thresholds.maxUsedFraction() * columns.size()) {
          findings.add(finding(sql, scan, columns, used, consumer));
        }
      }
    }
    return findings;
  }

  /** Top-level field names of {@code struct<a:int,b:struct<c:int>>}: [a, b]. */
  static List<String> readSchemaColumns(String readSchema) {
    List<String> names = new ArrayList<>();
    if (readSchema == null || !readSchema.startsWith("struct<") || !readSchema.endsWith(">")) {
      return names;
    }
    for (String field :
        Plans.splitTopLevel(readSchema.substring(7, readSchema.length() - 1), ',')) {
      int colon = field.indexOf(':');
      if (colon > 0) {
        names.add(field.substring(0, colon).replace("`", ""));
      }
    }
    return names;
  }

  private static boolean underCache(PlanNode n, Map<PlanNode, PlanNode> parents) {
    for (PlanNode p = parents.get(n); p != null; p = parents.get(p)) {
      if (p.name().startsWith("InMemory")) {
        return true;
      }
    }
    return false;
  }

  private static PlanNode consumer(PlanNode scan, Map<PlanNode, PlanNode> parents) {
    PlanNode p = parents.get(scan);
    while (p != null && isPassThrough(p)) {
      p = parents.get(p);
    }
    return p;
  }

  private static boolean isPassThrough(PlanNode n) {
    return PASS_THROUGH.contains(n.name()) || n.name().startsWith("WholeStageCodegen");
  }

  /**
   * How many of the scan's columns other operators reference as {@code name#id}; null when an
   * operator's description is truncated ({@code ... N more fields}) and the count is unknowable.
   */
  static Integer usedColumns(PlanNode scan, List<String> columns, List<PlanNode> all) {
    StringBuilder text = new StringBuilder();
    for (PlanNode n : all) {
      if (n == scan || isPassThrough(n)) {
        continue;
      }
      if (n.simpleString().contains(" more fields")) {
        return null;
      }
      text.append(n.simpleString()).append('\n');
    }
    String haystack = text.toString();
    int used = 0;
    for (String c : columns) {
      if (Pattern.compile("(?<![\\w.])" + Pattern.quote(c) + "#\\d+").matcher(haystack).find()) {
        used++;
      }
    }
    return used;
  }

  private Finding finding(
      SqlExecution sql, PlanNode scan, List<String> columns, Integer used, PlanNode consumer) {
    Long bytes = scan.metric("size of files read");
    String format = scan.metadata().getOrDefault("Format", "").toLowerCase(Locale.ROOT);
    boolean columnar =
        format.contains("parquet")
            || format.contains("orc")
            || scan.simpleString().toLowerCase(Locale.ROOT).matches("(?s).*(parquet|orc|delta).*");
    Long avoided =
        used == null || bytes == null || !columnar
            ? null
            : Math.round(bytes * (1 - (double) used / columns.size()));
    Severity severity;
    if (avoided != null) {
      severity = SeverityScale.ofBytes(avoided);
    } else if (bytes != null) {
      // Unknown share unused: rate on the whole read, but never above MEDIUM.
      severity =
          SeverityScale.min(
              SeverityScale.max(SeverityScale.ofBytes(bytes), Severity.LOW), Severity.MEDIUM);
    } else {
      severity = Severity.LOW;
    }
    String path = Plans.tablePath(scan);
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("columns read", columns.size(), "columns"));
    if (used != null) {
      evidence.add(new Evidence("columns referenced by the query", used, "columns"));
    } else {
      evidence.add(new Evidence("consumer", consumer.name() + " (user code sees whole rows)", ""));
    }
    if (bytes != null) {
      evidence.add(new Evidence("bytes read", bytes, "bytes"));
    }
    if (!format.isEmpty()) {
      evidence.add(new Evidence("format", scan.metadata().get("Format"), ""));
    }
    String example = String.join("\", \"", columns.subList(0, Math.min(2, columns.size())));
    String summary =
        used == null
            ? "All "
                + columns.size()
                + " columns are deserialized for a "
                + consumer.name()
                + " lambda, so Spark cannot prune them. Select the columns the lambda needs before"
                + " map/filter (or use Column expressions instead of the lambda)."
            : "Only "
                + used
                + " of "
                + columns.size()
                + " columns read are used. Select the needed columns right after reading (and before"
                + " cache()).";
    Recommendation rec =
        new Recommendation(
            summary,
            "df = spark.read.parquet(\""
                + (path == null ? "/data/wide" : path)
                + "\").select(\""
                + example
                + "\")\n",
            "SELECT " + example.replace("\"", "") + " FROM wide_table;  -- not SELECT *\n",
            "val df = spark.read.parquet(\""
                + (path == null ? "/data/wide" : path)
                + "\").select(\""
                + example
                + "\")\n// typed: .select(...).as[Narrow] before .map\n",
            Map.of());
    Impact impact =
        new Impact(
            null,
            avoided,
            null,
            "bytes scanned (object-store GETs) and deserialization CPU",
            avoided != null
                ? "Columnar read: unused columns' bytes, assuming columns of equal width: "
                    + Quantities.bytes(bytes)
                    + " × (1 − "
                    + used
                    + "/"
                    + columns.size()
                    + ")."
                : "The share of unused columns is not visible in the plan; up to "
                    + (bytes == null ? "all bytes read" : Quantities.bytes(bytes))
                    + " less the needed columns.");
    return Finding.of(
        ID,
        severity,
        used == null
            ? "Scan of "
                + columns.size()
                + " columns feeds a "
                + consumer.name()
                + " lambda (no column pruning)"
            : "Scan reads " + columns.size() + " columns but the query uses " + used,
        evidence,
        rec,
        impact,
        Location.ofPlanNode(sql.executionId(), scan.id(), scan.name().strip(), path));
  }

  /** Creates {@link WideScanDetector} from {@code detector.wide-scan.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Scans that read many columns of which the query uses few";
    }

    @Override
    public Detector create(Settings settings) {
      return new WideScanDetector(Thresholds.from(settings));
    }
  }
}
