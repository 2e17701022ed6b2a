package io.strandsetl.cli;

import io.strandsetl.engine.track.ExecutionMapper;
import io.strandsetl.engine.track.PipelineRunFacts;
import io.strandsetl.engine.track.RunTracker;
import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.spark.run.RunRecord;
import io.strandsetl.spark.run.RunResult;
import io.strandsetl.spark.run.RunStatus;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

/**
 * Records what {@code strands run}, {@code strands demo} and {@code strands analyze --save} did in
 * the configured tracking store, and says so on standard error (standard output stays the report).
 */
final class StoreRecording {
  private StoreRecording() {}

  /**
   * Saves every analysed application. The execution id comes from the application id and attempt,
   * so saving the same log again writes nothing and says "already recorded" (exit stays 0).
   *
   * @param job the job to file them under, null for each application's name
   */
  static void saveAnalyses(
      List<AnalysisReport> reports, Settings settings, String job, PrintWriter err, Clock clock) {
    String where = TrackingStores.location(settings);
    try (TrackingStore store = TrackingStores.open(settings)) {
      for (AnalysisReport report : reports) {
        ExecutionRecord e = ExecutionMapper.fromAnalysis(report, job);
        var run =
            ExecutionMapper.toRun(e, List.of(), List.of(), "strands analyze", clock.instant())
                .withStages(ExecutionMapper.stages(report));
        switch (RunTracker.record(store, run)) {
          case RECORDED ->
              err.println(
                  "strands: saved "
                      + e.executionId()
                      + " (job "
                      + e.jobName()
                      + ", "
                      + e.status()
                      + ", issues: "
                      + e.issues().size()
                      + ") to "
                      + where);
          case ALREADY_RECORDED ->
              err.println(
                  "strands: "
                      + e.executionId()
                      + " already recorded in "
                      + where
                      + " (not saved again)");
        }
      }
    }
    err.flush();
  }

  /**
   * Records a finished pipeline run. A store failure does not undo the run: the run directory and
   * outputs stay, the error is one line, and the exit code becomes 1.
   *
   * @return the exit code to use: {@code runExitCode}, or 1 when recording failed
   */
  static int recordRun(
      RunResult result, Settings settings, String actor, PrintWriter err, Clock clock) {
    RunRecord r = result.record();
    String where;
    try {
      where = TrackingStores.location(settings);
      ExecutionRecord e =
          ExecutionMapper.fromPipeline(
              new PipelineRunFacts(
                  r.executionId(),
                  r.pipeline(),
                  r.status() == RunStatus.SUCCEEDED,
                  r.error(),
                  r.failingStep(),
                  r.master(),
                  r.startTime(),
                  r.endTime(),
                  result.report()));
      try (TrackingStore store = TrackingStores.open(settings)) {
        RunTracker.record(
            store,
            ExecutionMapper.toRun(e, List.of(), List.of(), actor, clock.instant())
                .withStages(ExecutionMapper.stages(result.report())));
      }
    } catch (RuntimeException ex) {
      // Whatever went wrong, the run itself is done and kept: one line, exit 1.
      err.println(
          "strands: Cannot record run "
              + r.executionId()
              + " in the tracking store: "
              + ex.getMessage()
              + " (the run directory "
              + result.runDir()
              + " and its outputs are kept; --no-track skips recording)");
      err.flush();
      return 1;
    }
    err.println("strands: recorded run " + r.executionId() + " in " + where);
    err.flush();
    return result.exitCode();
  }
}
