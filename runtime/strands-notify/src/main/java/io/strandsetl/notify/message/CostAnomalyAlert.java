package io.strandsetl.notify.message;

import java.util.Objects;

/**
 * A run cost far more (or less) than expected.
 *
 * @param jobName the job
 * @param executionId the run; its dashboard page is linked
 * @param actualUsd what the run cost, USD
 * @param expectedUsd what it was expected to cost (e.g. the trailing median), USD
 * @param explanation one line from the anomaly detector, e.g. {@code 4.2 standard deviations above
 *     the 30-day mean}
 */
public record CostAnomalyAlert(
    String jobName, String executionId, double actualUsd, double expectedUsd, String explanation)
    implements Alert {
  public CostAnomalyAlert {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(executionId, "executionId");
    explanation = explanation == null ? "" : explanation;
  }

  @Override
  public String key() {
    return "cost-anomaly/" + executionId;
  }
}
