package io.strandsetl.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.compliance.pii.ColumnContext;
import io.strandsetl.compliance.pii.ColumnScan;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.pii.PiiScanner;
import io.strandsetl.compliance.policy.CompliancePolicy;
import io.strandsetl.compliance.policy.PolicyParser;
import io.strandsetl.compliance.report.ComplianceAssessment;
import io.strandsetl.compliance.report.ComplianceStatus;
import io.strandsetl.compliance.report.RiskLevel;
import io.strandsetl.compliance.report.Scoring;
import io.strandsetl.model.finding.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks read the scans and the policy; nothing is decided without both. */
class ComplianceEngineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  private final PiiScanner scanner = PiiScanner.defaults();

  /** The scan of an output whose columns hold {@code values}. */
  private DatasetFindings scan(String dataset, Map<String, List<String>> values) {
    List<io.strandsetl.compliance.pii.ColumnFinding> columns = new java.util.ArrayList<>();
    values.forEach(
        (column, vs) -> {
          ColumnScan s = new ColumnScan(column);
          vs.forEach(v -> s.add(v, scanner, ColumnContext.of(column)));
          columns.add(s.finding(0.1));
        });
    return new DatasetFindings(dataset, 3, false, columns);
  }

  private ComplianceAssessment assess(
      Map<String, Object> policy,
      Map<String, MaskingMethod> masked,
      Map<String, List<String>> written) {
    CompliancePolicy p = PolicyParser.parse(policy);
    Map<String, List<String>> out = new LinkedHashMap<>(written);
    SinkOutput sink =
        new SinkOutput(
            "summary", "parquet", List.copyOf(out.keySet()), scan("summary", out), masked, false);
    return new ComplianceEngine(CLOCK)
        .assess(new ComplianceInput("p", p, List.of(), Map.of(), List.of(sink), true));
  }

  private static final Map<String, List<String>> WRITTEN =
      new LinkedHashMap<>(
          Map.of(
              "customer_id", List.of("1", "2", "3"),
              "email", List.of("a1b2c3", "d4e5f6", "0a0b0c"),
              "ssn", List.of("536-22-8745", "219-09-9998", "123-45-6780")));

  @Test
  void failsPseudonymisationAndMinimisationForAnUnmaskedSsnWithoutPurpose() {
    ComplianceAssessment a =
        assess(Map.of("on-violation", "block"), Map.of("email", MaskingMethod.HASH), WRITTEN);
    assertThat(a.checks())
        .extracting(c -> c.id() + "=" + c.status())
        .contains(
            "gdpr.pseudonymisation=FAIL",
            "gdpr.data-minimisation=FAIL",
            "gdpr.right-to-erasure=FAIL",
            "gdpr.lawful-basis=FAIL");
    assertThat(a.status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
    assertThat(a.risk()).isEqualTo(RiskLevel.CRITICAL);
    assertThat(a.blocksPublishing()).isTrue();
    assertThat(a.summary().piiColumnsDetected()).isEqualTo(2);
    assertThat(a.summary().piiColumnsMasked()).isEqualTo(1);
    assertThat(a.summary().classification()).isEqualTo("restricted");
    assertThat(a.remediation().get(0))
        .startsWith("Security of processing (pseudonymisation): Mask summary.ssn");
  }

  @Test
  void isCompliantWhenEveryPiiColumnIsMaskedPurposedAndThePolicyComplete() {
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("regulations", List.of("gdpr", "hipaa"));
    policy.put("legal-basis", "contract");
    policy.put("retention", "400d");
    policy.put("retention-column", "customer_id");
    policy.put("erasure-key", "customer_id");
    policy.put("breach-contact", "dpo@example.com");
    policy.put("encryption-at-rest", true);
    policy.put("access-control", List.of("analysts"));
    policy.put("audit-logging", true);
    policy.put(
        "columns",
        Map.of(
            "email", Map.of("purpose", "receipts", "mask", "hash"),
            "ssn", Map.of("purpose", "tax reporting", "mask", "redact")));
    Map<String, List<String>> written = new LinkedHashMap<>(WRITTEN);
    written.put("ssn", List.of("[REDACTED]", "[REDACTED]", "[REDACTED]"));
    ComplianceAssessment a =
        assess(policy, Map.of("email", MaskingMethod.HASH, "ssn", MaskingMethod.REDACT), written);
    assertThat(a.violations()).isEmpty();
    assertThat(a.checks())
        .extracting(c -> c.status())
        .doesNotContain(CheckStatus.FAIL, CheckStatus.WARN);
    assertThat(a.checks())
        .extracting(CheckResult::id)
        .contains("hipaa.phi-de-identified", "hipaa.audit-logging");
    assertThat(a.status()).isEqualTo(ComplianceStatus.COMPLIANT);
    assertThat(a.score()).isEqualTo(100);
    assertThat(a.summary().hipaaCompliant()).isTrue();
  }

  @Test
  void marksChecksNotApplicableWhenNoPersonalDataIsWritten() {
    ComplianceAssessment a =
        assess(Map.of(), Map.of(), Map.of("sku", List.of("A-1", "B-2"), "qty", List.of("1", "2")));
    assertThat(a.checks()).allMatch(c -> c.status() == CheckStatus.NOT_APPLICABLE);
    assertThat(a.score()).isEqualTo(100);
    assertThat(a.status()).isEqualTo(ComplianceStatus.COMPLIANT);
    assertThat(a.classification().id()).isEqualTo("internal");
  }

  @Test
  void scoresWithSeverityWeightsAndHalfCreditForWarnings() {
    List<CheckResult> checks =
        List.of(
            new CheckResult(
                "a",
                io.strandsetl.compliance.policy.Regulation.GDPR,
                "A",
                CheckStatus.PASS,
                Severity.CRITICAL,
                "",
                ""),
            new CheckResult(
                "b",
                io.strandsetl.compliance.policy.Regulation.GDPR,
                "B",
                CheckStatus.WARN,
                Severity.MEDIUM,
                "",
                "x"),
            new CheckResult(
                "c",
                io.strandsetl.compliance.policy.Regulation.GDPR,
                "C",
                CheckStatus.FAIL,
                Severity.LOW,
                "",
                "y"),
            new CheckResult(
                "d",
                io.strandsetl.compliance.policy.Regulation.GDPR,
                "D",
                CheckStatus.NOT_APPLICABLE,
                Severity.HIGH,
                "",
                ""));
    // (4*1 + 2*0.5 + 1*0) / (4 + 2 + 1) = 5/7
    assertThat(Scoring.score(checks)).isEqualTo(71);
    assertThat(Scoring.status(checks)).isEqualTo(ComplianceStatus.WARNING);
    assertThat(Scoring.risk(checks)).isEqualTo(RiskLevel.MEDIUM);
  }
}
