package io.strandsetl.model.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a caller asks to append to {@code compliance_audit}; the store assigns the sequence number
 * and the hashes (see {@link AuditEntry}).
 *
 * @param at when it happened, UTC, kept to the microsecond
 * @param actor who or what acted (agent, user, {@code strands})
 * @param action what was done (e.g. {@code pii-masked}, {@code run-recorded})
 * @param subject what it was done to (execution id, dataset, column)
 * @param details PII-free free text
 */
public record AuditEvent(Instant at, String actor, String action, String subject, String details) {
  public AuditEvent {
    at = Checks.micros(Objects.requireNonNull(at, "at"));
    Checks.text(actor, "audit actor");
    Checks.text(action, "audit action");
    Checks.text(subject, "audit subject");
    details = details == null ? "" : details;
  }
}
