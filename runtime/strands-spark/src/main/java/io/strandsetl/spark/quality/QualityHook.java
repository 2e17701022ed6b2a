package io.strandsetl.spark.quality;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.quality.DatasetReport;
import io.strandsetl.quality.FileQualityHistory;
import io.strandsetl.quality.GateResult;
import io.strandsetl.quality.HistoryPoint;
import io.strandsetl.quality.QualityHistory;
import io.strandsetl.quality.QualityReport;
import io.strandsetl.quality.QualitySettings;
import io.strandsetl.quality.QualitySpec;
import io.strandsetl.spark.run.Gate;
import io.strandsetl.spark.run.RunContext;
import io.strandsetl.spark.run.RunHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code quality} run hook: checks the sources a pipeline's {@code quality:} section declares
 * something about before the run (pre-run gate), profiles and scores every staged output before
 * publishing (post-run gate), writes {@code quality.json} into the run directory and keeps each
 * dataset's overall score and row count in the history. A gate halts when an overall score is below
 * its {@code min_score} or a critical rule fails; the runner then publishes nothing.
 *
 * <p>One instance serves one run: after it, {@link #outcome()} holds the report.
 */
public final class QualityHook implements RunHook {
  private final QualitySpec spec;
  private final QualityHistory history;
  private final Clock clock;
  private final Map<String, Dataset<Row>> sources = new LinkedHashMap<>();
  private final List<DatasetReport> reports = new ArrayList<>();
  private final List<GateResult> gates = new ArrayList<>();
  private QualityReport outcome;

  private QualityHook(QualitySpec spec, QualityHistory history, Clock clock) {
    this.spec = spec;
    this.history = history;
    this.clock = clock;
  }

  /**
   * The hook for {@code pipeline}: its {@code quality:} section over the {@code quality.*}
   * settings. History is a JSON-lines file per job under {@code quality.history-dir} (default:
   * {@code state/quality} beside the run's {@code runs/} directory).
   *
   * @throws StrandsException INVALID_PIPELINE naming the key or rule when the section is wrong
   */
  public static QualityHook forPipeline(PipelineSpec pipeline, Settings settings) {
    return new QualityHook(
        QualitySpec.forPipeline(pipeline, QualitySettings.from(settings)), null, Clock.systemUTC());
  }

  /** This hook reading earlier scores from {@code history} (e.g. {@code store::qualityHistory}). */
  public QualityHook withHistory(QualityHistory history) {
    return new QualityHook(spec, history, clock);
  }

  /** This hook with another clock (freshness and the report time are measured against it). */
  public QualityHook withClock(Clock clock) {
    return new QualityHook(spec, history, clock);
  }

  public QualitySpec spec() {
    return spec;
  }

  /** The report of the run, once the hook has run (also when a gate halted). */
  public Optional<QualityReport> outcome() {
    return Optional.ofNullable(outcome);
  }

  @Override
  public String name() {
    return "quality";
  }

  @Override
  public Gate beforeRun(RunContext context, Map<String, Dataset<Row>> sourceRows) {
    sources.putAll(sourceRows);
    List<String> checked =
        sourceRows.keySet().stream()
            .filter(n -> !spec.rulesOf(n).isEmpty() || spec.datasets().containsKey(n))
            .toList();
    if (checked.isEmpty() && spec.settings().preRunMinScore() != null) {
      checked = List.copyOf(sourceRows.keySet());
    }
    if (checked.isEmpty()) {
      return Gate.pass();
    }
    Instant now = clock.instant();
    List<DatasetReport> checkedReports = new ArrayList<>();
    for (String name : checked) {
      checkedReports.add(assess(context, name, sourceRows.get(name), "source", sources, now));
    }
    reports.addAll(checkedReports);
    GateResult gate = GateResult.judge("pre_run", spec.settings().preRunMinScore(), checkedReports);
    gates.add(gate);
    if (!gate.passed()) {
      finish(context, now);
      return Gate.halt(gate.reason());
    }
    return Gate.pass();
  }

  @Override
  public Gate beforePublish(RunContext context, Map<String, Dataset<Row>> staged) {
    Instant now = clock.instant();
    List<DatasetReport> outputs = new ArrayList<>();
    // rules on an output may reference or reconcile with sources and with other outputs
    Map<String, Dataset<Row>> all = new LinkedHashMap<>(sources);
    all.putAll(staged);
    for (var e : staged.entrySet()) {
      outputs.add(assess(context, e.getKey(), e.getValue(), "output", all, now));
    }
    reports.addAll(outputs);
    GateResult gate = GateResult.judge("post_run", spec.settings().postRunMinScore(), outputs);
    gates.add(gate);
    finish(context, now);
    return gate.passed() ? Gate.pass() : Gate.halt(gate.reason());
  }

  private DatasetReport assess(
      RunContext context,
      String name,
      Dataset<Row> rows,
      String role,
      Map<String, Dataset<Row>> others,
      Instant now) {
    QualityHistory h = history(context);
    String job = context.spec().name();
    List<HistoryPoint> previous = h.recent(job, name, spec.settings().anomaly().window());
    DatasetReport report = DatasetQuality.assess(name, rows, role, spec, others, previous, now);
    h.record(
        job,
        name,
        new HistoryPoint(context.executionId(), now, report.scores().overall(), report.rows()));
    return report;
  }

  private void finish(RunContext context, Instant now) {
    outcome =
        QualityReport.of(
            context.spec().name(),
            context.executionId(),
            now,
            reports,
            spec.settings().weights(),
            gates);
    Path file = context.runDir().resolve("quality.json");
    try {
      Files.createDirectories(context.runDir());
      Files.writeString(file, outcome.toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot write " + file + ": " + e.getMessage());
    }
  }

  /**
   * The history to compare with. Scores come from {@link #withHistory} when given (the tracking
   * store), else from the file history; row counts (which the store does not keep) always come from
   * the file history, matched by execution id, and every run is recorded there.
   */
  private QualityHistory history(RunContext context) {
    QualityHistory file = fileHistory(context);
    if (history == null) {
      return file;
    }
    QualityHistory scores = history;
    return new QualityHistory() {
      @Override
      public List<HistoryPoint> recent(String job, String dataset, int limit) {
        Map<String, Long> rows = new java.util.HashMap<>();
        for (HistoryPoint p : file.recent(job, dataset, Math.max(limit, 1) * 4)) {
          if (p.rows() != null) {
            rows.put(p.executionId(), p.rows());
          }
        }
        return scores.recent(job, dataset, limit).stream()
            .map(
                p ->
                    p.rows() != null
                        ? p
                        : new HistoryPoint(
                            p.executionId(), p.at(), p.overall(), rows.get(p.executionId())))
            .toList();
      }

      @Override
      public void record(String job, String dataset, HistoryPoint point) {
        scores.record(job, dataset, point);
        file.record(job, dataset, point);
      }
    };
  }

  private QualityHistory fileHistory(RunContext context) {
    if (spec.settings().historyDir() != null) {
      return new FileQualityHistory(Path.of(spec.settings().historyDir()));
    }
    // <data dir>/runs/<id> -> <data dir>/state/quality, beside the runner's watermarks
    Path runs = context.runDir().toAbsolutePath().getParent();
    Path dataDir = runs == null ? null : runs.getParent();
    return dataDir == null
        ? QualityHistory.none()
        : new FileQualityHistory(dataDir.resolve("state").resolve("quality"));
  }
}
