package io.strandsetl.agents.supervisor;

import io.strandsetl.agents.decision.Constraints;
import io.strandsetl.agents.decision.DecisionAgent;
import io.strandsetl.agents.decision.DecisionAgent.PlatformRecommendation;
import io.strandsetl.agents.decision.DecisionAgent.RecommendInput;
import io.strandsetl.agents.decision.PlatformScore;
import io.strandsetl.agents.learning.LearningAgent;
import io.strandsetl.agents.learning.LearningAgent.RecordRunInput;
import io.strandsetl.agents.learning.LearningAgent.RecordRunOutput;
import io.strandsetl.agents.learning.RunFeatures;
import io.strandsetl.agents.llm.LanguageModels;
import io.strandsetl.agents.optimization.OptimizationAgent;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.AgentTimeoutException;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.runtime.EventBus;
import io.strandsetl.agents.runtime.InvocationLog;
import io.strandsetl.agents.runtime.NotAvailable;
import io.strandsetl.agents.runtime.RunEvent;
import io.strandsetl.engine.track.ExecutionMapper;
import io.strandsetl.engine.track.PipelineRunFacts;
import io.strandsetl.engine.track.RunTracker;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.NotificationState;
import io.strandsetl.model.store.PlatformDecision;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.Workload;
import io.strandsetl.notify.Notifier;
import io.strandsetl.notify.message.PlatformCost;
import io.strandsetl.notify.message.RunNotice;
import io.strandsetl.notify.outbox.Delivery;
import io.strandsetl.spark.run.RunHook;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import io.strandsetl.spark.run.StepRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Runs the flow of one run (docs/agents.md): Decision → run (with the agents' hooks) →
 * Optimization, Quality, Compliance and Cost in parallel, each under its timeout → Learning →
 * notification → one tracking-store transaction. Error policy: the Decision agent fails → the run
 * is aborted (nothing runs, nothing is stored); the run fails → still analysed, tracked and
 * notified; any other agent fails → its conclusion says so and the flow goes on.
 *
 * <p>The notification is sent before the store is written, so that the stored execution keeps its
 * notification state in the same transaction; the notifier's outbox keeps and retries a message
 * that could not be sent.
 */
public final class Supervisor {
  /** Runs a pipeline: {@code PipelineRunner::run} in production, a fake in tests. */
  @FunctionalInterface
  public interface PipelineExecutor {
    RunResult run(PipelineSpec spec, RunOptions options);
  }

  /**
   * A pipeline run to supervise.
   *
   * @param autotune apply the Optimization agent's advice from the job's previous stored run
   */
  public record SupervisedRun(PipelineSpec spec, RunOptions options, boolean autotune) {}

  /**
   * A supervised run: the runner's result (its report.json, text, exit code) and what the agents
   * concluded.
   */
  public record Outcome(RunResult run, SupervisorReport agents) {
    /** The runner's exit code: 0 succeeded, 1 failed. */
    public int exitCode() {
      return run.exitCode();
    }

    /** The run's report followed by the agents' report, for a terminal. */
    public String text() {
      return run.text() + agents.text();
    }
  }

  /** Advice of a previous run applied as Spark properties. */
  public record Autotune(String fromExecutionId, Map<String, String> conf, List<String> lines) {}

  static final String ACTOR = "strands supervisor";

  private final AgentTeam team;
  private final List<RunParticipant> participants;
  private final PipelineExecutor executor;

  public Supervisor(AgentTeam team, List<RunParticipant> participants, PipelineExecutor executor) {
    this.team = team;
    this.participants = List.copyOf(participants);
    this.executor = executor;
  }

  public EventBus events() {
    return team.events();
  }

  /** Runs and supervises a pipeline; see the class comment for what aborts and what continues. */
  public Outcome runPipeline(SupervisedRun request) {
    PipelineSpec spec = request.spec();
    InvocationLog log = new InvocationLog("pending-" + UUID.randomUUID());
    try (AgentInvoker tools = team.invoker(log)) {
      team.events()
          .publish(new RunEvent.RunStarted(log.executionId(), team.clock().instant(), spec.name()));
      // 1. Decision: a failure aborts before anything runs.
      Constraints constraints = Constraints.fromSection(spec.platform());
      long inputBytes = SourceSizes.of(spec);
      PlatformRecommendation decision;
      long decisionStart = System.nanoTime();
      try {
        decision =
            tools.withTimeout(
                DecisionAgent.NAME,
                () ->
                    tools.call(
                        DecisionAgent.NAME,
                        "recommend_platform",
                        new RecommendInput(spec.name(), inputBytes, constraints),
                        PlatformRecommendation.class));
      } catch (RuntimeException e) {
        ErrorCode code = e instanceof StrandsException se ? se.code() : ErrorCode.INTERNAL_ERROR;
        if (e instanceof AgentTimeoutException) {
          code = ErrorCode.INTERNAL_ERROR;
        }
        throw new StrandsException(
            code,
            "Cannot run pipeline "
                + spec.name()
                + ": the Decision agent failed, run aborted ("
                + e.getMessage()
                + ")",
            e);
      }
      long decisionMs = (System.nanoTime() - decisionStart) / 1_000_000;
      team.events()
          .publish(
              new RunEvent.PlatformDecided(
                  log.executionId(),
                  team.clock().instant(),
                  decision.platform(),
                  decision.confidence(),
                  decision.reasoning()));

      // 2. The run, with the agents' hooks and the autotune properties.
      RunOptions o = request.options();
      Map<String, String> conf = new LinkedHashMap<>();
      List<String> applied = new ArrayList<>();
      if (request.autotune()) {
        Optional<Autotune> tune = autotune(spec.name());
        if (tune.isPresent()) {
          tune.get()
              .conf()
              .forEach(
                  (k, v) -> {
                    if (!o.conf().containsKey(k)) { // the user's --conf wins
                      conf.put(k, v);
                    }
                  });
          tune.get().lines().stream()
              .filter(l -> conf.containsKey(l.substring(0, l.indexOf('='))))
              .forEach(applied::add);
        }
      }
      conf.putAll(o.conf());
      List<RunHook> hooks = new ArrayList<>(o.hooks());
      participants.forEach(p -> hooks.addAll(p.hooks(spec)));
      // "Running now" on the dashboard: removed in the transaction that records the run.
      hooks.add(new RunningMarkerHook(team::store, spec, team.clock().instant()));
      RunOptions options =
          new RunOptions(
              o.master(),
              o.runDir(),
              o.dataDir(),
              conf,
              o.progress(),
              o.terminal(),
              o.clock(),
              hooks);
      RunResult result = executor.run(spec, options); // spec errors throw: nothing ran
      String id = result.record().executionId();
      AnalysisReport report = result.report();
      team.events()
          .publish(
              new RunEvent.RunFinished(
                  id,
                  team.clock().instant(),
                  result.record().status().name(),
                  result.record().error()));
      if (report != null) {
        team.events()
            .publish(
                new RunEvent.AnalysisReady(id, team.clock().instant(), report.findings().size()));
      }
      Path eventLog =
          result.record().eventLogDir() == null ? null : Path.of(result.record().eventLogDir());
      RunState state =
          new RunState(id, spec.name(), spec, result, report, eventLog, decision, result.runDir());

      // 3. Optimization, Quality, Compliance, Cost in parallel.
      List<Contribution> contributions = runParallel(state, tools);
      List<Conclusion> conclusions = new ArrayList<>();
      conclusions.add(
          Conclusion.done(
                  DecisionAgent.NAME,
                  decision.platform() + " (" + decision.sizing().description() + ")",
                  Map.of("recommendation", decision))
              .withDuration(decisionMs));
      contributions.forEach(c -> conclusions.add(c.conclusion()));

      // 4. The execution record, then Learning.
      ExecutionRecord base =
          ExecutionMapper.fromPipeline(
              new PipelineRunFacts(
                  id,
                  spec,
                  result.exitCode() == 0,
                  result.record().error(),
                  result.record().failingStep(),
                  result.record().master(),
                  result.record().startTime(),
                  result.record().endTime(),
                  report));
      Workload workload =
          new Workload(
              inputBytes,
              spec.sources().size(),
              spec.transforms().size(),
              report == null ? 0 : (int) joins(report),
              spec.sources().stream().anyMatch(s -> s.incremental() != null));
      ExecutionRecord execution =
          assemble(base, workload, decision, contributions, applied, RunFeatures.tagsOf(report));
      Learned learned = learn(execution, tools, state);
      conclusions.add(learned.conclusion());

      // 5. The optional language model's narrative (recorded with its tokens and cost).
      String narrative =
          narrate(
              tools,
              report(
                  id,
                  spec.name(),
                  result.record().status().name(),
                  result.runDir(),
                  decision,
                  applied,
                  conclusions,
                  learned.output(),
                  "(not yet)",
                  "(not yet)",
                  null,
                  log));

      // 6. Notification, then one store transaction.
      Notified notified = notify(execution, result, contributions);
      execution =
          ExecutionMapper.withParts(
              execution,
              new ExecutionMapper.Parts(null, null, null, null, null, null, notified.state()));
      String stored = store(execution, log, contributions, report);
      team.events()
          .publish(new RunEvent.RunRecorded(id, team.clock().instant(), log.invocations().size()));
      SupervisorReport out =
          report(
              id,
              spec.name(),
              result.record().status().name(),
              result.runDir(),
              decision,
              applied,
              conclusions,
              learned.output(),
              stored,
              notified.line(),
              narrative,
              log);
      write(result.runDir(), out);
      return new Outcome(result, out);
    }
  }

  /** The advice stored with the job's latest run, as Spark properties. */
  public Optional<Autotune> autotune(String jobName) {
    List<ExecutionRecord> latest =
        team.store().listExecutions(ExecutionQuery.all().withJob(jobName).withLimit(1));
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    ExecutionRecord previous = latest.get(0);
    Map<String, String> conf = OptimizationAgent.storedAdvice(previous);
    List<String> lines = new ArrayList<>();
    conf.forEach((k, v) -> lines.add(k + "=" + v + " (advice of " + previous.executionId() + ")"));
    return Optional.of(new Autotune(previous.executionId(), conf, lines));
  }

  private List<Contribution> runParallel(RunState state, AgentInvoker tools) {
    Map<String, Callable<Contribution>> tasks = new LinkedHashMap<>();
    Map<String, long[]> started = new TreeMap<>();
    for (RunParticipant p : participants) {
      tasks.put(
          p.name(),
          () -> {
            long t0 = System.nanoTime();
            Contribution c = p.onRun(state, tools);
            started.put(p.name(), new long[] {(System.nanoTime() - t0) / 1_000_000});
            return c;
          });
    }
    long t0 = System.nanoTime();
    Map<String, AgentInvoker.Outcome<Contribution>> outcomes = tools.runParallel(tasks);
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    List<Contribution> out = new ArrayList<>();
    outcomes.forEach(
        (agent, outcome) -> {
          long[] ms = started.get(agent);
          Contribution c;
          if (outcome.ok()) {
            c = outcome.value();
          } else {
            Throwable f = outcome.failure();
            Conclusion.Status status =
                f instanceof AgentTimeoutException
                    ? Conclusion.Status.TIMED_OUT
                    : f instanceof NotAvailable
                        ? Conclusion.Status.NOT_AVAILABLE
                        : Conclusion.Status.FAILED;
            c = Contribution.of(new Conclusion(agent, status, oneLine(f), Map.of(), 0));
          }
          Conclusion timed = c.conclusion().withDuration(ms == null ? wallMs : ms[0]);
          out.add(
              new Contribution(
                  timed,
                  c.cost(),
                  c.quality(),
                  c.compliance(),
                  c.qualityHistory(),
                  c.audit(),
                  c.tags()));
          team.events()
              .publish(
                  new RunEvent.AgentConcluded(
                      state.executionId(),
                      team.clock().instant(),
                      agent,
                      timed.status().name(),
                      timed.summary()));
        });
    return out;
  }

  private record Learned(Conclusion conclusion, RecordRunOutput output) {}

  private Learned learn(ExecutionRecord execution, AgentInvoker tools, RunState state) {
    long t0 = System.nanoTime();
    try {
      RecordRunOutput out =
          tools.withTimeout(
              LearningAgent.NAME,
              () ->
                  tools.call(
                      LearningAgent.NAME,
                      "record_run",
                      new RecordRunInput(RunFeatures.of(execution)),
                      RecordRunOutput.class));
      StringBuilder summary = new StringBuilder();
      out.regressions().stream()
          .filter(r -> r.regressed())
          .forEach(r -> summary.append(r.metric()).append(" REGRESSED; "));
      out.predictedBefore().stream()
          .filter(p -> "duration".equals(p.prediction().target()))
          .findFirst()
          .ifPresent(
              p ->
                  summary.append(
                      p.prediction().value() == null
                          ? "first run of the job: nothing to predict from"
                          : String.format(
                              java.util.Locale.ROOT,
                              "predicted duration %.1f s, actual %.1f s (%s)",
                              p.prediction().value() / 1000,
                              p.actual() / 1000,
                              p.errorPercent() == null
                                  ? "error unknown"
                                  : String.format(
                                      java.util.Locale.ROOT, "error %.0f%%", p.errorPercent()))));
      summary.append("; ").append(out.similar().size()).append(" similar run(s)");
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("learning", out);
      return new Learned(
          Conclusion.done(LearningAgent.NAME, summary.toString(), details)
              .withDuration((System.nanoTime() - t0) / 1_000_000),
          out);
    } catch (RuntimeException e) {
      Conclusion.Status status =
          e instanceof AgentTimeoutException
              ? Conclusion.Status.TIMED_OUT
              : Conclusion.Status.FAILED;
      return new Learned(
          new Conclusion(
              LearningAgent.NAME,
              status,
              oneLine(e),
              Map.of(),
              (System.nanoTime() - t0) / 1_000_000),
          null);
    }
  }

  static ExecutionRecord assemble(
      ExecutionRecord base,
      Workload workload,
      PlatformRecommendation decision,
      List<Contribution> contributions,
      List<String> applied,
      Map<String, String> learningTags) {
    CostBreakdown cost = null;
    QualitySummary quality = null;
    ComplianceSummary compliance = null;
    Map<String, String> tags = new TreeMap<>(base.tags());
    tags.putAll(learningTags);
    for (Contribution c : contributions) {
      cost = c.cost() != null ? c.cost() : cost;
      quality = c.quality() != null ? c.quality() : quality;
      compliance = c.compliance() != null ? c.compliance() : compliance;
      tags.putAll(c.tags());
    }
    PlatformDecision platformDecision = null;
    if (decision != null) {
      tags.put("agents.recommended-platform", decision.platform());
      platformDecision =
          new PlatformDecision(
              decision.platform(),
              decision.confidence(),
              decision.reasoning(),
              decision.scores().stream()
                  .filter(PlatformScore::feasible)
                  .map(PlatformScore::platform)
                  .filter(p -> !p.equals(decision.platform()))
                  .toList());
    }
    ExecutionRecord withParts =
        ExecutionMapper.withParts(
            base,
            new ExecutionMapper.Parts(
                workload, platformDecision, cost, quality, compliance, applied, null));
    return new ExecutionRecord(
        withParts.executionId(),
        withParts.jobName(),
        withParts.jobType(),
        withParts.platform(),
        withParts.status(),
        withParts.startedAt(),
        withParts.endedAt(),
        withParts.workload(),
        withParts.decision(),
        withParts.metrics(),
        withParts.cost(),
        withParts.quality(),
        withParts.compliance(),
        withParts.issues(),
        withParts.recommendations(),
        withParts.optimisationsApplied(),
        withParts.error(),
        withParts.stakeholders(),
        tags,
        withParts.notification());
  }

  private record Notified(NotificationState state, String line) {}

  private Notified notify(
      ExecutionRecord execution, RunResult result, List<Contribution> contributions) {
    try (Notifier notifier = Notifier.open(team.settings(), team.clock())) {
      RunNotice notice = RunNotice.of(execution).withRunDirectory(result.runDir());
      List<PlatformCost> costs = platformCosts(contributions);
      if (!costs.isEmpty()) {
        notice = notice.withPlatformCosts(costs);
      }
      if (result.exitCode() != 0) {
        notice =
            notice.withFailure(
                result.record().failingStep(),
                result.record().steps().stream()
                    .filter(s -> s.error() == null)
                    .map(StepRecord::name)
                    .toList());
      }
      Optional<Delivery> d = notifier.notifyRun(notice);
      if (d.isEmpty()) {
        return new Notified(NotificationState.NOT_SENT, "no recipients (nothing sent)");
      }
      return new Notified(
          d.get().notificationState(),
          d.get().status()
              + " to "
              + d.get().recipients()
              + (d.get().lastError().isEmpty() ? "" : " (" + d.get().lastError() + ")"));
    } catch (RuntimeException e) {
      return new Notified(NotificationState.NOT_SENT, "FAILED: " + oneLine(e));
    }
  }

  /** Per-platform costs the Cost agent put in its details ({@code platformCosts}), if any. */
  @SuppressWarnings("unchecked")
  static List<PlatformCost> platformCosts(List<Contribution> contributions) {
    for (Contribution c : contributions) {
      Object v = c.conclusion().details().get("platformCosts");
      if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof PlatformCost)) {
        return (List<PlatformCost>) list;
      }
    }
    return List.of();
  }

  private String store(
      ExecutionRecord execution,
      InvocationLog log,
      List<Contribution> parts,
      AnalysisReport report) {
    List<QualityHistoryEntry> quality = new ArrayList<>();
    List<AuditEvent> audit = new ArrayList<>();
    parts.forEach(
        p -> {
          quality.addAll(p.qualityHistory());
          audit.addAll(p.audit());
        });
    List<AgentInvocation> invocations = log.invocationsAs(execution.executionId());
    try {
      RunRecord run =
          ExecutionMapper.toRun(
                  execution, invocations, quality, audit, ACTOR, team.clock().instant())
              .withStages(ExecutionMapper.stages(report));
      RunTracker.Outcome outcome = RunTracker.record(team.store(), run);
      return outcome
          + " in "
          + team.storeLocation()
          + " ("
          + invocations.size()
          + " invocations, "
          + quality.size()
          + " quality rows, "
          + (audit.size() + 1)
          + " audit events)";
    } catch (RuntimeException e) {
      return "NOT STORED: " + oneLine(e);
    }
  }

  private static SupervisorReport report(
      String id,
      String job,
      String status,
      Path runDir,
      PlatformRecommendation decision,
      List<String> applied,
      List<Conclusion> conclusions,
      RecordRunOutput learning,
      String stored,
      String notification,
      String narrative,
      InvocationLog log) {
    List<AgentInvocation> calls = log.invocations();
    return new SupervisorReport(
        SupervisorReport.SCHEMA_VERSION,
        id,
        job,
        status,
        runDir == null ? null : runDir.toString(),
        decision,
        applied,
        conclusions,
        learning,
        stored,
        notification,
        narrative,
        calls.size(),
        (int) calls.stream().filter(c -> !c.success()).count(),
        calls.stream().mapToLong(AgentInvocation::tokensIn).sum(),
        calls.stream().mapToLong(AgentInvocation::tokensOut).sum(),
        calls.stream().mapToDouble(AgentInvocation::tokenCostUsd).sum());
  }

  /**
   * The language model's summary of the run, when one is configured; a model that cannot be reached
   * costs only the narrative (recorded as a failed invocation), never the run.
   */
  private String narrate(AgentInvoker tools, SupervisorReport draft) {
    var model = LanguageModels.configured(team.settings());
    if (model.isEmpty()) {
      return null;
    }
    try {
      return tools.withTimeout("supervisor", () -> model.get().narrate(draft.text(), tools).text());
    } catch (RuntimeException e) {
      return "(no narrative: " + oneLine(e) + ")";
    }
  }

  /** Writes {@code agents.json} into the run directory, atomically. */
  static void write(Path runDir, SupervisorReport report) {
    if (runDir == null || !Files.isDirectory(runDir)) {
      return;
    }
    Path target = runDir.resolve("agents.json");
    Path tmp = runDir.resolve("agents.json.tmp");
    try {
      Files.writeString(tmp, report.json(), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot write " + target + ": " + e.getMessage());
    }
  }

  static long joins(AnalysisReport report) {
    return RunFeatures.tagsOf(report).entrySet().stream()
        .filter(e -> e.getKey().equals(RunFeatures.TAG_PREFIX + "joins"))
        .mapToLong(e -> Long.parseLong(e.getValue()))
        .findFirst()
        .orElse(0);
  }

  static String oneLine(Throwable t) {
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Executions of status SUCCEEDED count as successful runs for Learning. */
  static boolean succeeded(ExecutionRecord e) {
    return e.status() == ExecutionStatus.SUCCEEDED;
  }
}
