package io.strandsetl.quality;

import java.time.Instant;
import java.util.Objects;

/**
 * One earlier measurement of a dataset.
 *
 * @param overall the overall score then, or null when nothing was measured
 * @param rows its row count then, or null when unknown (the tracking store keeps scores only)
 */
public record HistoryPoint(String executionId, Instant at, Double overall, Long rows) {
  public HistoryPoint {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(at, "at");
  }
}
