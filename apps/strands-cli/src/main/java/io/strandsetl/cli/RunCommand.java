package io.strandsetl.cli;

import io.strandsetl.agents.supervisor.AgentTeam;
import io.strandsetl.agents.supervisor.Supervisor;
import io.strandsetl.agents.supervisor.SupervisorReport;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.spark.run.PipelineRunner;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strands run PIPELINE.yaml}: a thin adapter over {@link PipelineRunner}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a YAML pipeline (docs/pipelines.md) on embedded Spark (local[*]) or",
      "a cluster, publishes its outputs only when every step succeeded, and",
      "reports on the run from its own event log.",
      "Exit 0: run succeeded; 1: run failed (the report says where);",
      "2: usage or spec error (one line, nothing written)."
    })
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PIPELINE", description = "The pipeline YAML file.")
  Path pipeline;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master: local[*] (default), local[4], spark://host:7077, yarn, k8s://…; wins over engine.master.")
  String master;

  @Option(
      names = "--run-dir",
      paramLabel = "DIR",
      description =
          "Run directory (must be new or empty); default: <data-dir>/runs/<execution id>.")
  Path runDir;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "strands-data",
      description = "Where runs/ and state/ (watermarks) live (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description =
          "A Spark property, e.g. --conf spark.sql.shuffle.partitions=8; wins over engine.conf.")
  List<String> conf = List.of();

  @Option(
      names = "--autotune",
      description =
          "Apply the configuration advice of this job's previous tracked run (shuffle partitions,"
              + " executor memory, broadcast threshold) unless --conf sets the property; the agents'"
              + " report shows whether it helped.")
  boolean autotune;

  @Option(
      names = "--no-track",
      description =
          "Do not record the run in the tracking store (docs/store.md); when recording fails the run is kept and the exit code is 1.")
  boolean noTrack;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of settings (e.g. store.*; docs/configuration.md).")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set store.sqlite.path=/tmp/t.db.")
  List<String> overrides = List.of();

  @Override
  public Integer call() {
    Map<String, String> sparkConf = new LinkedHashMap<>();
    for (String c : conf) {
      int eq = c.indexOf('=');
      if (eq <= 0) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid --conf: '"
                + c
                + "' (expected key=value, e.g. spark.sql.shuffle.partitions=8)");
      }
      sparkConf.put(c.substring(0, eq).trim(), c.substring(eq + 1).trim());
    }
    var settings = StoreOptions.load(config, overrides);
    PipelineSpec parsed = PipelineParser.parse(pipeline);
    boolean terminal = System.console() != null;
    RunOptions options =
        new RunOptions(master, runDir, dataDir, sparkConf, System.err, terminal, null);
    if (!noTrack) {
      // The Supervisor runs it: Decision, run, the agents, Learning, notification, store.
      try (AgentTeam team = AgentTeam.open(settings, java.time.Clock.systemUTC())) {
        Supervisor.Outcome o =
            team.supervisor().runPipeline(new Supervisor.SupervisedRun(parsed, options, autotune));
        return report(o.run(), o.agents());
      }
    }
    if (autotune) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid --autotune with --no-track (the advice comes from the tracked previous run)");
    }
    RunResult result = new PipelineRunner().run(parsed, options);
    return report(result, null); // --no-track: not recorded, no agents
  }

  /** Prints the run's report (and the agents' report) and returns the exit code. */
  private int report(RunResult result, SupervisorReport agents) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(result.text());
    if (agents != null) {
      out.print(agents.text());
    }
    out.println(
        "Run directory: "
            + result.runDir()
            + " (report.html, report.json, run.json, "
            + (agents == null ? "" : "agents.json, ")
            + "eventlog/)");
    out.flush();
    if (result.exitCode() != 0) {
      spec.commandLine()
          .getErr()
          .println(
              "strands: run FAILED at "
                  + result.record().failingStep()
                  + ": "
                  + result.record().error());
    }
    if (agents != null && agents.stored().startsWith("NOT STORED") && result.exitCode() == 0) {
      spec.commandLine()
          .getErr()
          .println(
              "strands: Cannot record run "
                  + result.record().executionId()
                  + ": "
                  + agents.stored());
      return 1;
    }
    return result.exitCode();
  }
}
