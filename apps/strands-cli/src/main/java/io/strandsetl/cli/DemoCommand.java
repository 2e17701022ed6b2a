package io.strandsetl.cli;

import io.strandsetl.agents.supervisor.AgentTeam;
import io.strandsetl.agents.supervisor.Supervisor;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.pipeline.SourceSpec;
import io.strandsetl.spark.datagen.GeneratedDataset;
import io.strandsetl.spark.datagen.RetailDataGenerator;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The newcomer's first command: generates the retail demo data when it is not there yet, runs
 * {@code examples/customer-order-summary.yaml} (a pipeline with anti-patterns on purpose, quality
 * rules and a compliance policy) under the Supervisor and its agents — the code path of {@code
 * strands run} — records it in a store inside the work directory, prints the run's report and each
 * agent's conclusion and says where to look next (history, the e-mail, the dashboard).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generates the retail demo data (once), runs examples/customer-order-summary.yaml on embedded Spark",
      "under the Supervisor and prints its report: metrics, issues with fixes, quality scores, PII and",
      "masking, cost on each platform, each agent's conclusion. About 1-2 minutes on a 2-core machine at",
      "the default scale. Exit 0 when the demo run succeeded, 1 when it failed."
    })
final class DemoCommand implements Callable<Integer> {
  static final String PIPELINE = "examples/customer-order-summary.yaml";
  static final String FIXED_PIPELINE = "examples/customer-order-summary-fixed.yaml";

  /**
   * The example pipelines name their paths under this folder; the demo moves them under --work-dir.
   */
  static final String EXAMPLE_ROOT = "strands-data/";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scale",
      paramLabel = "N",
      defaultValue = "1",
      description = "Retail data scale (default: ${DEFAULT-VALUE} ≈ 1M sales rows).")
  double scale;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Retail data seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      defaultValue = "strands-data",
      description = "Where data, outputs and runs go (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--master",
      paramLabel = "URL",
      defaultValue = "local[*]",
      description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    Path home = Path.of(System.getProperty("strands.home", ".")).toAbsolutePath().normalize();
    Path pipelineFile = home.resolve(PIPELINE);
    PipelineSpec example = PipelineParser.parse(pipelineFile);

    Path dataDir = workDir.resolve("demo-data").resolve(RetailDataGenerator.NAME);
    boolean generated = ensureData(dataDir, err);
    long generatedAt = System.nanoTime();

    PipelineSpec pipeline = relocate(example, workDir);
    err.println("strands demo: running " + PIPELINE + " on " + master + " …");
    err.flush();
    RunOptions options =
        new RunOptions(master, null, workDir, Map.of(), System.err, System.console() != null, null);
    // The demo keeps its runs in its own store unless one is configured, not in ~/.strands; a
    // second demo run finds the first there (Learning's prediction, the comparison of runs).
    Settings settings =
        TrackingStores.withDefaultSqlitePath(
            StoreOptions.load(null, List.of()), workDir.resolve("tracking.db"));
    Supervisor.Outcome outcome;
    try (AgentTeam team = AgentTeam.open(settings, Clock.systemUTC())) {
      outcome =
          team.supervisor().runPipeline(new Supervisor.SupervisedRun(pipeline, options, false));
    }
    RunResult result = outcome.run();
    long end = System.nanoTime();

    out.print(result.text());
    out.println();
    out.print(outcome.agents().text());
    out.println();
    out.printf(
        Locale.ROOT,
        "Demo done in %.0f s (data %s %.0f s; pipeline run, analysis and report %.0f s).%n",
        (end - start) / 1e9,
        generated ? "generated in" : "already there, checked in",
        (generatedAt - start) / 1e9,
        (end - generatedAt) / 1e9);
    out.println();
    out.println("Where to look next:");
    out.println("  run directory   " + result.runDir());
    out.println(
        "  HTML report     " + result.runDir().resolve("report.html") + "  (open it in a browser)");
    out.println(
        "  the data        " + dataDir.toAbsolutePath() + "  (sales + 5 dimensions, parquet)");
    out.println(
        "  what is wrong   "
            + home.resolve("examples/README.md")
            + " explains each anti-pattern in the pipeline");
    out.println(
        "  the fix         ./strands run " + FIXED_PIPELINE + "   and compare the two reports");
    out.println(
        "  any Spark job   ./strands analyze "
            + result.runDir().resolve("eventlog")
            + "   (or the event log of your own job)");
    out.println("  job code        ./strands lint YOUR_JOB.py|.sql|.scala");
    Path store = TrackingStores.sqlitePath(settings);
    out.println("  run history     ./strands history --set store.sqlite.path=" + store);
    out.println(
        "  one run         ./strands show "
            + result.record().executionId()
            + " --set store.sqlite.path="
            + store);
    out.println(
        "  e-mail          "
            + result.runDir()
            + "/*.eml  (what the stakeholders were sent; configure notify.* for SMTP or SES)");
    out.println(
        "  dashboard       ./strands serve --set store.sqlite.path="
            + store
            + "   then open the printed http://127.0.0.1:8080/ URL with its token");
    out.println("  run it again    ./strands demo   (Learning then compares with this run)");
    out.flush();
    return outcome.agents().stored().startsWith("NOT STORED") ? 1 : result.exitCode();
  }

  /**
   * Generates the demo data in {@code dir} when it is absent or was made with another scale or
   * seed; true if it did.
   */
  private boolean ensureData(Path dir, PrintWriter err) {
    if (RetailDataGenerator.existing(dir, scale, seed).isPresent()) {
      err.println("strands demo: using the retail data in " + dir + " (delete it to regenerate)");
      return false;
    }
    SparkSession spark = null;
    try {
      spark = GenerateCommand.localSession(master, "strands demo: generate retail");
      RetailDataGenerator generator = new RetailDataGenerator(spark, scale, seed);
      err.println(
          "strands demo: generating the retail data (scale "
              + GenerateCommand.formatScale(scale)
              + ") in "
              + dir
              + " …");
      err.flush();
      GeneratedDataset d = generator.generate(dir);
      err.println(GenerateCommand.summary(d));
      return true;
    } finally {
      if (spark != null) {
        spark.stop();
        // The runner starts its own session (its event log is fixed at start-up).
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
      }
    }
  }

  /** The example with every {@code strands-data/…} path moved under {@code workDir}. */
  static PipelineSpec relocate(PipelineSpec s, Path workDir) {
    return new PipelineSpec(
        s.name(),
        s.description(),
        s.owner(),
        s.stakeholders(),
        s.tags(),
        s.sources().stream()
            .map(
                x ->
                    new SourceSpec(
                        x.name(),
                        x.format(),
                        move(x.path(), workDir),
                        x.table(),
                        x.options(),
                        x.incremental()))
            .toList(),
        s.transforms(),
        s.sinks().stream()
            .map(
                k ->
                    new SinkSpec(
                        k.name(),
                        k.from(),
                        k.format(),
                        move(k.path(), workDir),
                        k.mode(),
                        k.partitionBy(),
                        k.targetFileSizeBytes(),
                        k.options()))
            .toList(),
        s.quality(),
        s.compliance(),
        s.budget(),
        s.notifications(),
        s.platform(),
        s.engine());
  }

  private static String move(String path, Path workDir) {
    if (path == null || !path.startsWith(EXAMPLE_ROOT)) {
      return path;
    }
    return workDir.resolve(path.substring(EXAMPLE_ROOT.length())).toString();
  }
}
