package io.strandsetl.cli;

import io.strandsetl.engine.analyze.AnalyzeService;
import io.strandsetl.engine.config.SettingsLoader;
import io.strandsetl.engine.report.ReportFormat;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.run.AnalysisReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the event log of any Spark application (1.x to 4.x; plain, gzip, zstd, lz4, snappy; rolling",
      "eventlog_v2_* directories; Databricks layout) and reports its metrics and the issues that cost time",
      "and money, with fixes. Exit 0 when analysed (findings or not), 2 for a user error, 1 for an internal error."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      description = "An event-log file, a rolling directory, or a directory of logs.")
  Path path;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report here (atomically) instead of standard output.")
  Path out;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of settings (kebab-case keys, see docs/configuration.md).")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set detector.data-skew.min-ratio=8.")
  List<String> overrides = List.of();

  @Option(
      names = "--detectors",
      split = ",",
      paramLabel = "ID",
      description = "Run only these detectors (comma separated).")
  List<String> detectors = List.of();

  @Option(
      names = "--save",
      description = "Also record each analysed application in the tracking store (docs/store.md).")
  boolean save;

  @Option(
      names = "--job",
      paramLabel = "NAME",
      description = "With --save: the job to file them under (default: the Spark app name).")
  String job;

  @Override
  public Integer call() {
    ReportFormat reportFormat = ReportFormat.parse(format);
    Map<String, String> set = new LinkedHashMap<>();
    overrides.forEach(
        o -> {
          var e = SettingsLoader.parseOverride(o);
          set.put(e.getKey(), e.getValue());
        });
    Settings settings = SettingsLoader.load(config, System.getenv(), set);
    AnalyzeService service =
        new AnalyzeService(EventLogReader.withDefaults(), settings, new LinkedHashSet<>(detectors));
    List<AnalysisReport> reports = service.analyze(path);
    String document = reportFormat.renderer().render(reports);
    if (out == null) {
      spec.commandLine().getOut().print(document);
      spec.commandLine().getOut().flush();
    } else {
      OutputFiles.writeAtomically(out, document);
      spec.commandLine().getErr().println("strands: wrote " + out);
    }
    if (save) {
      StoreRecording.saveAnalyses(
          reports, settings, job, spec.commandLine().getErr(), java.time.Clock.systemUTC());
    }
    return 0;
  }
}
