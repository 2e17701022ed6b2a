package io.strandsetl.compliance;

import io.strandsetl.compliance.policy.Regulation;
import io.strandsetl.model.finding.Severity;
import java.util.List;
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
 * @param maskedSamples when the check fails on data (PII written unmasked), up to {@value
 *     #MAX_SAMPLES} {@link io.strandsetl.compliance.pii.MaskedSample}s of what was found, each
 *     {@code sink.column: sample}; never a raw value
 */
public record CheckResult(
    String id,
    Regulation regulation,
    String title,
    CheckStatus status,
    Severity severity,
    String signal,
    String remediation,
    List<String> maskedSamples) {
  public static final int MAX_SAMPLES = 3;

  public CheckResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(regulation, "regulation");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    signal = signal == null ? "" : signal;
    remediation = remediation == null || status == CheckStatus.PASS ? "" : remediation;
    maskedSamples =
        maskedSamples == null
            ? List.of()
            : List.copyOf(maskedSamples.subList(0, Math.min(MAX_SAMPLES, maskedSamples.size())));
  }

  /** A check without samples (it did not fail on data). */
  public CheckResult(
      String id,
      Regulation regulation,
      String title,
      CheckStatus status,
      Severity severity,
      String signal,
      String remediation) {
    this(id, regulation, title, status, severity, signal, remediation, List.of());
  }

  /** The same result carrying {@code samples} (at most {@value #MAX_SAMPLES} are kept). */
  public CheckResult withMaskedSamples(List<String> samples) {
    return new CheckResult(id, regulation, title, status, severity, signal, remediation, samples);
  }

  public boolean violated() {
    return status == CheckStatus.FAIL;
  }
}
