package io.strandsetl.notify.message;

import io.strandsetl.model.store.ComplianceSummary;
import java.util.List;
import java.util.Objects;

/**
 * A run broke a compliance policy. Carries column names and counts only, never values.
 *
 * @param jobName the job
 * @param executionId the run; its dashboard page is linked
 * @param violations one line each, e.g. {@code column email: PII not masked (GDPR art. 32)}
 * @param blocked true when the output was not published because of the violation
 * @param summary the run's compliance summary; null when not available
 */
public record ComplianceViolationAlert(
    String jobName,
    String executionId,
    List<String> violations,
    boolean blocked,
    ComplianceSummary summary)
    implements Alert {
  public ComplianceViolationAlert {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(executionId, "executionId");
    violations = List.copyOf(violations);
  }

  @Override
  public String key() {
    return "compliance/" + executionId;
  }
}
