package io.strandsetl.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.engine.analyze.AnalyzeService;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Recommendation;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.PipelineTags;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.StageMetrics;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.StageSummary;
import io.strandsetl.testkit.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionMapperTest {
  private static AnalysisReport analyse(String fixture) {
    List<AnalysisReport> reports =
        new AnalyzeService(EventLogReader.withDefaults(), Settings.empty(), Set.of())
            .analyze(Fixtures.eventLog(fixture));
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  @Test
  void analysedLogBecomesAnImportedExecutionWithItsMeasuredMetricsAndIssues() {
    AnalysisReport report = analyse("spill-positive");
    RunMetrics m = report.run().metrics();

    ExecutionRecord e = ExecutionMapper.fromAnalysis(report, null);

    var app = report.run().application();
    assertThat(e.executionId()).isEqualTo("eventlog:" + app.appId());
    assertThat(e.jobName()).isEqualTo(app.name());
    assertThat(e.jobType()).isEqualTo(JobType.IMPORTED_EVENT_LOG);
    assertThat(e.platform()).isEqualTo("local");
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.error()).isNull();
    assertThat(e.startedAt()).isEqualTo(app.startTime());
    assertThat(e.endedAt()).isEqualTo(app.endTime());
    assertThat(e.metrics().dataReadBytes()).isEqualTo(m.inputBytes());
    assertThat(e.metrics().dataWrittenBytes()).isEqualTo(m.outputBytes());
    assertThat(e.metrics().shuffleWriteBytes()).isEqualTo(m.shuffleWriteBytes());
    assertThat(e.metrics().records()).isEqualTo(m.recordsProcessed());
    assertThat(e.issues()).extracting(DetectedIssue::type).contains("spill");
    assertThat(e.recommendations()).anyMatch(r -> r.startsWith("spill: "));
    assertThat(e.cost()).isNull();
    assertThat(e.quality()).isNull();
    assertThat(e.compliance()).isNull();
    assertThat(e.tags()).containsEntry("spark.app-id", app.appId());
  }

  @Test
  void unmeasuredMetricsAreZeroAndNamedInATagNeverGuessed() {
    AnalysisReport report = analyse("spill-positive");
    RunMetrics m = report.run().metrics();

    ExecutionRecord e = ExecutionMapper.fromAnalysis(report, "nightly");

    assertThat(e.jobName()).isEqualTo("nightly");
    String unmeasured = e.tags().getOrDefault(ExecutionMapper.UNMEASURED_TAG, "");
    assertThat(unmeasured.contains("cpuUtilisation")).isEqualTo(m.cpuUtilizationPercent() == null);
    if (m.cpuUtilizationPercent() != null) {
      assertThat(e.metrics().cpuUtilisation())
          .isEqualTo(Math.min(1, m.cpuUtilizationPercent() / 100));
    } else {
      assertThat(e.metrics().cpuUtilisation()).isZero();
    }
    assertThat(unmeasured.contains("memoryAllocatedBytes"))
        .isEqualTo(m.executorMemoryBytes() == null);
  }

  @Test
  void stageSummariesCarryEachStagesSizesSpillAndTaskTimeSkewFromTheAnalysis() {
    AnalysisReport report = analyse("data-skew-positive");
    List<StageMetrics> analysed = report.run().stages();
    assertThat(analysed).isNotEmpty().hasSizeLessThan(StageSummary.MAX_PER_EXECUTION);

    List<StageSummary> stages = ExecutionMapper.stages(report);

    assertThat(stages).hasSize(analysed.size());
    for (StageMetrics m : analysed) {
      StageSummary s =
          stages.stream()
              .filter(x -> x.stageId() == m.stageId() && x.attemptId() == m.attemptId())
              .findFirst()
              .orElseThrow();
      assertThat(s.tasks()).isEqualTo(m.numTasks());
      assertThat(s.inputBytes()).isEqualTo(m.inputBytes());
      assertThat(s.shuffleReadBytes()).isEqualTo(m.shuffleReadBytes());
      assertThat(s.shuffleWriteBytes()).isEqualTo(m.shuffleWriteBytes());
      assertThat(s.diskSpillBytes()).isEqualTo(m.diskSpillBytes());
      assertThat(s.taskTimeMaxMs()).isEqualTo(m.taskDurationMs().max());
      assertThat(s.taskTimeMedianMs()).isEqualTo(m.taskDurationMs().median());
    }
    // The fixture has a skewed stage: its slowest task is several times its median.
    assertThat(stages.stream().map(StageSummary::taskTimeSkew).filter(x -> x != null))
        .anySatisfy(skew -> assertThat(skew).isGreaterThan(3));
    assertThat(ExecutionMapper.stages(null)).isEmpty();
  }

  @Test
  void keepsTheLongestStagesWhenARunHasMoreThanTheCap() {
    AnalysisReport report = analyse("data-skew-positive");
    StageMetrics template = report.run().stages().get(0);
    List<StageMetrics> many = new ArrayList<>();
    int total = StageSummary.MAX_PER_EXECUTION + 50;
    for (int id = 0; id < total; id++) {
      // Stage i lasts (i * 7 mod total) ms: the longest are scattered over the ids.
      many.add(withIdAndDuration(template, id, (long) (id * 7 % total)));
    }
    RunAnalysis run = report.run();
    AnalysisReport big =
        new AnalysisReport(
            report.schemaVersion(),
            report.source(),
            new RunAnalysis(
                run.application(),
                run.metrics(),
                run.jobs(),
                many,
                run.sql(),
                run.executors(),
                run.diagnostics()),
            report.findings());

    List<StageSummary> kept = ExecutionMapper.stages(big);

    assertThat(kept).hasSize(StageSummary.MAX_PER_EXECUTION);
    assertThat(kept).extracting(StageSummary::stageId).isSorted();
    long shortestKept = kept.stream().mapToLong(StageSummary::durationMs).min().orElseThrow();
    assertThat(shortestKept).isEqualTo(total - StageSummary.MAX_PER_EXECUTION);
    RunRecord stored = RunRecord.of(ExecutionMapper.fromAnalysis(report, null)).withStages(kept);
    assertThat(stored.stages()).isEqualTo(kept);
  }

  private static StageMetrics withIdAndDuration(StageMetrics m, int id, Long durationMs) {
    return new StageMetrics(
        id,
        m.attemptId(),
        m.name(),
        m.status(),
        m.failureReason(),
        m.numTasks(),
        m.completedTasks(),
        m.failedTasks(),
        m.killedTasks(),
        m.speculativeTasks(),
        m.submissionTimeMs(),
        m.completionTimeMs(),
        durationMs,
        m.jobIds(),
        m.sqlExecutionId(),
        m.parentStageIds(),
        m.rddNames(),
        m.executorRunTimeMs(),
        m.executorCpuTimeNs(),
        m.jvmGcTimeMs(),
        m.inputBytes(),
        m.inputRecords(),
        m.outputBytes(),
        m.outputRecords(),
        m.shuffleReadBytes(),
        m.shuffleReadRecords(),
        m.shuffleWriteBytes(),
        m.shuffleWriteRecords(),
        m.shuffleWriteTimeNs(),
        m.shuffleFetchWaitTimeMs(),
        m.memorySpillBytes(),
        m.diskSpillBytes(),
        m.peakExecutionMemoryBytesMax(),
        m.taskDurationMs(),
        m.taskInputBytes(),
        m.taskShuffleReadBytes(),
        m.taskSpillBytes());
  }

  @Test
  void severalFindingsOfOneTypeAreOneIssueWithTheWorstSeverity() {
    AnalysisReport report = analyse("data-skew-positive");
    List<Finding> findings = report.findings();

    List<DetectedIssue> issues = ExecutionMapper.issues(findings);

    assertThat(issues)
        .extracting(DetectedIssue::type)
        .containsExactlyElementsOf(findings.stream().map(Finding::type).distinct().toList());
    for (DetectedIssue issue : issues) {
      var ofType = findings.stream().filter(f -> f.type().equals(issue.type())).toList();
      assertThat(issue.severity())
          .isEqualTo(ofType.stream().map(Finding::severity).sorted().findFirst().orElseThrow());
      if (ofType.size() > 1) {
        assertThat(issue.summary()).endsWith("(and " + (ofType.size() - 1) + " more)");
      }
    }
    List<String> fixes = ExecutionMapper.recommendations(findings);
    assertThat(fixes).hasSize(issues.size());
    for (int i = 0; i < issues.size(); i++) {
      assertThat(fixes.get(i)).startsWith(issues.get(i).type() + ": ");
    }
  }

  @Test
  void fixesAreOnePerDetectorTypeFromTheWorstFindingAndCountTheRest() {
    List<Finding> findings =
        List.of(
            finding("missing-broadcast", Severity.LOW, "broadcast the 10 KiB side"),
            finding("spill", Severity.HIGH, "more partitions"),
            finding("missing-broadcast", Severity.MEDIUM, "broadcast the 40 KiB side"),
            finding("missing-broadcast", Severity.LOW, "broadcast the 1 KiB side"));

    assertThat(ExecutionMapper.recommendations(findings))
        .containsExactly(
            "missing-broadcast: broadcast the 40 KiB side (2 more findings of this type: see the"
                + " report)",
            "spill: more partitions");
    assertThat(ExecutionMapper.issues(findings))
        .containsExactly(
            new DetectedIssue(
                "missing-broadcast",
                Severity.MEDIUM,
                "title broadcast the 40 KiB side (and 2 more)"),
            new DetectedIssue("spill", Severity.HIGH, "title more partitions"));
  }

  private static Finding finding(String type, Severity severity, String fix) {
    return Finding.of(
        type,
        severity,
        "title " + fix,
        List.of(),
        new Recommendation(fix, null, null, null, null),
        null,
        null);
  }

  @Test
  void failedPipelineRunKeepsStepErrorStakeholdersAndTags() {
    PipelineSpec spec =
        new PipelineSpec(
            "orders-daily",
            null,
            "data-team",
            List.of("ops@example.com"),
            new PipelineTags("retail", "cc-42", "prod", "high"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Instant start = Instant.parse("2026-11-20T08:00:00Z");
    var facts =
        new PipelineRunFacts(
            "run-1",
            spec,
            false,
            "bad id 1",
            "sink 'doubled'",
            "yarn",
            start,
            start.plusSeconds(30),
            null);

    ExecutionRecord e = ExecutionMapper.fromPipeline(facts);

    assertThat(e.jobType()).isEqualTo(JobType.PIPELINE);
    assertThat(e.jobName()).isEqualTo("orders-daily");
    assertThat(e.platform()).isEqualTo("yarn");
    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error().message()).isEqualTo("at sink 'doubled': bad id 1");
    assertThat(e.stakeholders()).containsExactly("ops@example.com");
    assertThat(e.tags())
        .isEqualTo(
            Map.of(
                "team",
                "retail",
                "cost-center",
                "cc-42",
                "environment",
                "prod",
                "priority",
                "high",
                "owner",
                "data-team"));
    assertThat(e.metrics()).isNull();
    assertThat(e.duration().toSeconds()).isEqualTo(30);
  }

  @Test
  void partsFilledLaterReplaceOnlyWhatTheyCarry() {
    ExecutionRecord base = ExecutionMapper.fromAnalysis(analyse("spill-positive"), null);
    CostBreakdown cost = new CostBreakdown(1.5, 1.2, 0.2, 0.1, 0, 0.3, 0);

    ExecutionRecord priced =
        ExecutionMapper.withParts(
            base, new ExecutionMapper.Parts(null, null, cost, null, null, null, null));

    assertThat(priced.cost()).isEqualTo(cost);
    assertThat(priced.metrics()).isEqualTo(base.metrics());
    assertThat(priced.issues()).isEqualTo(base.issues());
    assertThat(ExecutionMapper.withParts(base, ExecutionMapper.Parts.NONE)).isEqualTo(base);
  }

  @Test
  void recordedRunAppendsOneAuditEventWithoutDataValues() {
    ExecutionRecord e = ExecutionMapper.fromAnalysis(analyse("spill-positive"), "nightly");
    Instant at = Instant.parse("2026-11-25T10:00:00Z");

    RunRecord run = ExecutionMapper.toRun(e, List.of(), List.of(), "strands analyze", at);

    assertThat(run.audit()).hasSize(1);
    var event = run.audit().get(0);
    assertThat(event.action()).isEqualTo("run-recorded");
    assertThat(event.subject()).isEqualTo(e.executionId());
    assertThat(event.actor()).isEqualTo("strands analyze");
    assertThat(event.details())
        .isEqualTo(
            "job=nightly type=IMPORTED_EVENT_LOG status=SUCCEEDED issues=" + e.issues().size());
  }

  @Test
  void savingTheSameRunTwiceRecordsItOnce() {
    ExecutionRecord e = ExecutionMapper.fromAnalysis(analyse("spill-positive"), null);
    RunRecord run = ExecutionMapper.toRun(e, List.of(), List.of(), "test", Instant.now());
    try (var store = new InMemoryTrackingStore()) {
      assertThat(RunTracker.record(store, run)).isEqualTo(RunTracker.Outcome.RECORDED);
      assertThat(RunTracker.record(store, run)).isEqualTo(RunTracker.Outcome.ALREADY_RECORDED);
      assertThat(store.auditTrail()).hasSize(1);
    }
  }

  @Test
  void logWithoutApplicationStartCannotBeSaved() {
    AnalysisReport report = analyse("spill-positive");
    var broken =
        new AnalysisReport(
            report.schemaVersion(),
            "x.log",
            new io.strandsetl.model.run.RunAnalysis(
                null, null, null, null, null, null, report.run().diagnostics()),
            List.of());

    assertThatThrownBy(() -> ExecutionMapper.fromAnalysis(broken, null))
        .hasMessage("Cannot save x.log: the log has no application start (nothing saved)");
  }
}
