package io.strandsetl.cli;

import io.strandsetl.engine.analyze.AnalyzeService;
import io.strandsetl.engine.report.ReportFormat;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.run.AnalysisReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The newcomer's first command. Until the pipeline runner lands it analyses the real Spark 4.1
 * event logs bundled with the project (made by small Spark programs, see the fixtures README) and
 * writes their reports, so every part of {@code strands analyze} can be seen without any set-up.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Analyses the bundled Spark 4.1 event logs and writes text, JSON and HTML reports.")
final class DemoCommand implements Callable<Integer> {
  /** Bundled logs shown by the demo: each shows a different problem (see the fixtures README). */
  static final List<String> CASES =
      List.of("missing-broadcast-positive", "repeated-computation-positive", "small-files-positive", "data-skew-positive");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "strands-data/demo", description = "Where to write the reports (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path fixtures = fixturesDir();
    AnalyzeService service = new AnalyzeService(EventLogReader.withDefaults(), Settings.empty(), Set.of());
    Files.createDirectories(outDir);
    List<AnalysisReport> all = new ArrayList<>();
    for (String name : CASES) {
      Path log = fixtures.resolve(name);
      if (!Files.exists(log)) {
        continue;
      }
      List<AnalysisReport> reports = service.analyze(log);
      all.addAll(reports);
      Path dir = outDir.resolve(name);
      Files.createDirectories(dir);
      OutputFiles.writeAtomically(dir.resolve("report.json"), ReportFormat.JSON.renderer().render(reports));
      OutputFiles.writeAtomically(dir.resolve("report.html"), ReportFormat.HTML.renderer().render(reports));
      OutputFiles.writeAtomically(dir.resolve("report.txt"), ReportFormat.TEXT.renderer().render(reports));
    }
    if (all.isEmpty()) {
      throw new StrandsException(ErrorCode.PATH_NOT_FOUND, "Cannot run the demo: no bundled event logs under " + fixtures + " (run ./strands from the project checkout)");
    }
    out.print(ReportFormat.TEXT.renderer().render(all));
    out.println();
    out.println("Reports written to " + outDir.toAbsolutePath() + "/<case>/report.{txt,json,html}");
    out.println("Next: open " + outDir.resolve(CASES.get(0)).resolve("report.html").toAbsolutePath() + " in a browser,");
    out.println("      or analyse your own log: ./strands analyze PATH [--format text|json|html] [--out FILE]");
    out.flush();
    return 0;
  }

  private static Path fixturesDir() {
    String home = System.getProperty("strands.home", ".");
    return Path.of(home, "core", "strands-testkit", "src", "main", "resources", "fixtures", "eventlogs");
  }
}
