package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.report.ComplianceAssessment;
import io.strandsetl.compliance.report.ComplianceJson;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.ComplianceSummary;
import java.util.List;
import java.util.Objects;

/**
 * What the compliance hook decided for one run.
 *
 * @param executionId the run
 * @param assessment PII per dataset and column, masking, checks, score, status, risk
 * @param halted true when publishing was stopped ({@code on-violation: block} and a violation)
 * @param reason one line, why it was halted; null when not halted
 */
public record ComplianceOutcome(
    String executionId, ComplianceAssessment assessment, boolean halted, String reason) {
  /** The actor of the audit events this hook writes. */
  public static final String ACTOR = "strands-compliance";

  public ComplianceOutcome {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(assessment, "assessment");
  }

  /** The store's summary (job_executions.compliance). */
  public ComplianceSummary summary() {
    return assessment.summary();
  }

  /**
   * Audit events to append with the run (RunRecord.audit): PII found per dataset, masked columns,
   * every check, the verdict and the block. PII-free.
   */
  public List<AuditEvent> auditEvents() {
    return assessment.auditEvents(ACTOR, executionId);
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
