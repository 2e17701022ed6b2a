package io.strandsetl.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.compliance.pii.ColumnContext;
import io.strandsetl.compliance.pii.ColumnFinding;
import io.strandsetl.compliance.pii.ColumnScan;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.pii.PiiScanner;
import io.strandsetl.compliance.policy.PolicyParser;
import io.strandsetl.compliance.report.ComplianceAssessment;
import io.strandsetl.compliance.report.ComplianceJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that fail on data carry masked samples (never values); encryption at rest is decided by
 * what the files showed; storage limitation says what was enforced.
 */
class ComplianceEvidenceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  private static final List<String> SSNS =
      List.of("536-22-8745", "219-09-9998", "123-45-6780", "078-05-1121");
  private final PiiScanner scanner = PiiScanner.defaults();

  private DatasetFindings scan(Map<String, List<String>> values) {
    List<ColumnFinding> columns = new ArrayList<>();
    values.forEach(
        (column, vs) -> {
          ColumnScan s = new ColumnScan(column);
          vs.forEach(v -> s.add(v, scanner, ColumnContext.of(column)));
          columns.add(s.finding(0.1));
        });
    return new DatasetFindings("summary", 4, false, columns);
  }

  private ComplianceAssessment assess(Map<String, Object> policy, SinkOutput... outputs) {
    return new ComplianceEngine(CLOCK)
        .assess(
            new ComplianceInput(
                "p", PolicyParser.parse(policy), List.of(), Map.of(), List.of(outputs), true));
  }

  private SinkOutput output(String format, Map<String, List<String>> written) {
    return new SinkOutput(
        "summary", format, List.copyOf(written.keySet()), scan(written), Map.of(), false);
  }

  @Test
  void checksFailingOnDataCarryAtMostThreeMaskedSamplesAndNoValue() {
    Map<String, List<String>> written = new LinkedHashMap<>();
    written.put("customer_id", List.of("1", "2", "3", "4"));
    written.put("ssn", SSNS);
    ComplianceAssessment a =
        assess(Map.of("regulations", List.of("gdpr", "hipaa")), output("csv", written));

    CheckResult pseudonymisation = check(a, "gdpr.pseudonymisation");
    assertThat(pseudonymisation.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(pseudonymisation.maskedSamples())
        .hasSizeBetween(1, CheckResult.MAX_SAMPLES)
        .allMatch(s -> s.startsWith("summary.ssn: ***-**-**"));
    assertThat(check(a, "hipaa.phi-de-identified").maskedSamples())
        .isEqualTo(pseudonymisation.maskedSamples());
    assertThat(check(a, "gdpr.breach-notification").maskedSamples()).isEmpty();

    String json = ComplianceJson.write(a, "run-1");
    assertThat(json).contains("\"maskedSamples\"").contains("summary.ssn: ***-**-**");
    for (String ssn : SSNS) {
      assertThat(json).doesNotContain(ssn).doesNotContain(ssn.replace("-", ""));
      assertThat(a.auditEvents("t", "run-1")).allMatch(e -> !e.details().contains(ssn));
    }
  }

  @Test
  void encryptionAtRestFollowsWhatTheParquetFootersShowedOverTheDeclaration() {
    Map<String, List<String>> written = Map.of("email", List.of("ana@example.com", "bo@x.org"));
    Map<String, Object> declared =
        Map.of("regulations", List.of("hipaa"), "encryption-at-rest", true);

    ComplianceAssessment plainButDeclared =
        assess(
            declared,
            output("parquet", written)
                .withEncryption(new EncryptionEvidence("parquet-footer", 2, 0, 0)));
    CheckResult c = check(plainButDeclared, "hipaa.encryption-at-rest");
    assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(c.signal())
        .contains("encryption-at-rest declared")
        .contains("inspected NOT encrypted: summary (parquet-footer: 0/2 files encrypted)");
    assertThat(plainButDeclared.summary().encryptedAtRest()).isFalse();

    ComplianceAssessment encryptedUndeclared =
        assess(
            Map.of("regulations", List.of("hipaa")),
            output("parquet", written)
                .withEncryption(new EncryptionEvidence("parquet-footer", 2, 1, 1)));
    assertThat(check(encryptedUndeclared, "hipaa.encryption-at-rest").status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(encryptedUndeclared.summary().encryptedAtRest()).isTrue();

    // CSV cannot be inspected: the declaration decides, as before.
    assertThat(check(assess(declared, output("csv", written)), "hipaa.encryption-at-rest").status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(
            check(
                    assess(Map.of("regulations", List.of("hipaa")), output("csv", written)),
                    "hipaa.encryption-at-rest")
                .status())
        .isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void storageLimitationSaysHowManyExpiredRowsWereDropped() {
    Map<String, List<String>> written = new LinkedHashMap<>();
    written.put("email", List.of("ana@example.com", "bo@x.org"));
    written.put("signup_date", List.of("2026-01-01", "2026-02-01"));
    Map<String, Object> policy = Map.of("retention", "400d", "retention-column", "signup_date");
    CheckResult enforced =
        check(
            assess(policy, output("csv", written).withExpiredDropped(7L)),
            "gdpr.storage-limitation");
    assertThat(enforced.status()).isEqualTo(CheckStatus.PASS);
    assertThat(enforced.signal())
        .endsWith("; enforced: expired rows dropped before writing: summary 7");
    assertThat(check(assess(policy, output("csv", written)), "gdpr.storage-limitation").signal())
        .endsWith("; not enforced on this run");
  }

  private static CheckResult check(ComplianceAssessment a, String id) {
    return a.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }
}
