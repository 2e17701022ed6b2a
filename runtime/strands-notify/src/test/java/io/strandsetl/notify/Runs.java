package io.strandsetl.notify;

import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ErrorDetails;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Execution records for tests: one fully analysed success, and variations. */
public final class Runs {
  public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private Runs() {}

  public static ExecutionRecord succeeded(String jobName) {
    return new ExecutionRecord(
        "exec-0001",
        jobName,
        JobType.PIPELINE,
        "local",
        ExecutionStatus.SUCCEEDED,
        START,
        START.plusSeconds(125),
        null,
        null,
        new ExecutionMetrics(
            1L << 30, 2L << 30, 4L << 30, 0.5, 0.7, 3L << 30, 2L << 30, 1L << 29, 1L << 28,
            1L << 28, 1_234_567, 9876.5),
        new CostBreakdown(0.0300, 0.0250, 0.0030, 0.0015, 0.0005, 0.0100, 0),
        new QualitySummary(
            new QualityScores(0.99, 0.97, 0.91, 1.0, 0.72, 0.918), 0.5, 0.25, 3, 7, 12, 2),
        new ComplianceSummary(true, false, 3, 2, true, true, true, true, "confidential"),
        List.of(
            new DetectedIssue("small-files", Severity.LOW, "412 files of 1.2 MiB on average"),
            new DetectedIssue("data-skew", Severity.HIGH, "task 7 read 14x the median"),
            new DetectedIssue("spill", Severity.MEDIUM, "2.1 GiB spilled to disk")),
        List.of("Broadcast the 8 MiB dimension table", "Coalesce output to 4 files"),
        List.of(),
        null,
        List.of("data-team@example.com", "Finance team", "owner@example.com"),
        Map.of("team", "data"),
        null);
  }

  public static ExecutionRecord failed(String jobName) {
    ExecutionRecord ok = succeeded(jobName);
    return new ExecutionRecord(
        "exec-0002",
        jobName,
        JobType.PIPELINE,
        "local",
        ExecutionStatus.FAILED,
        START,
        START.plusSeconds(42),
        null,
        null,
        ok.metrics(),
        ok.cost(),
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        new ErrorDetails(
            "RUN_FAILED",
            "Cannot write sink orders_out: disk full\n\tat org.apache.spark.Foo(Foo.java:1)",
            "org.apache.spark.SparkException: disk full\n\tat ...",
            1),
        List.of("data-team@example.com"),
        Map.of(),
        null);
  }
}
