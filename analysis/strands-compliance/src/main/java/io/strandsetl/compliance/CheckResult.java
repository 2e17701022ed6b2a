package io.strandsetl.compliance;

import io.strandsetl.compliance.policy.Regulation;
import io.strandsetl.model.finding.Severity;
import java.util.Objects;

/**
 * One GDPR or HIPAA check, computed from the data findings and the declared policy.
 *
 * @param id stable id, e.g. {@code gdpr.data-minimisation}
 * @param regulation the regulation it belongs to
 * @param title short name, e.g. {@code Data minimisation}
 * @param status outcome
 * @param severity weight of a failure (score and status use it)
 * @param signal what was measured and found, PII-free (column names, counts, declared keys)
 * @param remediation what to do when it does not pass; empty when it passes
 */
public record CheckResult(
    String id,
    Regulation regulation,
    String title,
    CheckStatus status,
    Severity severity,
    String signal,
    String remediation) {
  public CheckResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(regulation, "regulation");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    signal = signal == null ? "" : signal;
    remediation = remediation == null || status == CheckStatus.PASS ? "" : remediation;
  }

  public boolean violated() {
    return status == CheckStatus.FAIL;
  }
}
