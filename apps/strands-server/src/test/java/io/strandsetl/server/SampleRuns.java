package io.strandsetl.server;

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
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic test runs (seeded random): jobs, teams, platforms, statuses, costs, quality,
 * compliance, issues, agent invocations. One job is named {@link #HOSTILE_JOB} to test escaping.
 */
final class SampleRuns {
  static final String HOSTILE_JOB = "<script>alert(1)</script>";
  static final List<String> JOBS =
      List.of(
          "orders-daily",
          "customers-sync",
          "payments-reconcile",
          "clickstream-sessionize",
          "inventory-snapshot",
          "marketing-attribution",
          "fraud-features",
          "billing-monthly",
          HOSTILE_JOB);
  static final List<String> TEAMS = List.of("finance", "growth", "platform");
  static final List<String> PLATFORMS = List.of("glue", "emr", "lambda", "local", "cluster");
  static final List<String> AGENTS =
      List.of("decision", "optimization", "quality", "compliance", "cost-tracking", "learning");
  static final List<String> ISSUE_TYPES =
      List.of("data-skew", "spill", "small-files", "missing-broadcast", "shuffle-partitions");

  private SampleRuns() {}

  /** Records {@code count} runs that started over the {@code days} days before {@code now}. */
  static List<String> seed(TrackingStore store, int count, Instant now, int days, long seed) {
    Random r = new Random(seed);
    List<String> ids = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      int jobIndex = r.nextInt(JOBS.size());
      String job = JOBS.get(jobIndex);
      String platform = PLATFORMS.get((jobIndex + r.nextInt(2)) % PLATFORMS.size());
      String team = TEAMS.get(jobIndex % TEAMS.size());
      Instant start = now.minusSeconds(3600).minusSeconds((long) (r.nextDouble() * days * 86_400L));
      long seconds = 30 + (long) (r.nextDouble() * (jobIndex + 1) * 600);
      double roll = r.nextDouble();
      ExecutionStatus status =
          roll < 0.85
              ? ExecutionStatus.SUCCEEDED
              : roll < 0.97 ? ExecutionStatus.FAILED : ExecutionStatus.CANCELLED;
      String id = String.format("run-%06d", n);
      double rate =
          switch (platform) {
            case "glue" -> 0.44 * 2;
            case "emr" -> 0.27 * 3;
            case "lambda" -> 0.06;
            case "cluster" -> 0.5;
            default -> 0.01;
          };
      double compute = rate * seconds / 3600.0 * (1 + jobIndex * 0.3);
      CostBreakdown cost =
          new CostBreakdown(compute * 1.08, compute, compute * 0.05, compute * 0.03, 0, 0.02, 0);
      long bytes = (long) ((jobIndex + 1) * 2e9 * (0.5 + r.nextDouble()));
      double overall =
          r.nextDouble() < 0.1 ? 0.6 + r.nextDouble() * 0.15 : 0.9 + r.nextDouble() * 0.1;
      QualityScores scores =
          new QualityScores(
              clamp(overall + 0.02),
              clamp(overall - 0.01),
              clamp(overall),
              clamp(overall + 0.03),
              clamp(overall - 0.02),
              overall);
      List<DetectedIssue> issues = new ArrayList<>();
      for (String type : ISSUE_TYPES) {
        if (r.nextDouble() < 0.08 + jobIndex * 0.01) {
          issues.add(
              new DetectedIssue(
                  type, Severity.values()[r.nextInt(4)], type + " seen in stage " + r.nextInt(20)));
        }
      }
      List<String> recommendations =
          issues.stream().map(i -> "Fix " + i.type() + ": see docs/detectors.md").toList();
      int pii = jobIndex % 3 == 0 ? 1 + r.nextInt(3) : 0;
      int masked = r.nextDouble() < 0.9 ? pii : Math.max(0, pii - 1);
      ExecutionRecord execution =
          new ExecutionRecord(
              id,
              job,
              jobIndex % 4 == 3 ? JobType.IMPORTED_EVENT_LOG : JobType.PIPELINE,
              platform,
              status,
              start,
              start.plus(Duration.ofSeconds(seconds)),
              new Workload(bytes, 2, 3, 1, false),
              new PlatformDecision(
                  platform, 0.6 + r.nextDouble() * 0.4, "cheapest feasible", List.of("local")),
              new ExecutionMetrics(
                  1L << 30,
                  2L << 30,
                  4L << 30,
                  0.5,
                  0.6,
                  bytes,
                  bytes / 2,
                  bytes / 4,
                  bytes / 8,
                  bytes / 8,
                  bytes / 200,
                  bytes / 200.0 / seconds),
              cost,
              new QualitySummary(scores, 1.5, 0.2, 0, r.nextInt(3), 10, overall < 0.8 ? 2 : 0),
              new ComplianceSummary(
                  masked == pii,
                  pii == 0 || r.nextDouble() < 0.9,
                  pii,
                  masked,
                  true,
                  true,
                  true,
                  true,
                  pii > 0 ? "confidential" : "internal"),
              issues,
              recommendations,
              List.of(),
              status == ExecutionStatus.FAILED
                  ? new ErrorDetails("SparkException", "Job aborted", "", 1)
                  : null,
              List.of(team + "@example.com"),
              Map.of("team", team),
              null);
      List<AgentInvocation> invocations = new ArrayList<>();
      for (int a = 0; a < 3; a++) {
        String agent = AGENTS.get((n + a) % AGENTS.size());
        boolean ok = r.nextDouble() < 0.96;
        invocations.add(
            new AgentInvocation(
                id + "-a" + a,
                id,
                agent,
                agent + "_tool",
                start.plusMillis(a * 1500L),
                "run " + id,
                "done",
                50 + r.nextInt(900),
                ok,
                ok ? "" : "timeout",
                r.nextInt(2) == 0 ? 0 : 400 + r.nextInt(800),
                r.nextInt(300),
                r.nextDouble() * 0.002));
      }
      List<QualityHistoryEntry> quality =
          List.of(
              new QualityHistoryEntry(
                  id,
                  job,
                  job + "_out",
                  start.plusSeconds(seconds),
                  scores,
                  overall < 0.8 ? QualityTrend.DEGRADING : QualityTrend.STABLE,
                  overall < 0.8 ? List.of("null rate of column amount above 5%") : List.of()));
      store.recordRun(
          new RunRecord(
              execution,
              invocations,
              quality,
              List.of(
                  new AuditEvent(
                      start.plusSeconds(seconds), "strands", "run-recorded", id, "job " + job)),
              stagesOf(bytes, seconds)));
      ids.add(id);
    }
    return ids;
  }

  /** Three stages (read, shuffle, write) from the run's size and duration; no random draws. */
  static List<io.strandsetl.model.store.StageSummary> stagesOf(long bytes, long seconds) {
    long ms = seconds * 1000;
    return List.of(
        new io.strandsetl.model.store.StageSummary(
            0,
            0,
            "scan at Source.java:10",
            "COMPLETE",
            16,
            0,
            ms / 4,
            bytes,
            0,
            0,
            bytes / 8,
            0,
            0,
            ms / 40.0,
            ms / 80.0),
        new io.strandsetl.model.store.StageSummary(
            1,
            0,
            "groupBy at Pipeline.java:42",
            "COMPLETE",
            200,
            0,
            ms / 2,
            0,
            0,
            bytes / 8,
            0,
            bytes / 16,
            bytes / 32,
            ms / 20.0,
            ms / 200.0),
        new io.strandsetl.model.store.StageSummary(
            2,
            0,
            "save at Sink.java:7",
            "COMPLETE",
            8,
            0,
            ms / 4,
            0,
            bytes / 4,
            0,
            0,
            0,
            0,
            ms / 40.0,
            ms / 40.0));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
