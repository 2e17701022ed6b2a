package io.strandsetl.engine.analyze;

import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.eventlog.EventLogSource;
import io.strandsetl.eventlog.EventLogSources;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Detector;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.LogDiagnostics;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.rules.DetectionResult;
import io.strandsetl.rules.DetectorFailure;
import io.strandsetl.rules.DetectorRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The analyze use case: event log(s) → run analysis → findings. The CLI, the pipeline runner and
 * (later) the agents and the server all call this one path.
 */
public final class AnalyzeService {
  private final EventLogReader reader;
  private final List<Detector> detectors;

  /**
   * @param settings configuration; every {@code detector.*} key must be read by some detector
   * @param onlyDetectors detector ids to run, or empty for all
   * @throws StrandsException INVALID_CONFIG naming every key no detector reads; UNKNOWN_PLUGIN for
   *     an unknown detector id
   */
  public AnalyzeService(EventLogReader reader, Settings settings, Set<String> onlyDetectors) {
    this.reader = reader;
    this.detectors = List.copyOf(DetectorRegistry.load().createAll(settings, onlyDetectors));
    Set<String> unknown = settings.unknownKeys("detector.");
    if (!unknown.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid configuration keys: "
              + unknown
              + " (no detector reads them; docs/detectors.md lists the keys)");
    }
  }

  /**
   * Analyses every application found at {@code path} (a file, a rolling directory or a directory of
   * logs), in the order {@link EventLogSources#discover} gives.
   */
  public List<AnalysisReport> analyze(Path path) {
    List<AnalysisReport> reports = new ArrayList<>();
    for (EventLogSource source : EventLogSources.discover(path)) {
      reports.add(report(displayPath(path, source), reader.read(source)));
    }
    return reports;
  }

  /**
   * Runs the detectors over an already-read run (the pipeline runner's entry). A detector that
   * fails costs only its own findings; the failure is named in the report's log notes.
   */
  public AnalysisReport report(String source, RunAnalysis run) {
    DetectionResult result = DetectorRegistry.detect(detectors, run);
    RunAnalysis shown = run;
    if (!result.complete()) {
      LogDiagnostics d = run.diagnostics();
      List<String> warnings = new ArrayList<>(d == null ? List.of() : d.warnings());
      for (DetectorFailure f : result.failures()) {
        warnings.add("detector " + f.detectorId() + " failed: " + f.message());
      }
      LogDiagnostics withFailures =
          d == null
              ? new LogDiagnostics(List.of(), null, 0, 0, null, false, null, warnings)
              : new LogDiagnostics(
                  d.files(),
                  d.format(),
                  d.lines(),
                  d.malformedLines(),
                  d.firstMalformedLine(),
                  d.truncatedLastLine(),
                  d.unknownEvents(),
                  warnings);
      shown =
          new RunAnalysis(
              run.application(),
              run.metrics(),
              run.jobs(),
              run.stages(),
              run.sql(),
              run.executors(),
              withFailures);
    }
    return new AnalysisReport(AnalysisReport.SCHEMA_VERSION, source, shown, result.findings());
  }

  private static String displayPath(Path requested, EventLogSource source) {
    if (source.files().isEmpty()) {
      return requested.toString();
    }
    Path first = source.files().get(0);
    Path parent = first.getParent();
    // A rolling (eventlog_v2_*) or Databricks directory is one log: name the directory, not a part.
    boolean directoryLog =
        parent != null
            && (source.files().size() > 1
                || parent.getFileName().toString().startsWith("eventlog_v2_"));
    return directoryLog ? parent.toString() : first.toString();
  }
}
