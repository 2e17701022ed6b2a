package io.strandsetl.agents.learning;

import io.strandsetl.agents.schema.Description;
import java.util.ArrayList;
import java.util.List;

/**
 * What applied recommendations did: a run that applied configuration (autotune) against the job's
 * previous successful run. Changes are percent of the before value (negative = better). Input sizes
 * are shown so that a reader can tell whether the two runs are comparable.
 */
public record RecommendationEffect(
    String beforeExecutionId,
    String afterExecutionId,
    @Description("configuration applied, one line each") List<String> applied,
    @Description(value = "duration before", unit = "ms") long beforeDurationMs,
    @Description(value = "duration after", unit = "ms") long afterDurationMs,
    @Description(value = "duration change", unit = "percent") double durationChangePercent,
    @Description(value = "cost before", unit = "USD") double beforeCostUsd,
    @Description(value = "cost after", unit = "USD") double afterCostUsd,
    @Description(value = "cost change, null when not priced", unit = "percent", optional = true)
        Double costChangePercent,
    @Description(value = "input before", unit = "bytes") long beforeInputBytes,
    @Description(value = "input after", unit = "bytes") long afterInputBytes) {

  /** Effects of every run in {@code runs} (one job, oldest first) that applied something. */
  static List<RecommendationEffect> of(List<RunFeatures> runs) {
    List<RecommendationEffect> effects = new ArrayList<>();
    for (int i = 1; i < runs.size(); i++) {
      RunFeatures after = runs.get(i);
      if (after.optimisationsApplied().isEmpty()) {
        continue;
      }
      RunFeatures before = runs.get(i - 1);
      effects.add(between(before, after));
    }
    return effects;
  }

  static RecommendationEffect between(RunFeatures before, RunFeatures after) {
    return new RecommendationEffect(
        before.executionId(),
        after.executionId(),
        after.optimisationsApplied(),
        before.durationMs(),
        after.durationMs(),
        change(before.durationMs(), after.durationMs()),
        before.costUsd(),
        after.costUsd(),
        before.costUsd() > 0 ? change(before.costUsd(), after.costUsd()) : null,
        before.inputBytes(),
        after.inputBytes());
  }

  static double change(double before, double after) {
    return before == 0 ? 0 : Similarity.round(100 * (after - before) / before);
  }
}
