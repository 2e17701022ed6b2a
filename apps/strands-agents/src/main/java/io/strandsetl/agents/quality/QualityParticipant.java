package io.strandsetl.agents.quality;

import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.supervisor.Contribution;
import io.strandsetl.agents.supervisor.RunParticipant;
import io.strandsetl.agents.supervisor.RunState;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.quality.DatasetReport;
import io.strandsetl.quality.QualityHistory;
import io.strandsetl.quality.QualityReport;
import io.strandsetl.quality.QualityTrends;
import io.strandsetl.spark.quality.QualityHook;
import io.strandsetl.spark.run.RunHook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Quality agent's policy for a run: the quality hook scores every staged output inside the run
 * (and halts it when a critical rule fails); afterwards the agent reads the hook's report and, for
 * each output whose score dropped or that shows anomalies, asks for the dataset's stored trend.
 * Runs are sequential in one JVM (one SparkSession per run), so one hook at a time is kept.
 */
public final class QualityParticipant implements RunParticipant {
  private final Settings settings;
  private final Supplier<TrackingStore> store;
  private final Clock clock;
  private volatile QualityHook hook;

  public QualityParticipant(Settings settings, Supplier<TrackingStore> store, Clock clock) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String name() {
    return QualityAgent.NAME;
  }

  @Override
  public List<RunHook> hooks(PipelineSpec spec) {
    TrackingStore s = store.get();
    hook =
        QualityHook.forPipeline(spec, settings)
            .withHistory(QualityHistory.fromEntries(s::qualityHistory))
            .withClock(clock);
    return List.of(hook);
  }

  @Override
  public Contribution onRun(RunState run, AgentInvoker tools) {
    QualityHook h = hook;
    Optional<QualityReport> report = h == null ? Optional.empty() : h.outcome();
    if (report.isEmpty()) {
      return Contribution.of(
          new Conclusion(
              name(),
              Conclusion.Status.SKIPPED,
              run.spec() == null
                  ? "no pipeline outputs to score"
                  : "no staged output was scored (the run stopped before publishing)",
              Map.of(),
              0));
    }
    QualityReport r = report.get();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("scores", r.scores());
    List<String> attention = new ArrayList<>();
    List<QualityTrends.TrendReport> trends = new ArrayList<>();
    for (DatasetReport d : r.datasets()) {
      if ("output".equals(d.role())
          && (!d.anomalies().isEmpty()
              || d.checksFailed() > 0
              || !d.criticalFailures().isEmpty())) {
        attention.add(d.dataset());
        trends.add(
            tools.call(
                name(),
                "quality_trend",
                new QualityAgent.TrendInput(run.jobName(), d.dataset()),
                QualityTrends.TrendReport.class));
      }
    }
    details.put("datasets", r.datasets());
    details.put("gates", r.gates());
    // Skip the report's own headline: the conclusion's summary already says it.
    details.put(Conclusion.LINES, r.toText().lines().skip(1).toList());
    if (!trends.isEmpty()) {
      details.put("trends", trends);
    }
    String summary =
        QualityReport.line(r.scores())
            + (r.halted().isPresent() ? "; HALTED: " + r.halted().get() : "")
            + (attention.isEmpty() ? "" : "; needs attention: " + String.join(", ", attention));
    return new Contribution(
        Conclusion.done(name(), summary, details),
        null,
        r.summary().orElse(null),
        null,
        r.historyEntries(),
        List.of(),
        Map.of());
  }
}
