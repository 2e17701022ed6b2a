package io.strandsetl.agents.learning;

import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Stored executions for tests: a job's run with given input, duration and cost. */
public final class Runs {
  private Runs() {}

  public static ExecutionRecord run(
      String id,
      String job,
      Instant start,
      long inputBytes,
      long durationMs,
      double costUsd,
      List<String> applied) {
    ExecutionMetrics m =
        new ExecutionMetrics(
            0,
            0,
            0,
            0,
            0,
            inputBytes * 2,
            inputBytes,
            inputBytes / 4,
            inputBytes,
            inputBytes,
            0,
            0);
    return new ExecutionRecord(
        id,
        job,
        JobType.PIPELINE,
        "local",
        ExecutionStatus.SUCCEEDED,
        start,
        start.plus(Duration.ofMillis(durationMs)),
        null,
        null,
        m,
        costUsd > 0 ? new CostBreakdown(costUsd, costUsd, 0, 0, 0, 0, 0) : null,
        null,
        null,
        List.of(),
        List.of(),
        applied,
        null,
        List.of(),
        Map.of(
            RunFeatures.TAG_PREFIX + "stages", "4",
            RunFeatures.TAG_PREFIX + "tasks", Long.toString(Math.max(1, inputBytes >> 24)),
            RunFeatures.TAG_PREFIX + "allocated-core-ms", Long.toString(durationMs * 2)),
        null);
  }
}
