package io.strandsetl.compliance.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code compliance:} section of a pipeline, typed. Parse with {@link PolicyParser#parse}. An
 * empty section is {@link #none()}: nothing declared, checks still run on what the data shows.
 *
 * @param regulations regulations whose checks apply (GDPR when none is declared)
 * @param onViolation block publishing or only warn when a check fails
 * @param legalBasis declared GDPR Art. 6 basis, or null
 * @param consentColumn column holding each subject's consent, or null
 * @param retention how long outputs may be kept, or null when not declared
 * @param retentionColumn column by which rows older than {@code retention} are found, or null
 * @param erasureKey column that identifies a data subject (erasure and export), or null
 * @param breachContact e-mail address alerted on a breach, or null
 * @param encryptionAtRest true when outputs are declared stored encrypted
 * @param accessControl roles or groups allowed to read the outputs (empty when not declared)
 * @param auditLogging true when every compliance action must be written to the audit trail
 * @param columns per-column purpose and masking, in declaration order
 */
public record CompliancePolicy(
    Set<Regulation> regulations,
    OnViolation onViolation,
    LegalBasis legalBasis,
    String consentColumn,
    Duration retention,
    String retentionColumn,
    String erasureKey,
    String breachContact,
    boolean encryptionAtRest,
    List<String> accessControl,
    boolean auditLogging,
    Map<String, ColumnPolicy> columns) {
  public CompliancePolicy {
    regulations =
        regulations == null || regulations.isEmpty()
            ? Set.of(Regulation.GDPR)
            : Set.copyOf(regulations);
    onViolation = onViolation == null ? OnViolation.WARN : onViolation;
    accessControl = accessControl == null ? List.of() : List.copyOf(accessControl);
    columns =
        columns == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  public static CompliancePolicy none() {
    return new CompliancePolicy(
        null, null, null, null, null, null, null, null, false, null, false, null);
  }

  public boolean applies(Regulation regulation) {
    return regulations.contains(regulation);
  }

  public Optional<ColumnPolicy> column(String name) {
    return Optional.ofNullable(columns.get(name));
  }

  /** Columns with a masking method, in declaration order. */
  public Map<String, ColumnPolicy> maskedColumns() {
    Map<String, ColumnPolicy> masked = new LinkedHashMap<>();
    columns.forEach(
        (name, c) -> {
          if (c.mask() != null) {
            masked.put(name, c);
          }
        });
    return masked;
  }
}
