package io.strandsetl.spark.run;

import io.strandsetl.model.run.AnalysisReport;
import java.nio.file.Path;

/**
 * The outcome of one run.
 *
 * @param record what ran and how it ended
 * @param report analysis of the run's event log, null when it could not be analysed (see {@link
 *     RunRecord#analysisError()})
 * @param runDir the run directory (event log, report.json, report.html, run.json)
 */
public record RunResult(RunRecord record, AnalysisReport report, Path runDir) {
  /** 0 when the run succeeded, 1 when it failed (spec errors throw instead, exit code 2). */
  public int exitCode() {
    return switch (record.status()) {
      case SUCCEEDED -> 0;
      case FAILED -> 1;
    };
  }

  /** The run summary and the analysis report as text for a terminal. */
  public String text() {
    return RunReports.text(this);
  }
}
