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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The same computation run by several SQL executions without cache: typically several actions
 * ({@code count()}, {@code show()}, a write) on one DataFrame, each recomputing its whole lineage
 * from the sources.
 *
 * <p>Two executions are the same computation when their final plans have the same fingerprint:
 * operators, expressions, literals and sources (paths, RDD ids such as {@code
 * ParallelCollectionRDD[0]}, {@code Range(0, 100, …)}, local-relation row counts) are kept;
 * expression and exchange ids ({@code #123}, {@code [id=#48]}, {@code plan_id=…}) are dropped
 * because Spark renumbers them for every execution. Micro-batches of a streaming query and plans
 * that read a cached relation are not repeated computations.
 */
public final class RepeatedComputationDetector implements Detector {
  public static final String ID = "repeated-computation";

  private static final Pattern EXPR_ID = Pattern.compile("#\\d+L?");
  private static final Pattern PLAN_ID = Pattern.compile("plan_id=\\d+");
  private static final Pattern FINAL_FLAG = Pattern.compile("isFinalPlan=(true|false)");
  private static final Pattern QUERY_STAGE = Pattern.compile("(QueryStage) \\d+");

  private final Thresholds thresholds;

  public RepeatedComputationDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minExecutions identical executions needed (default 2: the second run is already entirely
   *     avoidable with cache)
   */
  public record Thresholds(int minExecutions) {
    public static final Thresholds DEFAULTS = new Thresholds(2);

    public Thresholds {
      check(minExecutions >= 2, ID, "min-executions", minExecutions, "must be >= 2");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(s.getInt(key(ID, "min-executions"), DEFAULTS.minExecutions));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    Map<String, List<SqlExecution>> groups = new LinkedHashMap<>();
    for (SqlExecution sql : run.sql()) {
      if (sql.plan() == null
          || sql.structuredStreaming()
          || sql.jobIds().isEmpty()
          || readsCache(sql.plan())) {
        continue;
      }
      groups.computeIfAbsent(fingerprint(sql), k -> new ArrayList<>()).add(sql);
    }
    List<Finding> findings = new ArrayList<>();
    for (List<SqlExecution> group : groups.values()) {
      if (group.size() >= thresholds.minExecutions()) {
        findings.add(finding(run, group));
      }
    }
    return findings;
  }

  static boolean readsCache(PlanNode plan) {
    for (PlanNode n : plan.nodes()) {
      if (n.name().startsWith("InMemoryTableScan") || n.name().startsWith("InMemoryRelation")) {
        return true;
      }
    }
    return false;
  }

  /** The identity of an execution's computation: see the class comment. */
  static String fingerprint(SqlExecution sql) {
    StringBuilder b = new StringBuilder();
    appendTree(sql.plan(), 0, b);
    if (sql.physicalPlanDescription() != null) {
      // The formatted plan carries what simpleString omits, e.g. the RDD behind "Scan[obj#1]".
      b.append(normalise(sql.physicalPlanDescription()));
    }
    return b.toString();
  }

  private static void appendTree(PlanNode n, int depth, StringBuilder b) {
    b.append(depth).append(' ').append(n.name()).append(' ').append(normalise(n.simpleString()));
    n.metadata().forEach((k, v) -> b.append(" |").append(k).append('=').append(normalise(v)));
    if (n.name().equals("LocalTableScan")) {
      // Its rows are not printed; their count at least tells different local relations apart.
      b.append(" rows=").append(n.metric("number of output rows"));
    }
    b.append('\n');
    for (PlanNode c : n.children()) {
      appendTree(c, depth + 1, b);
    }
  }

  static String normalise(String s) {
    String out = EXPR_ID.matcher(s).replaceAll("#");
    out = PLAN_ID.matcher(out).replaceAll("plan_id=");
    out = FINAL_FLAG.matcher(out).replaceAll("");
    return QUERY_STAGE.matcher(out).replaceAll("$1");
  }

  private Finding finding(RunAnalysis run, List<SqlExecution> group) {
    SqlExecution first = group.get(0);
    List<SqlExecution> repeats = group.subList(1, group.size());
    Set<Long> repeatIds = new HashSet<>();
    Set<Integer> repeatStages = new HashSet<>();
    long wallMs = 0;
    for (SqlExecution r : repeats) {
      repeatIds.add(r.executionId());
      repeatStages.addAll(r.stageIds());
      wallMs += r.durationMs() == null ? 0 : r.durationMs();
    }
    long coreMs = 0;
    for (StageMetrics s : run.stages()) {
      boolean ofRepeat =
          (s.sqlExecutionId() != null && repeatIds.contains(s.sqlExecutionId()))
              || repeatStages.contains(s.stageId());
      if (ofRepeat) {
        coreMs += s.executorRunTimeMs();
      }
    }
    double coreSeconds = coreMs / 1000.0;
    double wallSeconds = wallMs / 1000.0;
    Severity severity =
        SeverityScale.max(
            SeverityScale.ofSeconds(coreSeconds, RunFacts.executorRunSeconds(run)),
            SeverityScale.ofSeconds(wallSeconds, RunFacts.durationSeconds(run)));
    String ids =
        group.stream().map(e -> Long.toString(e.executionId())).collect(Collectors.joining(", "));
    Set<String> sources = new TreeSet<>();
    for (PlanNode n : first.plan().nodes()) {
      if (Plans.isFileScan(n) && Plans.tablePath(n) != null) {
        sources.add(Plans.tablePath(n));
      }
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("SQL executions with the same plan", ids, ""));
    evidence.add(new Evidence("executions", group.size(), "executions"));
    evidence.add(new Evidence("wall-clock time of the repeats", wallMs, "ms"));
    evidence.add(new Evidence("executor run time of the repeats", coreMs, "ms"));
    if (first.description() != null && !first.description().isBlank()) {
      String d = first.description().strip();
      evidence.add(
          new Evidence("first execution", d.length() > 120 ? d.substring(0, 120) + "…" : d, ""));
    }
    if (!sources.isEmpty()) {
      evidence.add(new Evidence("sources", String.join(", ", sources), ""));
    }
    Recommendation rec =
        new Recommendation(
            "Executions "
                + ids
                + " recompute the same plan from its sources. Persist the DataFrame once before the"
                + " first action and unpersist it after the last one.",
            """
            from pyspark import StorageLevel
            df = build_summary(spark).persist(StorageLevel.MEMORY_AND_DISK)
            n = df.count()            # computes and caches
            df.write.parquet(out)     # reads the cache
            df.unpersist()
            """,
            """
            CACHE TABLE summary AS SELECT customer, SUM(amount) AS total FROM sales GROUP BY customer;
            SELECT COUNT(*) FROM summary;
            UNCACHE TABLE summary;
            """,
            """
            import org.apache.spark.storage.StorageLevel
            val df = buildSummary(spark).persist(StorageLevel.MEMORY_AND_DISK)
            df.count()
            df.write.parquet(out)
            df.unpersist()
            """,
            Map.of());
    Impact impact =
        new Impact(
            Quantities.round(wallSeconds, 1),
            null,
            Quantities.round(coreSeconds, 1),
            "compute core-seconds and source reads",
            "Upper bound: the measured time of the "
                + repeats.size()
                + " repeated execution(s); with cache they only read cached partitions (cheap, not"
                + " free).");
    return Finding.of(
        ID,
        severity,
        "Same computation ran " + group.size() + " times without cache (SQL " + ids + ")",
        evidence,
        rec,
        impact,
        new Location(first.executionId(), null, null, null, null, null, null, null));
  }

  /** Creates {@link RepeatedComputationDetector} from {@code detector.repeated-computation.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "The same plan computed by several SQL executions without cache";
    }

    @Override
    public Detector create(Settings settings) {
      return new RepeatedComputationDetector(Thresholds.from(settings));
    }
  }
}
