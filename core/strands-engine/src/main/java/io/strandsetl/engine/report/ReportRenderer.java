package io.strandsetl.engine.report;

import io.strandsetl.model.run.AnalysisReport;
import java.util.List;

/**
 * Turns analysis reports into one document (text for a terminal, JSON, or a self-contained HTML
 * page).
 */
public interface ReportRenderer {
  /** Renders one or more reports (a directory of logs gives several) as one document. */
  String render(List<AnalysisReport> reports);
}
