package io.strandsetl.model.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code data_quality_history}: the quality of one dataset written by one execution.
 *
 * @param at when it was measured, UTC
 * @param anomalies one line each, in detection order
 */
public record QualityHistoryEntry(
    String executionId,
    String jobName,
    String dataset,
    Instant at,
    QualityScores scores,
    QualityTrend trend,
    List<String> anomalies) {
  public QualityHistoryEntry {
    Checks.text(executionId, "quality executionId");
    Checks.text(jobName, "quality jobName");
    Checks.text(dataset, "quality dataset");
    at = Checks.micros(Objects.requireNonNull(at, "at"));
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(trend, "trend");
    anomalies = Checks.list(anomalies, "quality anomalies");
  }
}
