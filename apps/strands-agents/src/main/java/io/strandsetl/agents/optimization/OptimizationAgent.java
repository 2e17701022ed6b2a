package io.strandsetl.agents.optimization;

import io.strandsetl.agents.learning.RunFeatures;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import io.strandsetl.engine.analyze.AnalyzeService;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.TrackingStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Wraps the detectors ({@link AnalyzeService}, the one analysis path) and adds configuration advice
 * from the measured run ({@link ConfigAdvisor}). The advice is stored with the execution as tags
 * {@code optimization.advice.<spark property>}, which {@code strands run --autotune} applies to the
 * next run of the same job.
 */
public final class OptimizationAgent implements Agent {
  public static final String NAME = "optimization";
  public static final String ADVICE_TAG_PREFIX = "optimization.advice.";

  private final Settings settings;
  private final Supplier<TrackingStore> store;
  private final ConfigAdvisor advisor;

  /** Reports already analysed in this process, by event-log path (the runner's own analysis). */
  private final Map<String, AnalysisReport> analysed = new ConcurrentHashMap<>();

  public OptimizationAgent(Settings settings, Supplier<TrackingStore> store) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.advisor = new ConfigAdvisor(settings);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String purpose() {
    return "Finds what costs time and money in a run (the detectors) and advises Spark"
        + " configuration for the next run from the measured run.";
  }

  @Override
  public List<Tool<?, ?>> tools() {
    return List.of(
        Tool.of(
            "detect_issues",
            "Runs every detector over a Spark event log (file, rolling directory or run"
                + " directory's eventlog/) and lists the issues with their fixes and impact.",
            EventLogInput.class,
            IssuesOutput.class,
            this::detectIssues),
        Tool.of(
            "recommend_config",
            "Spark configuration for the next run from the measured run: shuffle partitions,"
                + " executor memory and count, broadcast threshold, each with its rule and evidence.",
            EventLogInput.class,
            ConfigAdvice.class,
            in -> advisor.advise(report(in.eventLog()))),
        Tool.of(
            "compare_runs",
            "Two stored executions side by side: duration, cost, bytes, issues that appeared or"
                + " went away, configuration that differs.",
            CompareRunsInput.class,
            RunComparison.class,
            this::compareRuns));
  }

  public record EventLogInput(
      @Description("path of an event-log file, a rolling directory or a directory of logs")
          String eventLog) {}

  public record Issue(
      String type,
      String severity,
      String title,
      @Description("what to do") String recommendation,
      @Description("Spark properties the fix sets") Map<String, String> config,
      @Description(value = "estimated time saved", unit = "s", optional = true)
          Double timeSavedSeconds,
      @Description(value = "estimated core time saved", unit = "core-seconds", optional = true)
          Double coreSecondsSaved) {
    static Issue of(Finding f) {
      return new Issue(
          f.type(),
          f.severity().name(),
          f.title(),
          f.recommendation().summary(),
          f.recommendation().config(),
          f.impact() == null ? null : f.impact().timeSavedSeconds(),
          f.impact() == null ? null : f.impact().coreSecondsSaved());
    }
  }

  public record IssuesOutput(
      @Description("what was analysed") String source,
      @Description("most severe first") List<Issue> issues,
      @Description("detectors that failed, one line each") List<String> detectorFailures) {}

  public record CompareRunsInput(String beforeExecutionId, String afterExecutionId) {}

  public record Delta(
      String metric,
      String unit,
      double before,
      double after,
      @Description(
              value = "(after - before) / before, null when before is 0",
              unit = "percent",
              optional = true)
          Double changePercent) {}

  public record RunComparison(
      String beforeExecutionId,
      String afterExecutionId,
      List<Delta> deltas,
      @Description("issue types only in the after run") List<String> newIssues,
      @Description("issue types only in the before run") List<String> resolvedIssues,
      @Description("learning.* configuration tags that differ: key -> before -> after")
          Map<String, String> configChanges,
      @Description("configuration the after run applied") List<String> optimisationsApplied) {}

  /** Lets the Supervisor hand over the runner's own analysis (no second read of the log). */
  public void remember(String eventLog, AnalysisReport report) {
    if (eventLog != null && report != null) {
      analysed.put(eventLog, report);
    }
  }

  /** Advice from an analysed run (the flow's entry; the tool reads an event log). */
  public ConfigAdvice advise(AnalysisReport report) {
    return advisor.advise(report);
  }

