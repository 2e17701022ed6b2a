package io.strandsetl.model.store;

/**
 * Compliance state of one execution. Counts are columns, never values: no PII reaches the store.
 *
 * @param classification data classification label (e.g. {@code confidential})
 */
public record ComplianceSummary(
    boolean gdprCompliant,
    boolean hipaaCompliant,
    int piiColumnsDetected,
    int piiColumnsMasked,
    boolean retentionApplied,
    boolean encryptedAtRest,
    boolean encryptedInTransit,
    boolean auditLogged,
    String classification) {
  public ComplianceSummary {
    Checks.nonNegative(piiColumnsDetected, "compliance piiColumnsDetected");
    Checks.nonNegative(piiColumnsMasked, "compliance piiColumnsMasked");
    Checks.text(classification, "compliance classification");
  }
}
