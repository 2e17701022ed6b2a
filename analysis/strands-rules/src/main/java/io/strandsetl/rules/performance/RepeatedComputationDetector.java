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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
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
  private static final Pattern ATTRIBUTE = Pattern.compile("\\w+#\\d+L?");

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
    Map<Long, Integer> groupOf = new HashMap<>();
    List<SqlExecution> eligible = new ArrayList<>();
    int groupNumber = 0;
    for (List<SqlExecution> group : groups.values()) {
      if (group.size() >= thresholds.minExecutions()) {
        findings.add(finding(run, group));
      }
      for (SqlExecution sql : group) {
        groupOf.put(sql.executionId(), groupNumber);
        eligible.add(sql);
      }
      groupNumber++;
    }
    findings.addAll(sharedShuffleInputs(run, eligible, groupOf));
    return findings;
  }

  /** One place where executions with different plans compute the same shuffle input. */
  private record Occurrence(SqlExecution sql, PlanNode exchange) {}

  /**
   * Executions whose plans differ but contain the same exchange subtree (for example {@code
   * df.count()} and {@code df.write} over one expensive {@code df}): the topmost shared exchange
   * per execution is reported once, when its recomputation measurably cost time.
   */
  private List<Finding> sharedShuffleInputs(
      RunAnalysis run, List<SqlExecution> eligible, Map<Long, Integer> groupOf) {
    Map<SqlExecution, Map<PlanNode, String>> digests = new LinkedHashMap<>();
    Map<String, Set<Long>> executionsByDigest = new HashMap<>();
    for (SqlExecution sql : eligible) {
      Map<PlanNode, String> byExchange = new IdentityHashMap<>();
      subtreeDigest(sql.plan(), leafArguments(sql.physicalPlanDescription()), byExchange);
      digests.put(sql, byExchange);
      byExchange
          .values()
          .forEach(
              d ->
                  executionsByDigest
                      .computeIfAbsent(d, k -> new TreeSet<>())
                      .add(sql.executionId()));
    }
    Map<String, List<Occurrence>> occurrences = new LinkedHashMap<>();
    digests.forEach(
        (sql, byExchange) ->
            topmostShared(sql.plan(), sql, byExchange, executionsByDigest, occurrences));
    List<Finding> findings = new ArrayList<>();
    for (List<Occurrence> occ : occurrences.values()) {
      Set<Long> executions = new TreeSet<>();
      Set<Integer> wholePlanGroups = new HashSet<>();
      for (Occurrence o : occ) {
        executions.add(o.sql().executionId());
        wholePlanGroups.add(groupOf.get(o.sql().executionId()));
      }
      // Identical whole plans are already reported; this is about different plans only.
      if (executions.size() >= thresholds.minExecutions() && wholePlanGroups.size() > 1) {
        sharedFinding(run, occ).ifPresent(findings::add);
      }
    }
    return findings;
  }

  /**
   * A digest of the subtree at {@code n}: operators, normalised text and metadata, and for leaves
   * the source named in the formatted plan. Records the digest of every exchange whose subtree is
   * fully known; returns null when it is not (a reused exchange or subquery stands for a plan
   * printed elsewhere).
   */
  private static String subtreeDigest(
      PlanNode n, Map<String, String> leafArguments, Map<PlanNode, String> byExchange) {
    StringBuilder b = new StringBuilder();
    b.append(n.name()).append('|').append(normalise(n.simpleString()));
    n.metadata().forEach((k, v) -> b.append('|').append(k).append('=').append(normalise(v)));
    if (n.children().isEmpty()) {
      if (n.name().startsWith("Reused") || n.name().contains("Subquery")) {
        return null;
      }
      Matcher m = ATTRIBUTE.matcher(n.simpleString());
      if (m.find() && leafArguments.containsKey(m.group())) {
        b.append("|args=").append(leafArguments.get(m.group()));
      }
      if (n.name().equals("LocalTableScan")) {
        b.append("|rows=").append(n.metric("number of output rows"));
      }
    }
    boolean known = true;
    for (PlanNode c : n.children()) {
      String child = subtreeDigest(c, leafArguments, byExchange);
      known &= child != null;
      b.append('(').append(child).append(')');
    }
    if (!known) {
      return null;
    }
    String digest = sha256(b.toString());
    if (Plans.isExchange(n)) {
      byExchange.put(n, digest);
    }
    return digest;
  }

  private static void topmostShared(
      PlanNode n,
      SqlExecution sql,
      Map<PlanNode, String> byExchange,
      Map<String, Set<Long>> executionsByDigest,
      Map<String, List<Occurrence>> occurrences) {
    String digest = byExchange.get(n);
    if (digest != null && executionsByDigest.get(digest).size() > 1) {
      occurrences.computeIfAbsent(digest, k -> new ArrayList<>()).add(new Occurrence(sql, n));
      return;
    }
    for (PlanNode c : n.children()) {
      topmostShared(c, sql, byExchange, executionsByDigest, occurrences);
    }
  }

  /**
   * The "Arguments:" line of every leaf section of Spark's formatted plan, by each attribute of its
   * "Output" line ({@code obj#1} → {@code obj#1: int, ParallelCollectionRDD[0] at makeRDD at …}):
   * what identifies an RDD or local source that the node's simpleString does not print.
   */
  static Map<String, String> leafArguments(String description) {
    Map<String, String> byAttribute = new HashMap<>();
    if (description == null) {
      return byAttribute;
    }
    for (String section : description.split("\n\s*\n")) {
      String output = null;
      String arguments = null;
      for (String line : section.split("\n")) {
        if (line.startsWith("Output")) {
          output = line;
        } else if (line.startsWith("Arguments:")) {
          arguments = normalise(line.substring("Arguments:".length()).trim());
        }
      }
      if (output != null && arguments != null) {
        Matcher m = ATTRIBUTE.matcher(output);
        while (m.find()) {
          byAttribute.putIfAbsent(m.group(), arguments);
        }
      }
    }
    return byAttribute;
  }

  private static String sha256(String s) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash plan: SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Task time spent under an exchange, ms: codegen {@code duration} of its subtree plus its {@code
   * shuffle write time}. A lower bound (operators outside whole-stage codegen are not timed).
   */
  private static long subtreeMillis(PlanNode exchange) {
    long ms = 0;
    for (PlanNode d : exchange.nodes()) {
      Long duration =
          d.name().startsWith("WholeStageCodegen") ? Plans.metricMillis(d, "duration") : null;
      ms += duration == null ? 0 : duration;
    }
    Long write = Plans.metricMillis(exchange, "shuffle write time");
    return ms + (write == null ? 0 : write);
  }

  private Optional<Finding> sharedFinding(RunAnalysis run, List<Occurrence> occ) {
    Occurrence first = occ.get(0);
    long repeatMs = 0;
    for (Occurrence o : occ.subList(1, occ.size())) {
      repeatMs += subtreeMillis(o.exchange());
    }
    if (repeatMs <= 0) {
      // Nothing measurable was recomputed (for example shuffle files reused by the same Dataset).
      return Optional.empty();
    }
    double seconds = repeatMs / 1000.0;
    String ids =
        occ.stream()
            .map(o -> Long.toString(o.sql().executionId()))
            .distinct()
            .collect(Collectors.joining(", "));
    String exchangeText = normalise(first.exchange().simpleString());
    if (exchangeText.length() > 160) {
      exchangeText = exchangeText.substring(0, 160) + "…";
    }
    Set<String> sources = new TreeSet<>();
    for (PlanNode n : first.exchange().nodes()) {
      if (Plans.isFileScan(n) && Plans.tablePath(n) != null) {
        sources.add(Plans.tablePath(n));
      }
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("SQL executions computing the same shuffle input", ids, ""));
    evidence.add(new Evidence("shared exchange", exchangeText, ""));
    evidence.add(new Evidence("task time under the exchange in the repeats", repeatMs, "ms"));
    if (!sources.isEmpty()) {
      evidence.add(new Evidence("sources", String.join(", ", sources), ""));
    }
    Recommendation rec =
        new Recommendation(
            "Executions "
                + ids
                + " run different actions over one common sub-plan and compute it again each time."
                + " Persist the DataFrame that feeds this exchange before the first action.",
            """
            from pyspark import StorageLevel
            base = build_base(spark).persist(StorageLevel.MEMORY_AND_DISK)  # the common part
            base.groupBy("k").count().show()
            base.write.mode("overwrite").parquet(out)
            base.unpersist()
            """,
            """
            CACHE TABLE base AS SELECT * FROM sales WHERE amount > 10;  -- the common part
            SELECT k, COUNT(*) FROM base GROUP BY k;
            INSERT OVERWRITE TABLE target SELECT * FROM base;
            UNCACHE TABLE base;
            """,
            """
            val base = buildBase(spark).persist(StorageLevel.MEMORY_AND_DISK)
            base.groupBy("k").count().show()
            base.write.mode("overwrite").parquet(out)
            base.unpersist()
            """,
            Map.of());
    Impact impact =
        new Impact(
            null,
            null,
            Quantities.round(seconds, 1),
            "compute core-seconds and source reads",
            "Lower bound: whole-stage-codegen task time under the shared exchange plus its shuffle"
                + " write time, in every execution after the first.");
    return Optional.of(
        Finding.of(
            ID,
            SeverityScale.ofSeconds(seconds, RunFacts.executorRunSeconds(run)),
            "SQL " + ids + " recompute the same shuffle input without cache",
            evidence,
            rec,
            impact,
            Location.ofPlanNode(
                first.sql().executionId(),
                first.exchange().id(),
                first.exchange().name().strip(),
                sources.isEmpty() ? null : sources.iterator().next())));
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
