package io.strandsetl.agents.learning;

import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.TrackingStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Learns from the job history in the tracking store: features per run, similar runs, predictions of
 * the next run with their measured error, regressions against the baseline and the effect of
 * applied recommendations. Deterministic; no language model.
 */
public final class LearningAgent implements Agent {
  public static final String NAME = "learning";
  static final int HISTORY_LIMIT = 500;

  private final Supplier<TrackingStore> store;

  public LearningAgent(Supplier<TrackingStore> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String purpose() {
    return "Learns from past runs: features, similar runs, predictions of duration, cost and bytes"
        + " with their error, regressions and the effect of applied recommendations.";
  }

  @Override
  public List<Tool<?, ?>> tools() {
    return List.of(
        Tool.of(
            "record_run",
            "Features of a finished run compared with its job's history: regressions against the"
                + " baseline, the nearest past runs, what the history predicted for it and the effect"
                + " of applied configuration. The Supervisor stores the run afterwards.",
            RecordRunInput.class,
            RecordRunOutput.class,
            this::recordRun),
        Tool.of(
            "similar_runs",
            "The stored runs nearest to one execution by normalised distance over log-scaled"
                + " sizes, stages, tasks, joins and duration.",
            SimilarRunsInput.class,
            SimilarRunsOutput.class,
            this::similarRuns),
        Tool.of(
            "predict_run",
            "Predicted duration, cost, output and shuffle bytes of a job's next run, each with its"
                + " leave-one-out error on the job's past runs.",
            PredictRunInput.class,
            PredictRunOutput.class,
            this::predictRun),
        Tool.of(
            "recommendation_effects",
            "Before/after duration and cost of every run of a job that applied configuration"
                + " (autotune).",
            JobInput.class,
            EffectsOutput.class,
            in -> new EffectsOutput(RecommendationEffect.of(successfulHistory(in.jobName())))));
  }

  // ---- inputs and outputs ----

  public record RecordRunInput(@Description("the finished run") RunFeatures run) {}

  public record RecordRunOutput(
      RunFeatures run,
      @Description("this run against the job's baseline, duration then cost")
          List<Regression> regressions,
      @Description("nearest past runs of any job") List<SimilarRun> similar,
      @Description("what the history before this run predicted for it, with the actual value")
          List<PredictionCheck> predictedBefore,
      @Description(value = "effect of configuration applied to this run", optional = true)
          RecommendationEffect effect,
      @Description(value = "this run against the job's previous successful run", optional = true)
          RecommendationEffect previous) {}

  /** A prediction made from the history before a run, against what the run measured. */
  public record PredictionCheck(
      Prediction prediction,
      @Description("the run's measured value") double actual,
      @Description(value = "|predicted - actual| / actual", unit = "percent", optional = true)
          Double errorPercent) {}

  public record SimilarRunsInput(
      String executionId,
      @Description(value = "at most this many, default 5", optional = true) Integer limit,
      @Description(value = "only runs of the same job, default false", optional = true)
          Boolean sameJob) {}

  public record SimilarRunsOutput(
      RunFeatures run,
      List<SimilarRun> similar,
      @Description("features of the distance, each z-scored") List<String> features) {}

  public record PredictRunInput(
      String jobName,
      @Description(
              value = "input size of the next run; default the last run's",
              unit = "bytes",
              optional = true)
          Long inputBytes) {}

  public record PredictRunOutput(
      String jobName,
      @Description(value = "input size the prediction is for", unit = "bytes") long inputBytes,
      List<Prediction> predictions) {}

  public record JobInput(String jobName) {}

  public record EffectsOutput(List<RecommendationEffect> effects) {}

  // ---- tools ----

  RecordRunOutput recordRun(RecordRunInput in) {
    RunFeatures run = Objects.requireNonNull(in.run(), "run");
    List<RunFeatures> previous =
        successfulHistory(run.jobName()).stream()
            .filter(r -> !r.executionId().equals(run.executionId()))
            .filter(r -> !r.startedAt().isAfter(run.startedAt()))
            .toList();
    List<Regression> regressions = new ArrayList<>();
    if (run.status() == ExecutionStatus.SUCCEEDED) {
      regressions.add(
          Regression.check("duration", "ms", run, previous, r -> (double) r.durationMs()));
      if (run.costUsd() > 0) {
        regressions.add(Regression.check("cost", "USD", run, previous, RunFeatures::costUsd));
      }
    }
    List<RunFeatures> all = features(ExecutionQuery.all().withLimit(HISTORY_LIMIT));
    List<SimilarRun> similar = Similarity.nearest(run, all, 5);
    List<PredictionCheck> checks = new ArrayList<>();
    for (Prediction p : predictions(previous, run.inputBytes())) {
      double actual = actual(p.target(), run);
      Double error =
          p.value() == null || actual <= 0
              ? null
              : Similarity.round(100 * Math.abs(p.value() - actual) / actual);
      checks.add(new PredictionCheck(p, actual, error));
    }
    RecommendationEffect vsPrevious =
        previous.isEmpty()
            ? null
            : RecommendationEffect.between(previous.get(previous.size() - 1), run);
    // The same comparison, read as the effect of the optimisations this run applied.
    RecommendationEffect effect = run.optimisationsApplied().isEmpty() ? null : vsPrevious;
    return new RecordRunOutput(run, regressions, similar, checks, effect, vsPrevious);
  }

  SimilarRunsOutput similarRuns(SimilarRunsInput in) {
    ExecutionRecord target =
        store
            .get()
            .findExecution(in.executionId())
            .orElseThrow(
                () ->
                    new StrandsException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Invalid executionId: '"
                            + in.executionId()
                            + "' (not in the tracking store; see `strands history`)"));
    ExecutionQuery query = ExecutionQuery.all().withLimit(HISTORY_LIMIT);
    if (Boolean.TRUE.equals(in.sameJob())) {
      query = query.withJob(target.jobName());
    }
    int limit = in.limit() == null ? 5 : in.limit();
    if (limit < 1) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid limit: " + limit + " (must be >= 1)");
    }
    RunFeatures run = RunFeatures.of(target);
    return new SimilarRunsOutput(
        run, Similarity.nearest(run, features(query), limit), Similarity.FEATURES);
  }

  /** Predictions of the next run of {@code jobName} (the Decision agent's input). */
  public PredictRunOutput predictRun(PredictRunInput in) {
    List<RunFeatures> history = successfulHistory(in.jobName());
    long input =
        in.inputBytes() != null
            ? in.inputBytes()
            : history.isEmpty() ? 0 : history.get(history.size() - 1).inputBytes();
    return new PredictRunOutput(in.jobName(), input, predictions(history, input));
  }

  static List<Prediction> predictions(List<RunFeatures> history, long inputBytes) {
    return List.of(
        Predictor.predict("duration", "ms", history, r -> (double) r.durationMs(), inputBytes),
        Predictor.predict("cost", "USD", history, RunFeatures::costUsd, inputBytes),
        Predictor.predict("output", "bytes", history, r -> (double) r.outputBytes(), inputBytes),
        Predictor.predict("shuffle", "bytes", history, r -> (double) r.shuffleBytes(), inputBytes),
        Predictor.predict(
            "core-time", "core-ms", history, r -> (double) r.allocatedCoreMs(), inputBytes));
  }

  private static double actual(String target, RunFeatures run) {
    return switch (target) {
      case "duration" -> run.durationMs();
      case "cost" -> run.costUsd();
      case "output" -> run.outputBytes();
      case "shuffle" -> run.shuffleBytes();
      case "core-time" -> run.allocatedCoreMs();
      default -> 0;
    };
  }

  /** The job's successful runs in the store, oldest first. */
  public List<RunFeatures> successfulHistory(String jobName) {
    if (jobName == null || jobName.isBlank()) {
      throw new StrandsException(ErrorCode.INVALID_ARGUMENT, "Invalid jobName: '' (required)");
    }
    return features(
            ExecutionQuery.all()
                .withJob(jobName)
                .withStatus(ExecutionStatus.SUCCEEDED)
                .withLimit(HISTORY_LIMIT))
        .stream()
        .sorted(
            Comparator.comparing(RunFeatures::startedAt).thenComparing(RunFeatures::executionId))
        .toList();
  }

  private List<RunFeatures> features(ExecutionQuery query) {
    return store.get().listExecutions(query).stream().map(RunFeatures::of).toList();
  }
}
