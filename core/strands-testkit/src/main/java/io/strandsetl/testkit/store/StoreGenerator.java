package io.strandsetl.testkit.store;

import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ErrorDetails;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.NotificationState;
import io.strandsetl.model.store.PlatformDecision;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.QualityTrend;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.StageSummary;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.Workload;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Realistic tracking-store content for benchmarks and tests: {@code total} executions of a fixed
 * set of jobs spread evenly over a period of days, each a full {@link RunRecord} (metrics, cost
 * breakdown, platform decision, quality, compliance, 0-2 issues, one agent invocation, one quality
 * history row, one audit event). Deterministic: run {@code i} depends only on the seed and {@code
 * i}, so any slice can be generated again, in any order, by any process.
 *
 * <p>Shape (per run): status 92% succeeded, 6% failed, 2% cancelled; each job has one team (8), one
 * usual platform (90%, else another of 6), a base cost 0.05-20 USD and duration 1-60 min that vary
 * by up to x2; 80% of runs carry a quality summary, 60% a compliance summary; 35% show one issue
 * and 10% two (8 types). Failures name the error.
 */
public final class StoreGenerator {
  public static final List<String> PLATFORMS =
      List.of("local", "cluster", "emr", "emr-serverless", "glue", "lambda");
  public static final List<String> TEAMS =
      List.of("payments", "marketing", "risk", "growth", "finance", "logistics", "support", "data");
  public static final List<String> AGENTS =
      List.of(
          "decision", "quality", "optimization", "learning", "compliance", "cost", "supervisor");
  static final List<String> ISSUE_TYPES =
      List.of(
          "data-skew",
          "spill",
          "small-files",
          "shuffle-partitions",
          "broadcast-join-missed",
          "oom-retry",
          "cartesian-join",
          "stale-statistics");

  private final long seed;
  private final int jobs;
  private final long total;
  private final Instant first;
  private final long spanMicros;

  /**
   * @param seed makes the content reproducible
   * @param jobs number of distinct jobs (>= 1)
   * @param total executions spread over the period (>= 1); indexes beyond it wrap around the period
   *     with new ids
   * @param firstDay first UTC day of the period
   * @param days length of the period in days (>= 1)
   */
  public StoreGenerator(long seed, int jobs, long total, LocalDate firstDay, int days) {
    if (jobs < 1 || total < 1 || days < 1) {
      throw new IllegalArgumentException(
          "Invalid generator shape: jobs=" + jobs + " total=" + total + " days=" + days);
    }
    this.seed = seed;
    this.jobs = jobs;
    this.total = total;
    this.first = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    this.spanMicros = days * 86_400_000_000L;
  }

  /** The issue's shape: a year of 100 jobs ending on {@code lastDay}. */
  public static StoreGenerator yearOf100Jobs(long total, LocalDate lastDay) {
    return new StoreGenerator(42, 100, total, lastDay.minusDays(364), 365);
  }

  /** The name of job {@code j} (0-based). */
  public String jobName(int j) {
    return String.format("job-%03d-%s", j, TEAMS.get(j % TEAMS.size()));
  }

  /** The team of job {@code j}. */
  public String teamOf(int j) {
    return TEAMS.get(j % TEAMS.size());
  }

  public int jobs() {
    return jobs;
  }

  public long total() {
    return total;
  }

  /** Run number {@code index} (0-based); its execution id is {@code gen-<index>}. */
  public RunRecord run(long index) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    int job = (int) Math.floorMod(index * 7919L, jobs);
    SplittableRandom jobRandom = new SplittableRandom(seed * 31 + job);
    String usualPlatform = PLATFORMS.get(jobRandom.nextInt(PLATFORMS.size()));
    double baseCost = 0.05 + jobRandom.nextDouble() * 20;
    long baseDurationMs = 60_000 + jobRandom.nextLong(3_540_000);
    JobType jobType = jobRandom.nextInt(10) == 0 ? JobType.IMPORTED_EVENT_LOG : JobType.PIPELINE;

