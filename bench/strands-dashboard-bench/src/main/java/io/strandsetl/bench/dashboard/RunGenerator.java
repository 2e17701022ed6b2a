package io.strandsetl.bench.dashboard;

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
import io.strandsetl.model.store.PlatformDecision;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.QualityTrend;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic generated runs for the dashboard benchmark: 150 jobs in 6 teams on 5 platforms over the
 * last {@code days} days, 86% succeeded / 11% failed / 3% cancelled, costs from the platform's
 * hourly rate × duration, quality mostly 0.9–1 with 8% low, PII in a third of the jobs, 0–3 issues,
 * 2 agent invocations, 1 quality measurement and 1 audit event per run. Run {@code n} is the same
 * for the same seed, whatever the batch size.
 */
final class RunGenerator {
  static final int JOBS = 150;
  static final String[] TEAMS = {"finance", "growth", "platform", "risk", "marketing", "ops"};
  static final String[] PLATFORMS = {"glue", "emr", "lambda", "local", "cluster"};
  static final double[] USD_PER_HOUR = {0.88, 0.81, 0.06, 0.01, 0.5};
  static final String[] AGENTS = {
    "decision", "optimization", "quality", "compliance", "cost-tracking", "learning"
  };
  static final String[] ISSUES = {
    "data-skew", "spill", "small-files", "missing-broadcast", "shuffle-partitions", "cartesian-join"
  };

  private final Instant now;
  private final int days;
  private final long seed;

  RunGenerator(Instant now, int days, long seed) {
    this.now = now;
    this.days = days;
    this.seed = seed;
  }

  List<RunRecord> batch(int first, int count) {
    List<RunRecord> runs = new ArrayList<>(count);
    for (int n = first; n < first + count; n++) {
      runs.add(run(n));
    }
    return runs;
  }

  RunRecord run(int n) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + n);
    int job = (int) Math.floor(Math.pow(r.nextDouble(), 1.6) * JOBS); // some jobs run more often
    String jobName = String.format("job-%03d", job);
    int platformIndex = (job + (r.nextDouble() < 0.2 ? 1 + r.nextInt(4) : 0)) % PLATFORMS.length;
    String platform = PLATFORMS[platformIndex];
    Instant start = now.minusSeconds(600 + (long) (r.nextDouble() * days * 86_400L));
    long seconds = 20 + (long) (r.nextDouble() * (60 + job * 20));
    double roll = r.nextDouble();
    ExecutionStatus status =
        roll < 0.86
            ? ExecutionStatus.SUCCEEDED
            : roll < 0.97 ? ExecutionStatus.FAILED : ExecutionStatus.CANCELLED;
    String id = String.format("run-%07d", n);
    double compute = USD_PER_HOUR[platformIndex] * seconds / 3600.0 * (1 + (job % 10) * 0.5);
    long bytes = (long) ((1 + job % 20) * 1e9 * (0.5 + r.nextDouble()));
    double overall =
        r.nextDouble() < 0.08 ? 0.55 + r.nextDouble() * 0.25 : 0.9 + r.nextDouble() * 0.1;
    QualityScores scores =
        new QualityScores(
            clamp(overall + 0.02),
            clamp(overall - 0.01),
            clamp(overall),
            clamp(overall + 0.03),
            clamp(overall - 0.02),
            overall);
    List<DetectedIssue> issues = new ArrayList<>();
    for (String type : ISSUES) {
      if (r.nextDouble() < 0.05 + (job % 7) * 0.01) {
        issues.add(
            new DetectedIssue(
                type, Severity.values()[r.nextInt(4)], type + " in stage " + r.nextInt(30)));
      }
    }
    int pii = job % 3 == 0 ? 1 + r.nextInt(4) : 0;
    int masked = r.nextDouble() < 0.93 ? pii : Math.max(0, pii - 1);
    String team = TEAMS[job % TEAMS.length];
    ExecutionRecord e =
        new ExecutionRecord(
            id,
            jobName,
            job % 5 == 4 ? JobType.IMPORTED_EVENT_LOG : JobType.PIPELINE,
            platform,
            status,
            start,
            start.plus(Duration.ofSeconds(seconds)),
            new Workload(bytes, 1 + job % 4, 2 + job % 6, job % 3, job % 2 == 0),
            new PlatformDecision(
                platform, 0.5 + r.nextDouble() * 0.5, "cheapest feasible", List.of("local")),
            new ExecutionMetrics(
                1L << 30,
                3L << 30,
                4L << 30,
                0.6,
                0.55,
                bytes,
                bytes / 2,
                bytes / 3,
                bytes / 6,
                bytes / 6,
                bytes / 150,
                bytes / 150.0 / seconds),
            new CostBreakdown(
                compute * 1.08,
                compute,
                compute * 0.05,
                compute * 0.03,
                0,
                compute * 1.08 / (bytes / 1e9),
                0),
            new QualitySummary(scores, 1.2, 0.3, 0, r.nextInt(4), 12, overall < 0.8 ? 3 : 0),
            new ComplianceSummary(
                masked == pii,
                pii == 0 || r.nextDouble() < 0.95,
                pii,
                masked,
                true,
                true,
                true,
                true,
                pii > 0 ? "confidential" : "internal"),
            issues,
            issues.stream().map(i -> "Fix " + i.type() + " (see docs/detectors.md)").toList(),
            List.of(),
            status == ExecutionStatus.FAILED
                ? new ErrorDetails(
                    "SparkException", "Job aborted due to stage failure", "", r.nextInt(3))
                : null,
            List.of(team + "@example.com"),
            Map.of("team", team),
            null);
    List<AgentInvocation> invocations = new ArrayList<>(2);
    for (int a = 0; a < 2; a++) {
      String agent = AGENTS[(n + a) % AGENTS.length];
      boolean ok = r.nextDouble() < 0.97;
      long tokensIn = r.nextDouble() < 0.3 ? 300 + r.nextInt(900) : 0;
      invocations.add(
          new AgentInvocation(
              id + "-" + a,
              id,
              agent,
              agent + "_tool",
              start.plusMillis(a * 700L),
              "",
              "ok",
              30 + r.nextInt(1500),
              ok,
              ok ? "" : "timeout",
              tokensIn,
              tokensIn / 3,
              tokensIn * 3e-6));
    }
    QualityHistoryEntry quality =
        new QualityHistoryEntry(
            id,
            jobName,
            jobName + "_out",
            start.plusSeconds(seconds),
            scores,
            overall < 0.8 ? QualityTrend.DEGRADING : QualityTrend.STABLE,
            overall < 0.8 ? List.of("completeness dropped below 0.8") : List.of());
    return new RunRecord(
        e,
        invocations,
        List.of(quality),
        List.of(
            new AuditEvent(start.plusSeconds(seconds), "strands", "run-recorded", id, jobName)));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
