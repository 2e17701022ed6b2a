package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.SinkOutput;
import io.strandsetl.compliance.report.ComplianceAssessment;
import io.strandsetl.compliance.report.ComplianceJson;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.ComplianceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the compliance hook decided for one run.
 *
 * @param executionId the run
 * @param assessment PII per dataset and column, masking, checks, score, status, risk
 * @param halted true when publishing was stopped ({@code on-violation: block} and a violation)
 * @param reason one line, why it was halted; null when not halted
 * @param registered the outputs to register in the audit trail ({@link OutputRegistry}); empty when
 *     halted
 * @param retentionCutoff rows older than this (by the retention column) were not written; null when
 *     no retention is declared
 */
public record ComplianceOutcome(
    String executionId,
    ComplianceAssessment assessment,
    boolean halted,
    String reason,
    List<RegisteredOutput> registered,
    Instant retentionCutoff) {
  /** The actor of the audit events this hook writes. */
  public static final String ACTOR = "strands-compliance";

  public ComplianceOutcome {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(assessment, "assessment");
    registered = registered == null ? List.of() : List.copyOf(registered);
  }

  public ComplianceOutcome(
      String executionId, ComplianceAssessment assessment, boolean halted, String reason) {
    this(executionId, assessment, halted, reason, List.of(), null);
  }

  /** The store's summary (job_executions.compliance). */
  public ComplianceSummary summary() {
    return assessment.summary();
  }

  /** Rows dropped as expired before writing, over every output (0 when not enforced). */
  public long expiredRowsDropped() {
    return assessment.input().outputs().stream()
        .map(SinkOutput::expiredDropped)
        .filter(Objects::nonNull)
        .mapToLong(Long::longValue)
        .sum();
  }

  /**
   * Audit events to append with the run (RunRecord.audit): PII found per dataset, masked columns,
   * every check, the verdict and the block, the expired rows dropped per output ({@code
   * expired-dropped}) and one {@code output-registered} per published output. PII-free.
   */
  public List<AuditEvent> auditEvents() {
    List<AuditEvent> events = new ArrayList<>(assessment.auditEvents(ACTOR, executionId));
    Instant at = assessment.assessedAt();
    for (SinkOutput o : assessment.input().outputs()) {
      if (o.expiredDropped() != null) {
        events.add(
            new AuditEvent(
                at,
                ACTOR,
                "expired-dropped",
                executionId + "/sink/" + o.sink(),
                "rows="
                    + o.expiredDropped()
                    + " cutoff="
                    + retentionCutoff
                    + " column="
                    + assessment.input().policy().retentionColumn()));
      }
    }
    for (RegisteredOutput r : registered) {
      events.add(OutputRegistry.event(r, ACTOR));
    }
    return events;
  }

  /** The compliance.json document. */
  public String json() {
    return ComplianceJson.write(assessment, executionId);
  }

  /** Short text for a terminal: status line, PII by column, masking, failed checks. */
  public String text() {
    return ComplianceText.render(assessment);
  }
}