    long slot = Math.floorMod(index, total);
    // In double: slot * spanMicros overflows a long for a year of a million runs.
    long offset =
        (long) ((double) slot / total * spanMicros)
            + random.nextLong(Math.max(1, spanMicros / total));
    Instant start = first.plusNanos(offset * 1000);
    double vary = 0.5 + random.nextDouble() * 1.5;
    long durationMs = (long) (baseDurationMs * vary);
    Instant end = start.plusMillis(durationMs);
    int roll = random.nextInt(100);
    ExecutionStatus status =
        roll < 92
            ? ExecutionStatus.SUCCEEDED
            : roll < 98 ? ExecutionStatus.FAILED : ExecutionStatus.CANCELLED;
    String platform =
        random.nextInt(10) == 0 ? PLATFORMS.get(random.nextInt(PLATFORMS.size())) : usualPlatform;
    String id = "gen-" + index;
    String jobName = jobName(job);
    String team = teamOf(job);

    long inputBytes = (long) (2e8 + jobRandom.nextDouble() * 5e10 * vary);
    ExecutionMetrics metrics =
        new ExecutionMetrics(
            inputBytes / 8,
            inputBytes / 4,
            inputBytes / 2,
            0.5,
            0.2 + random.nextDouble() * 0.7,
            inputBytes + inputBytes / 3,
            inputBytes,
            inputBytes / 5,
            inputBytes / 3,
            inputBytes / 3,
            inputBytes / 200,
            (inputBytes / 200.0) / Math.max(1, durationMs / 1000.0));
    double cost = baseCost * vary;
    CostBreakdown breakdown =
        new CostBreakdown(
            cost, cost * 0.8, cost * 0.1, cost * 0.05, cost * 0.05, cost / (inputBytes / 1e9), 0);
    QualitySummary quality = null;
    List<QualityHistoryEntry> history = List.of();
    if (random.nextInt(10) < 8) {
      double base = 0.85 + random.nextDouble() * 0.15;
      QualityScores scores =
          new QualityScores(
              base,
              Math.min(1, base + 0.02),
              Math.max(0, base - 0.03),
              1.0,
              base,
              Math.min(1, base + 0.01));
      quality = new QualitySummary(scores, (1 - base) * 10, 0.1, 0, random.nextInt(3), 12, 1);
      history =
          List.of(
              new QualityHistoryEntry(
                  id,
                  jobName,
                  jobName + ".output",
                  end,
                  scores,
                  QualityTrend.values()[random.nextInt(QualityTrend.values().length)],
                  base < 0.88 ? List.of("overall below 0.88") : List.of()));
    }
    ComplianceSummary compliance =
        random.nextInt(10) < 6
            ? new ComplianceSummary(
                random.nextInt(20) != 0,
                random.nextInt(10) != 0,
                job % 4,
                job % 4,
                true,
                true,
                true,
                true,
                job % 3 == 0 ? "confidential" : "internal")
            : null;
    List<DetectedIssue> issues = new ArrayList<>();
    int issueRoll = random.nextInt(100);
    int issueCount = issueRoll < 10 ? 2 : issueRoll < 45 ? 1 : 0;
    for (int k = 0; k < issueCount; k++) {
      String type = ISSUE_TYPES.get((job + k * 3 + random.nextInt(2)) % ISSUE_TYPES.size());
      if (issues.stream().noneMatch(issue -> issue.type().equals(type))) {
        Severity severity = Severity.values()[(job + k) % Severity.values().length];
        issues.add(new DetectedIssue(type, severity, type + " in stage " + random.nextInt(12)));
      }
    }
    ExecutionRecord execution =
        new ExecutionRecord(
            id,
            jobName,
            jobType,
            platform,
            status,
            start,
            end,
            new Workload(inputBytes, 1 + job % 4, 2 + job % 6, job % 3, job % 2 == 0),
            new PlatformDecision(
                platform,
                0.6 + random.nextDouble() * 0.4,
                "usual platform of the job",
                List.of(PLATFORMS.get((job + 1) % PLATFORMS.size()))),
            metrics,
            breakdown,
            quality,
            compliance,
            issues,
            issues.isEmpty() ? List.of() : List.of("Fix " + issues.get(0).type()),
            List.of(),
            status == ExecutionStatus.FAILED
                ? new ErrorDetails("SinkWriteFailed", "sink 'out' failed", "", random.nextInt(3))
                : null,
            List.of(team + "@example.com"),
            new TreeMap<>(Map.of("team", team, "env", "prod")),
            new NotificationState(true, end.plusSeconds(1), List.of(team + "@example.com")));
    String agent = AGENTS.get(random.nextInt(AGENTS.size()));
    AgentInvocation invocation =
        new AgentInvocation(
            id + "-i1",
            id,
            agent,
            agent + "_tool",
            start,
            "run " + id,
            "ok",
            5 + random.nextLong(2_000),
            random.nextInt(50) != 0,
            "",
            random.nextLong(4_000),
            random.nextLong(1_000),
            random.nextDouble() * 0.01);
    AuditEvent audit = new AuditEvent(end, "strands", "run-recorded", id, status.name());
    return new RunRecord(execution, List.of(invocation), history, List.of(audit))
        .withStages(stages(index, inputBytes, durationMs));
  }

  /**
   * Four stages (scan, shuffle map, reduce, write) from the run's input and duration, with their
   * own random stream so the rest of the run is what it was before stages were generated.
   */
  private List<StageSummary> stages(long index, long inputBytes, long durationMs) {
    SplittableRandom random = new SplittableRandom(seed * 7_000_003L + index);
    long shuffle = inputBytes / 3;
    double skew = 1 + random.nextDouble() * (random.nextInt(10) == 0 ? 30 : 2);
    long reduceMs = durationMs * 2 / 5;
    return List.of(
        new StageSummary(
            0,
            0,
            "scan at Source.java:31",
            "COMPLETE",
            64,
            0,
            durationMs / 5,
            inputBytes,
            0,
            0,
            0,
            0,
            0,
            durationMs / 5.0 / 4,
            durationMs / 5.0 / 8),
        new StageSummary(
            1,
            0,
            "exchange at Pipeline.java:88",
            "COMPLETE",
            64,
            0,
            durationMs / 5,
            0,
            0,
            0,
            shuffle,
            0,
            0,
            durationMs / 5.0 / 4,
            durationMs / 5.0 / 8),
        new StageSummary(
            2,
            0,
            "aggregate at Pipeline.java:90",
            "COMPLETE",
            200,
            random.nextInt(20) == 0 ? 1 : 0,
            reduceMs,
            0,
            0,
            shuffle,
            0,
            shuffle / 4,
            shuffle / 16,
            reduceMs / 2.0 * skew / 10,
            reduceMs / 20.0),
        new StageSummary(
            3,
            0,
            "save at Sink.java:12",
            "COMPLETE",
            16,
            0,
            durationMs / 5,
            0,
            inputBytes / 5,
            0,
            0,
            0,
            0,
            durationMs / 5.0 / 2,
            durationMs / 5.0 / 4));
  }

  /** Records runs [from, to) one by one through {@link TrackingStore#recordRun}. */
  public void seed(TrackingStore store, long from, long to) {
    for (long i = from; i < to; i++) {
      store.recordRun(run(i));
    }
  }

  /**
   * Hands runs [from, to) to {@code writer} in batches of {@code batchSize}, in index order (for a
   * backend's bulk path, e.g. one transaction per batch).
   */
  public void seed(Consumer<List<RunRecord>> writer, long from, long to, int batchSize) {
    List<RunRecord> batch = new ArrayList<>(batchSize);
    for (long i = from; i < to; i++) {
      batch.add(run(i));
      if (batch.size() == batchSize) {
        writer.accept(List.copyOf(batch));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      writer.accept(List.copyOf(batch));
    }
  }

  /** The UTC instant of the end of the period (exclusive). */
  public Instant end() {
    return first.plus(Duration.ofNanos(spanMicros * 1000));
  }
}
