package io.strandsetl.engine.track;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.PipelineTags;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.ApplicationInfo;
import io.strandsetl.model.run.JobSummary;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.StageMetrics;
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
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.StageSummary;
import io.strandsetl.model.store.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what Strands saw of a run into the store's records: an analysed event log ({@code strands
 * analyze --save}), a pipeline run ({@code strands run}), or parts that other components (cost,
 * quality, compliance, the agents' Supervisor) fill in later through {@link #withParts}.
 *
 * <p>Nothing is invented: a part nobody measured stays null. {@link ExecutionMetrics} has primitive
 * fields, so a metric the log cannot give (CPU time in Spark 1.x logs, memory without executor
 * metrics) is stored as 0 and its field name is listed in the tag {@value #UNMEASURED_TAG}.
 */
public final class ExecutionMapper {
  /** Tag listing the {@link ExecutionMetrics} fields stored as 0 because they were not measured. */
  public static final String UNMEASURED_TAG = "strands.unmeasured";

  /** Audit action of a recorded run. */
  public static final String RUN_RECORDED = "run-recorded";

  private ExecutionMapper() {}

  /**
   * The execution id of an analysed application, the same every time the same log is saved: {@code
   * eventlog:<appId>} or {@code eventlog:<appId>:<attemptId>}.
   */
  public static String executionId(ApplicationInfo app) {
    return "eventlog:"
        + app.appId()
        + (app.attemptId() == null || app.attemptId().isBlank() ? "" : ":" + app.attemptId());
  }

  /**
   * The execution of an analysed event log.
   *
   * @param jobName the job to file it under; null for the Spark application name
   * @throws StrandsException {@code INVALID_ARGUMENT} when the log has no application start
   */
  public static ExecutionRecord fromAnalysis(AnalysisReport report, String jobName) {
    ApplicationInfo app = report.run().application();
    if (app == null || app.appId() == null || app.startTime() == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Cannot save " + report.source() + ": the log has no application start (nothing saved)");
    }
    String job = jobName != null ? jobName : app.name();
    if (job == null || job.isBlank()) {
      job = app.appId();
    }
    RunMetrics m = report.run().metrics();
    List<JobSummary> jobs = report.run().jobs();
    ErrorDetails error = null;
    ExecutionStatus status = ExecutionStatus.SUCCEEDED;
    if (!app.complete()) {
      status = ExecutionStatus.FAILED;
      error =
          new ErrorDetails(
              "IncompleteEventLog",
              "the event log ends without an application end (the driver crashed, was killed, or"
                  + " is still running)",
              "",
              0);
    } else if (m != null && m.failedJobs() > 0) {
      status = ExecutionStatus.FAILED;
      error = new ErrorDetails("SparkJobFailed", failedJobsMessage(m, jobs), "", 0);
    }
    Map<String, String> tags = new TreeMap<>();
    tags.put("spark.app-id", app.appId());
    if (app.attemptId() != null && !app.attemptId().isBlank()) {
      tags.put("spark.attempt-id", app.attemptId());
    }
    if (app.sparkVersion() != null && !app.sparkVersion().isBlank()) {
      tags.put("spark.version", app.sparkVersion());
    }
    ExecutionMetrics metrics = m == null ? null : metrics(m, tags);
    return new ExecutionRecord(
        executionId(app),
        job,
        JobType.IMPORTED_EVENT_LOG,
        platform(app.platform()),
        status,
        app.startTime(),
        endOf(app, jobs),
        null,
        null,
        metrics,
        null,
        null,
        null,
        issues(report.findings()),
        recommendations(report.findings()),
        List.of(),
        error,
        List.of(),
        tags,
        null);
  }

  /** The execution of a pipeline run: identity from the spec, metrics and issues from its log. */
  public static ExecutionRecord fromPipeline(PipelineRunFacts run) {
    PipelineSpec spec = run.pipeline();
    Map<String, String> tags = new TreeMap<>();
    PipelineTags t = spec.tags();
    putIfSet(tags, "team", t.team());
    putIfSet(tags, "cost-center", t.costCenter());
    putIfSet(tags, "environment", t.environment());
    putIfSet(tags, "priority", t.priority());
    putIfSet(tags, "owner", spec.owner());
    AnalysisReport report = run.report();
    ApplicationInfo app = report == null ? null : report.run().application();
    if (app != null && app.appId() != null) {
      tags.put("spark.app-id", app.appId());
    }
    ExecutionMetrics metrics =
        report == null || report.run().metrics() == null
            ? null
            : metrics(report.run().metrics(), tags);
    ErrorDetails error = null;
    if (!run.succeeded()) {
      String message = run.error() == null ? "" : run.error();
      if (run.failingStep() != null) {
        message = "at " + run.failingStep() + ": " + message;
      }
      error = new ErrorDetails("RunFailed", message, "", 0);
    }
    List<Finding> findings = report == null ? List.of() : report.findings();
    Instant end = run.endTime().isBefore(run.startTime()) ? run.startTime() : run.endTime();
    return new ExecutionRecord(
        run.executionId(),
        spec.name(),
        JobType.PIPELINE,
        app != null && app.platform() != null
            ? platform(app.platform())
            : platformOfMaster(run.master()),
        run.succeeded() ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED,
        run.startTime(),
        end,
        null,
        null,
        metrics,
        null,
        null,
        null,
        issues(findings),
        recommendations(findings),
        List.of(),
        error,
        spec.stakeholders(),
        tags,
        null);
  }

  /**
   * Parts filled in by components other than the run itself; a null part keeps what {@code base}
   * has. For the cost engine, quality and compliance checks and the agents' Supervisor.
   */
  public record Parts(
      Workload workload,
      PlatformDecision decision,
      CostBreakdown cost,
      QualitySummary quality,
      ComplianceSummary compliance,
      List<String> optimisationsApplied,
      NotificationState notification) {
    public static final Parts NONE = new Parts(null, null, null, null, null, null, null);
  }

  /** {@code base} with every non-null part of {@code parts} set. */
  public static ExecutionRecord withParts(ExecutionRecord base, Parts parts) {
    return new ExecutionRecord(
        base.executionId(),
        base.jobName(),
        base.jobType(),
        base.platform(),
        base.status(),
        base.startedAt(),
        base.endedAt(),
        parts.workload() != null ? parts.workload() : base.workload(),
        parts.decision() != null ? parts.decision() : base.decision(),
        base.metrics(),
        parts.cost() != null ? parts.cost() : base.cost(),
        parts.quality() != null ? parts.quality() : base.quality(),
        parts.compliance() != null ? parts.compliance() : base.compliance(),
        base.issues(),
        base.recommendations(),
        parts.optimisationsApplied() != null
            ? parts.optimisationsApplied()
            : base.optimisationsApplied(),
        base.error(),
        base.stakeholders(),
        base.tags(),
        parts.notification() != null ? parts.notification() : base.notification());
  }

  /**
   * What one recorded run writes: the execution, its invocations and quality rows, and one audit
   * event ({@value #RUN_RECORDED}: who recorded which execution of which job, with its status and
   * issue count; no data values, so no PII).
   *
   * @param actor the component that records it ({@code strands run}, {@code strands analyze})
   * @param at when it is recorded, UTC
   */
  public static RunRecord toRun(
      ExecutionRecord execution,
      List<AgentInvocation> invocations,
      List<QualityHistoryEntry> quality,
      String actor,
      Instant at) {
    return toRun(execution, invocations, quality, List.of(), actor, at);
  }

  /**
   * As {@link #toRun(ExecutionRecord, List, List, String, Instant)}, with audit events the run
   * produced itself (compliance masking, erasure…) written first, in their order, in the same
   * transaction.
   */
  public static RunRecord toRun(
      ExecutionRecord execution,
      List<AgentInvocation> invocations,
      List<QualityHistoryEntry> quality,
      List<AuditEvent> runAudit,
      String actor,
      Instant at) {
    AuditEvent recorded =
        new AuditEvent(
            at,
            actor,
            RUN_RECORDED,
            execution.executionId(),
            "job="
                + execution.jobName()
                + " type="
                + execution.jobType()
                + " status="
                + execution.status()
                + " issues="
                + execution.issues().size());
    List<AuditEvent> audit = new ArrayList<>(runAudit);
    audit.add(recorded);
    return new RunRecord(execution, invocations, quality, audit);
  }

  /**
   * The stage summaries the store keeps for a run, from its event-log analysis (empty without one).
   * At most {@link StageSummary#MAX_PER_EXECUTION}: when a run has more stage attempts, the longest
   * ones are kept (ties by stage id, attempt), because the run page is about where the time went.
   * Returned by stage id, then attempt. Task times are of successful tasks, milliseconds; a
   * negative duration from an inconsistent log is stored as 0.
   */
  public static List<StageSummary> stages(AnalysisReport report) {
    if (report == null || report.run() == null || report.run().stages() == null) {
      return List.of();
    }
    Comparator<StageMetrics> byKey =
        Comparator.comparingInt(StageMetrics::stageId).thenComparingInt(StageMetrics::attemptId);
    Map<String, StageMetrics> unique = new LinkedHashMap<>();
    for (StageMetrics stage : report.run().stages()) {
      unique.putIfAbsent(stage.stageId() + "." + stage.attemptId(), stage);
    }
    return unique.values().stream()
        .sorted(
            Comparator.comparingLong(
                    (StageMetrics stage) ->
                        stage.durationMs() == null ? -1 : Math.max(0, stage.durationMs()))
                .reversed()
                .thenComparing(byKey))
        .limit(StageSummary.MAX_PER_EXECUTION)
        .sorted(byKey)
        .map(
            stage ->
                new StageSummary(
                    stage.stageId(),
                    stage.attemptId(),
                    stage.name(),
                    stage.status(),
                    Math.max(0, stage.numTasks()),
                    Math.max(0, stage.failedTasks()),
                    stage.durationMs() == null ? null : Math.max(0, stage.durationMs()),
                    Math.max(0, stage.inputBytes()),
                    Math.max(0, stage.outputBytes()),
                    Math.max(0, stage.shuffleReadBytes()),
                    Math.max(0, stage.shuffleWriteBytes()),
                    Math.max(0, stage.memorySpillBytes()),
                    Math.max(0, stage.diskSpillBytes()),
                    Math.max(0, stage.taskDurationMs().max()),
                    Math.max(0, stage.taskDurationMs().median())))
        .toList();
  }

  /**
   * The store's metrics from the analysis's. Utilisations become fractions (clamped to [0, 1]: a
   * log whose CPU time exceeds the allocated core time is inconsistent, not over 100 % busy).
   * {@code memoryAvgBytes} is the mean over executors of each executor's peak JVM heap (the log has
   * no time-averaged memory). Unknown values are 0 and named in {@code tags}' {@value
   * #UNMEASURED_TAG}.
   */
  static ExecutionMetrics metrics(RunMetrics m, Map<String, String> tags) {
    Set<String> unmeasured = new LinkedHashSet<>();
    long memoryAvg = known(m.peakJvmHeapBytesAvg(), "memoryAvgBytes", unmeasured);
    long memoryMax = known(m.peakJvmHeapBytesMax(), "memoryMaxBytes", unmeasured);
    long allocated = known(m.executorMemoryBytes(), "memoryAllocatedBytes", unmeasured);
    double memoryUtil =
        fraction(known(m.memoryUtilizationPercent(), "memoryUtilisation", unmeasured));
    double cpuUtil = fraction(known(m.cpuUtilizationPercent(), "cpuUtilisation", unmeasured));
    double recordsPerSecond = known(m.recordsPerSecond(), "recordsPerSecond", unmeasured);
    if (!unmeasured.isEmpty()) {
      tags.put(UNMEASURED_TAG, String.join(",", unmeasured));
    }
    return new ExecutionMetrics(
        memoryAvg,
        memoryMax,
        allocated,
        memoryUtil,
        cpuUtil,
        m.dataProcessedBytes(),
        m.inputBytes(),
        m.outputBytes(),
        m.shuffleReadBytes(),
        m.shuffleWriteBytes(),
        m.recordsProcessed(),
        Math.max(0, recordsPerSecond));
  }

  /**
   * One issue per detector type, in the findings' order (most severe first), with the most severe
   * finding's severity and title; further findings of the type are counted in the summary.
   */
  public static List<DetectedIssue> issues(List<Finding> findings) {
    Map<String, List<Finding>> byType = new LinkedHashMap<>();
    for (Finding f : findings) {
      byType.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f);
    }
    List<DetectedIssue> issues = new ArrayList<>();
    byType.forEach(
        (type, list) -> {
          Finding worst = list.get(0);
          for (Finding f : list) {
            if (f.severity().compareTo(worst.severity()) < 0) {
              worst = f;
            }
          }
          String more = list.size() > 1 ? " (and " + (list.size() - 1) + " more)" : "";
          issues.add(new DetectedIssue(type, worst.severity(), worst.title() + more));
        });
    return issues;
  }

  /**
   * The findings' fixes, one per detector type like {@link #issues}: {@code <type>: <fix of the
   * most severe finding>}, with {@code (N more findings of this type: see the report)} when there
   * are more, in the findings' order (most severe first). The per-finding fixes stay in the report.
   */
  public static List<String> recommendations(List<Finding> findings) {
    Map<String, List<Finding>> byType = new LinkedHashMap<>();
    for (Finding f : findings) {
      byType.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f);
    }
    List<String> lines = new ArrayList<>();
    byType.forEach(
        (type, list) -> {
          Finding worst = list.get(0);
          for (Finding f : list) {
            if (f.severity().compareTo(worst.severity()) < 0) {
              worst = f;
            }
          }
          String summary = worst.recommendation().summary().strip().replaceAll("\\s+", " ");
          if (!summary.isEmpty()) {
            lines.add(
                type
                    + ": "
                    + summary
                    + (list.size() > 1
                        ? " (" + (list.size() - 1) + " more findings of this type: see the report)"
                        : ""));
          }
        });
    return lines;
  }

  /** The log's platform, {@code spark} when the log does not tell. */
  static String platform(String fromLog) {
    if (fromLog == null || fromLog.isBlank() || fromLog.equalsIgnoreCase("unknown")) {
      return "spark";
    }
    return fromLog.toLowerCase(Locale.ROOT);
  }

  /** The platform a master URL runs on, for runs whose log could not be analysed. */
  public static String platformOfMaster(String master) {
    if (master == null || master.isBlank()) {
      return "spark";
    }
    String m = master.toLowerCase(Locale.ROOT);
    if (m.startsWith("local")) {
      return "local";
    }
    if (m.startsWith("spark://")) {
      return "standalone";
    }
    if (m.startsWith("yarn")) {
      return "yarn";
    }
    if (m.startsWith("k8s://")) {
      return "kubernetes";
    }
    return "spark";
  }

  private static String failedJobsMessage(RunMetrics m, List<JobSummary> jobs) {
    String message = m.failedJobs() + " of " + m.jobs() + " jobs failed";
    for (JobSummary job : jobs) {
      if ("FAILED".equals(job.status())) {
        String reason = job.failureReason() == null ? "" : job.failureReason().strip();
        int eol = reason.indexOf('\n');
        return message
            + "; job "
            + job.jobId()
            + (reason.isEmpty() ? "" : ": " + (eol < 0 ? reason : reason.substring(0, eol)));
      }
    }
    return message;
  }

  /** The application end, or for an incomplete log its latest job time, never before the start. */
  private static Instant endOf(ApplicationInfo app, List<JobSummary> jobs) {
    Instant end = app.endTime();
    if (end == null) {
      long latest = app.startTime().toEpochMilli();
      for (JobSummary job : jobs) {
        latest = Math.max(latest, Objects.requireNonNullElse(job.submissionTimeMs(), latest));
        latest = Math.max(latest, Objects.requireNonNullElse(job.completionTimeMs(), latest));
      }
      end = Instant.ofEpochMilli(latest);
    }
    return end.isBefore(app.startTime()) ? app.startTime() : end;
  }

  private static long known(Long value, String field, Set<String> unmeasured) {
    if (value == null) {
      unmeasured.add(field);
      return 0;
    }
    return Math.max(0, value);
  }

  private static double known(Double value, String field, Set<String> unmeasured) {
    if (value == null || value.isNaN()) {
      unmeasured.add(field);
      return 0;
    }
    return value;
  }

  private static double fraction(double percent) {
    return Math.max(0, Math.min(1, percent / 100));
  }

  private static void putIfSet(Map<String, String> tags, String key, String value) {
    if (value != null && !value.isBlank()) {
      tags.put(key, value);
    }
  }
}
