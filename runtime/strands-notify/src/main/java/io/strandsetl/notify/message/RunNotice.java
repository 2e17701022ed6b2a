package io.strandsetl.notify.message;

import io.strandsetl.model.store.ExecutionRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything the run message shows: the execution record plus what the record does not carry. Start
 * with {@link #of(ExecutionRecord)} and add parts with the {@code with…} methods, so new optional
 * parts can be added without breaking callers.
 *
 * @param execution the finished run, as stored
 * @param runDirectory where the run's files are (shown in the message; the {@code file} sender
 *     writes its {@code .eml} there); null when unknown
 * @param platformCosts what the run would cost on each platform, in the cost engine's order; empty
 *     when not compared
 * @param recommendations recommendations with estimated savings, best first; when empty the
 *     record's one-line recommendations are shown without savings
 * @param failedStep the pipeline step that failed (a source, transform or sink name); null when
 *     unknown or the run did not fail
 * @param completedSteps steps that finished before the failure, in run order
 */
public record RunNotice(
    ExecutionRecord execution,
    Path runDirectory,
    List<PlatformCost> platformCosts,
    List<SavingRecommendation> recommendations,
    String failedStep,
    List<String> completedSteps) {
  public RunNotice {
    Objects.requireNonNull(execution, "execution");
    platformCosts = List.copyOf(platformCosts);
    recommendations = List.copyOf(recommendations);
    completedSteps = List.copyOf(completedSteps);
  }

  public static RunNotice of(ExecutionRecord execution) {
    return new RunNotice(execution, null, List.of(), List.of(), null, List.of());
  }

  public RunNotice withRunDirectory(Path directory) {
    return new RunNotice(
        execution, directory, platformCosts, recommendations, failedStep, completedSteps);
  }

  public RunNotice withPlatformCosts(List<PlatformCost> costs) {
    return new RunNotice(
        execution, runDirectory, costs, recommendations, failedStep, completedSteps);
  }

  public RunNotice withRecommendations(List<SavingRecommendation> ranked) {
    return new RunNotice(
        execution, runDirectory, platformCosts, ranked, failedStep, completedSteps);
  }

  /** The failed step and the steps that still ran before it. */
  public RunNotice withFailure(String step, List<String> completed) {
    return new RunNotice(execution, runDirectory, platformCosts, recommendations, step, completed);
  }
}
