package io.strandsetl.agents.supervisor;

import io.strandsetl.agents.optimization.OptimizationAgent;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.spark.run.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Supervisor's own tools: run a pipeline, analyse an event log, explain a stored run. */
public final class SupervisorAgent implements Agent {
  public static final String NAME = "supervisor";

  private final AgentTeam team;

  SupervisorAgent(AgentTeam team) {
    this.team = team;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String purpose() {
    return "Runs the flow of a run (Decision, run, Optimization, Quality, Compliance and Cost in"
        + " parallel, Learning, store, notification) and explains runs.";
  }

  @Override
  public List<Tool<?, ?>> tools() {
    return List.of(
        Tool.of(
                "run_pipeline",
                "Runs a YAML pipeline under the Supervisor and returns what each agent concluded.",
                RunPipelineInput.class,
                SupervisorReport.class,
                in -> {
                  RunOptions defaults = RunOptions.defaults();
                  RunOptions options =
                      new RunOptions(
                          in.master(),
                          null,
                          in.dataDir() == null ? defaults.dataDir() : Path.of(in.dataDir()),
                          Map.of(),
                          null,
                          false,
                          team.clock());
                  return team.supervisor()
                      .runPipeline(
                          new Supervisor.SupervisedRun(
                              PipelineParser.parse(Path.of(in.pipeline())),
                              options,
                              Boolean.TRUE.equals(in.autotune())))
                      .agents();
                })
            .changingState(),
        Tool.of(
            "analyze_run",
            "Analyses a Spark event log the way a supervised run is analysed: issues, configuration"
                + " advice and the Learning agent's view (nothing is stored).",
            AnalyzeInput.class,
            AnalyzeOutput.class,
            this::analyze),
        Tool.of(
            "explain_run",
            "Explains a stored run: status, platform decision, metrics, cost, issues, quality,"
                + " compliance, what was applied and every agent invocation.",
            ExplainInput.class,
            Explanation.class,
            this::explain));
  }

  public record RunPipelineInput(
      @Description("the pipeline YAML file") String pipeline,
      @Description(value = "Spark master, default the pipeline's or local[*]", optional = true)
          String master,
      @Description(value = "data directory, default strands-data", optional = true) String dataDir,
      @Description(value = "apply the previous run's configuration advice", optional = true)
          Boolean autotune) {}

  public record AnalyzeInput(@Description("event-log file or directory") String eventLog) {}

  public record AnalyzeOutput(
      String source,
      @Description("issue count by type") Map<String, Integer> issues,
      io.strandsetl.agents.optimization.ConfigAdvice advice) {}

  public record ExplainInput(String executionId) {}

  public record Explanation(
      String executionId, @Description("the explanation, several lines") String text) {}

  AnalyzeOutput analyze(AnalyzeInput in) {
    var optimization = team.optimization();
    var found = optimization.detectIssues(new OptimizationAgent.EventLogInput(in.eventLog()));
    Map<String, Integer> counts = new java.util.TreeMap<>();
    found.issues().forEach(i -> counts.merge(i.type(), 1, Integer::sum));
    return new AnalyzeOutput(found.source(), counts, optimization.advise(in.eventLog()));
  }

  Explanation explain(ExplainInput in) {
    ExecutionRecord e =
        team.store()
            .findExecution(in.executionId())
            .orElseThrow(
                () ->
                    new StrandsException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Invalid executionId: '"
                            + in.executionId()
                            + "' (not in the tracking store; see `strands history`)"));
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%s of %s: %s on %s, %s, started %s",
            e.executionId(),
            e.jobName(),
            e.status(),
            e.platform(),
            io.strandsetl.agents.runtime.Sizes.millis(e.duration().toMillis()),
            e.startedAt()));
    if (e.decision() != null) {
      lines.add(
          String.format(
              Locale.ROOT,
              "decision: %s (confidence %.2f) — %s",
              e.decision().platform(),
              e.decision().confidence(),
              e.decision().reasoning()));
    }
    if (e.metrics() != null) {
      lines.add(
          "data: read "
              + io.strandsetl.agents.runtime.Sizes.bytes(e.metrics().dataReadBytes())
              + ", shuffled "
              + io.strandsetl.agents.runtime.Sizes.bytes(e.metrics().shuffleReadBytes())
              + ", written "
              + io.strandsetl.agents.runtime.Sizes.bytes(e.metrics().dataWrittenBytes()));
    }
    lines.add(
        e.cost() == null
            ? "cost: not priced"
            : "cost: " + io.strandsetl.agents.runtime.Sizes.usd(e.cost().totalUsd()));
    e.issues()
        .forEach(i -> lines.add("issue " + i.severity() + " " + i.type() + ": " + i.summary()));
    if (e.quality() != null) {
      lines.add(
          String.format(Locale.ROOT, "quality: overall %.2f", e.quality().scores().overall()));
    }
    if (e.compliance() != null) {
      lines.add(
          "compliance: GDPR "
              + (e.compliance().gdprCompliant() ? "ok" : "NOT compliant")
              + ", HIPAA "
              + (e.compliance().hipaaCompliant() ? "ok" : "NOT compliant")
              + ", PII columns "
              + e.compliance().piiColumnsDetected());
    }
    e.optimisationsApplied().forEach(o -> lines.add("applied: " + o));
    for (AgentInvocation i : team.store().invocations(e.executionId())) {
      lines.add(
          String.format(
              Locale.ROOT,
              "invocation %s.%s %s in %d ms%s",
              i.agent(),
              i.tool(),
              i.success() ? "ok" : "FAILED",
              i.durationMs(),
              i.success() ? "" : ": " + i.error()));
    }
    return new Explanation(e.executionId(), String.join("\n", lines));
  }
}