  /** The analysis of the run in {@code eventLog}: remembered, or read now with the detectors. */
  public AnalysisReport report(String eventLog) {
    if (eventLog == null || eventLog.isBlank()) {
      throw new StrandsException(ErrorCode.INVALID_ARGUMENT, "Invalid eventLog: '' (required)");
    }
    AnalysisReport cached = analysed.get(eventLog);
    if (cached != null) {
      return cached;
    }
    List<AnalysisReport> reports =
        new AnalyzeService(EventLogReader.withDefaults(), settings, Set.of())
            .analyze(Path.of(eventLog));
    if (reports.isEmpty()) {
      throw new StrandsException(
          ErrorCode.NOT_AN_EVENT_LOG, "Invalid eventLog: " + eventLog + " (no event log found)");
    }
    return reports.get(0);
  }

  /** Advice from the run in {@code eventLog} (read once per process). */
  public ConfigAdvice advise(String eventLog) {
    return advisor.advise(report(eventLog));
  }

  /** The issues of the run in an event log (the detect_issues tool's function). */
  public IssuesOutput detectIssues(EventLogInput in) {
    AnalysisReport report = report(in.eventLog());
    List<String> failures = new ArrayList<>();
    if (report.run() != null && report.run().diagnostics() != null) {
      report.run().diagnostics().warnings().stream()
          .filter(w -> w.startsWith("detector "))
          .forEach(failures::add);
    }
    return new IssuesOutput(
        report.source(), report.findings().stream().map(Issue::of).toList(), failures);
  }

  RunComparison compareRuns(CompareRunsInput in) {
    ExecutionRecord before = find(in.beforeExecutionId());
    ExecutionRecord after = find(in.afterExecutionId());
    RunFeatures b = RunFeatures.of(before);
    RunFeatures a = RunFeatures.of(after);
    List<Delta> deltas = new ArrayList<>();
    deltas.add(delta("duration", "ms", b.durationMs(), a.durationMs()));
    deltas.add(delta("cost", "USD", b.costUsd(), a.costUsd()));
    deltas.add(delta("input", "bytes", b.inputBytes(), a.inputBytes()));
    deltas.add(delta("shuffle", "bytes", b.shuffleBytes(), a.shuffleBytes()));
    deltas.add(delta("output", "bytes", b.outputBytes(), a.outputBytes()));
    deltas.add(delta("tasks", "tasks", b.tasks(), a.tasks()));
    Set<String> bi = issueTypes(before);
    Set<String> ai = issueTypes(after);
    Map<String, String> config = new LinkedHashMap<>();
    Map<String, String> bt = new TreeMap<>(before.tags());
    Map<String, String> at = new TreeMap<>(after.tags());
    Set<String> keys = new TreeSet<>(bt.keySet());
    keys.addAll(at.keySet());
    for (String k : keys) {
      if (k.startsWith(RunFeatures.TAG_PREFIX + "shuffle-partitions")
          || k.startsWith(RunFeatures.TAG_PREFIX + "broadcast")) {
        String x = bt.getOrDefault(k, "unset");
        String y = at.getOrDefault(k, "unset");
        if (!x.equals(y)) {
          config.put(k.substring(RunFeatures.TAG_PREFIX.length()), x + " -> " + y);
        }
      }
    }
    return new RunComparison(
        before.executionId(),
        after.executionId(),
        deltas,
        ai.stream().filter(t -> !bi.contains(t)).toList(),
        bi.stream().filter(t -> !ai.contains(t)).toList(),
        config,
        after.optimisationsApplied());
  }

  static Delta delta(String metric, String unit, double before, double after) {
    return new Delta(
        metric,
        unit,
        before,
        after,
        before == 0 ? null : Math.round(10_000 * (after - before) / before) / 100.0);
  }

  private static Set<String> issueTypes(ExecutionRecord e) {
    Set<String> types = new TreeSet<>();
    for (DetectedIssue i : e.issues()) {
      types.add(i.type());
    }
    return types;
  }

  private ExecutionRecord find(String id) {
    if (id == null || id.isBlank()) {
      throw new StrandsException(ErrorCode.INVALID_ARGUMENT, "Invalid executionId: '' (required)");
    }
    return store
        .get()
        .findExecution(id)
        .orElseThrow(
            () ->
                new StrandsException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Invalid executionId: '" + id + "' (not in the tracking store)"));
  }

  /** The advice as execution tags ({@code optimization.advice.<property>}). */
  public static Map<String, String> adviceTags(ConfigAdvice advice) {
    Map<String, String> tags = new TreeMap<>();
    advice.asConf().forEach((k, v) -> tags.put(ADVICE_TAG_PREFIX + k, v));
    return tags;
  }

  /** The advice stored with an execution, as Spark properties, sorted. */
  public static Map<String, String> storedAdvice(ExecutionRecord execution) {
    Map<String, String> conf = new TreeMap<>();
    execution
        .tags()
        .forEach(
            (k, v) -> {
              if (k.startsWith(ADVICE_TAG_PREFIX)) {
                conf.put(k.substring(ADVICE_TAG_PREFIX.length()), v);
              }
            });
    return conf;
  }
}
