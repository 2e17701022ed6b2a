package io.strandsetl.compliance.report;

import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.CheckStatus;
import io.strandsetl.compliance.ComplianceInput;
import io.strandsetl.compliance.PiiInventory;
import io.strandsetl.compliance.PiiInventory.OutputColumn;
import io.strandsetl.compliance.SinkOutput;
import io.strandsetl.compliance.classify.Classification;
import io.strandsetl.compliance.classify.Sensitivity;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.policy.OnViolation;
import io.strandsetl.compliance.policy.Regulation;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.ComplianceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The compliance outcome of one run (or one ad-hoc check): what PII was found where, what was
 * masked, every check, the score, status, risk and what to do. PII-free by construction: it holds
 * column names, counts and masked samples only.
 *
 * @param input what the checks read
 * @param inventory personal-data columns derived from the input
 * @param checks GDPR then HIPAA checks
 * @param assessedAt when the checks ran (UTC)
 */
public record ComplianceAssessment(
    ComplianceInput input, PiiInventory inventory, List<CheckResult> checks, Instant assessedAt) {
  public ComplianceAssessment {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(inventory, "inventory");
    checks = List.copyOf(checks);
    Objects.requireNonNull(assessedAt, "assessedAt");
  }

  public int score() {
    return Scoring.score(checks);
  }

  public ComplianceStatus status() {
    return Scoring.status(checks);
  }

  public RiskLevel risk() {
    return Scoring.risk(checks);
  }

  public List<CheckResult> violations() {
    return checks.stream().filter(CheckResult::violated).toList();
  }

  /** True when the policy says block and a check failed: the outputs must not be published. */
  public boolean blocksPublishing() {
    return input.policy().onViolation() == OnViolation.BLOCK && !violations().isEmpty();
  }

  /** Remediation steps of failed then warned checks, most severe first. */
  public List<String> remediation() {
    return checks.stream()
        .filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.WARN)
        .sorted(
            Comparator.comparing((CheckResult c) -> c.status() == CheckStatus.WARN)
                .thenComparing(c -> -Scoring.weight(c.severity())))
        .map(c -> c.title() + ": " + c.remediation())
        .toList();
  }

  public Sensitivity classification() {
    return inventory.classification();
  }

  /** One line, e.g. {@code non-compliant (score 62, risk critical): 2 violation(s)}. */
  public String headline() {
    return status().id()
        + " (score "
        + score()
        + ", risk "
        + risk().id()
        + "): "
        + violations().size()
        + " violation(s), "
        + inventory.outputColumns().size()
        + " personal-data column(s) written, "
        + inventory.masked().size()
        + " masked";
  }

  /** The store's summary row of this assessment. */
  public ComplianceSummary summary() {
    boolean gdpr = passes(Regulation.GDPR);
    boolean hipaa = passes(Regulation.HIPAA);
    boolean retention =
        checks.stream()
            .anyMatch(
                c -> c.id().equals("gdpr.storage-limitation") && c.status() == CheckStatus.PASS);
    // What the files showed wins over the declaration; a format that cannot be inspected (CSV,
    // JSON) falls back to the declaration or the writer options.
    boolean declared = input.policy().encryptionAtRest();
    boolean encrypted =
        input.outputs().isEmpty()
            ? declared
            : input.outputs().stream()
                .allMatch(
                    o ->
                        o.encryption().encrypted() != null
                            ? o.encryption().encrypted()
                            : declared || o.encryptedByOptions());
    int detected =
        (int)
            inventory.outputColumns().stream()
                .map(c -> c.sink() + "." + c.column())
                .distinct()
                .count();
    int masked = inventory.masked().size();
    return new ComplianceSummary(
        gdpr,
        hipaa,
        detected,
        masked,
        retention,
        encrypted,
        false,
        input.auditTrail() || input.policy().auditLogging(),
        classification().id());
  }

  private boolean passes(Regulation r) {
    return checks.stream().filter(c -> c.regulation() == r).noneMatch(CheckResult::violated);
  }

  /**
   * Audit events for this assessment: the PII found per dataset, each masked column, every check,
   * the verdict, and the block when publishing was stopped. Details carry column names, counts and
   * statuses only.
   *
   * @param actor who ran the checks (e.g. {@code strands-compliance})
   * @param subject the execution id, or the dataset for ad-hoc checks
   */
  public List<AuditEvent> auditEvents(String actor, String subject) {
    List<AuditEvent> events = new ArrayList<>();
    for (DatasetFindings f : input.sources()) {
      events.add(
          new AuditEvent(
              assessedAt, actor, "pii-detected", subject + "/source/" + f.dataset(), piiLine(f)));
    }
    for (SinkOutput o : input.outputs()) {
      events.add(
          new AuditEvent(
              assessedAt,
              actor,
              "pii-detected",
              subject + "/sink/" + o.sink(),
              piiLine(o.findings())));
    }
    for (OutputColumn c : inventory.masked()) {
      events.add(
          new AuditEvent(
              assessedAt,
              actor,
              "pii-masked",
              subject + "/sink/" + c.sink() + "/" + c.column(),
              "method="
                  + c.mask().id()
                  + (c.entity() == null ? "" : " entity=" + c.entity().id())));
    }
    for (CheckResult c : checks) {
      events.add(
          new AuditEvent(
              assessedAt,
              actor,
              "compliance-check",
              subject + "/" + c.id(),
              c.status().name().toLowerCase(Locale.ROOT)
                  + " severity="
                  + c.severity().name().toLowerCase(Locale.ROOT)
                  + ": "
                  + c.signal()));
    }
    events.add(
        new AuditEvent(
            assessedAt,
            actor,
            "compliance-assessed",
            subject,
            headline() + "; classification " + classification().id()));
    if (blocksPublishing()) {
      events.add(
          new AuditEvent(
              assessedAt,
              actor,
              "publish-blocked",
              subject,
              "on-violation block: " + violations().stream().map(CheckResult::id).toList()));
    }
    return events;
  }

  private static String piiLine(DatasetFindings f) {
    List<String> parts = new ArrayList<>();
    f.piiColumns()
        .forEach(
            c -> {
              var e = c.primary().orElseThrow();
              parts.add(
                  c.column()
                      + "="
                      + e.entity().id()
                      + " "
                      + e.matchedValues()
                      + "/"
                      + c.valuesScanned()
                      + " "
                      + Classification.of(e.entity()).id());
            });
    return "rows scanned "
        + f.rowsScanned()
        + (f.sampled() ? " (sample)" : "")
        + "; pii columns: "
        + (parts.isEmpty() ? "none" : String.join(", ", parts));
  }
}
