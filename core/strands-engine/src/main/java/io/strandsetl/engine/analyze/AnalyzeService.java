package io.strandsetl.engine.analyze;

import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.eventlog.EventLogSource;
import io.strandsetl.eventlog.EventLogSources;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Detector;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.RunAnalysis;
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
   * @param settings configuration; every {@code detector.*} key must be understood by a detector
   * @param onlyDetectors detector ids to run, or empty for all
   */
  public AnalyzeService(EventLogReader reader, Settings settings, Set<String> onlyDetectors) {
    this.reader = reader;
    DetectorRegistry registry = DetectorRegistry.load();
    List<String> names = onlyDetectors.isEmpty() ? registry.names() : List.copyOf(onlyDetectors);
    List<Detector> created = new ArrayList<>();
    // Create every detector so that each reads its keys; then anything left under detector.* is a typo.
    for (String name : registry.names()) {
      Detector d = registry.create(name, settings);
      if (names.contains(name)) {
        created.add(d);
      }
    }
    for (String name : names) {
      if (!registry.names().contains(name)) {
        registry.create(name, settings); // fails loudly with the list of known names
      }
    }
    Set<String> unknown = settings.unknownKeys("detector.");
    if (!unknown.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid configuration keys: " + unknown + " (no detector reads them; see docs/detectors.md for the keys)");
    }
    this.detectors = List.copyOf(created);
  }

  /** Analyses every application found at {@code path} (a file, a rolling directory or a directory of logs). */
  public List<AnalysisReport> analyze(Path path) {
    List<EventLogSource> sources = EventLogSources.discover(path);
    List<AnalysisReport> reports = new ArrayList<>(sources.size());
    for (EventLogSource source : sources) {
      RunAnalysis run = reader.read(source);
      reports.add(report(source.files().isEmpty() ? path.toString() : displayPath(path, source), run));
    }
    return reports;
  }

  /** Runs the detectors over an already-read run (the pipeline runner's entry). */
  public AnalysisReport report(String source, RunAnalysis run) {
    List<Finding> findings = DetectorRegistry.detectAll(detectors, run);
    return new AnalysisReport(AnalysisReport.SCHEMA_VERSION, source, run, findings);
  }

  private static String displayPath(Path requested, EventLogSource source) {
    Path first = source.files().get(0);
    Path parent = first.getParent();
    // A rolling or Databricks directory is one log: name the directory, not its first part.
    if (source.files().size() > 1 && parent != null) {
      return parent.toString();
    }
    return first.toString();
  }
}
