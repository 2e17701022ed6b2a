package io.strandsetl.model.run;

import io.strandsetl.model.finding.Finding;
import java.util.List;

/**
 * The result of analysing one event log: what the run did and what is wrong with it. Findings are
 * sorted by severity (most severe first), then type, then id.
 *
 * @param schemaVersion version of the JSON shape (see docs/schemas)
 * @param source the path analysed
 * @param run what the log says
 * @param findings what the detectors found
 */
public record AnalysisReport(
    String schemaVersion, String source, RunAnalysis run, List<Finding> findings) {
  public static final String SCHEMA_VERSION = "1.0";

  public AnalysisReport {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
