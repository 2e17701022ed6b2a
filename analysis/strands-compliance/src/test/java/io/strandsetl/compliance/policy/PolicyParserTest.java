package io.strandsetl.compliance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.model.StrandsException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compliance: section: typed values, defaults, and every error at once naming its key. */
class PolicyParserTest {
  @Test
  void parsesEveryKey() {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("regulations", List.of("gdpr", "HIPAA"));
    section.put("on-violation", "block");
    section.put("legal-basis", "legitimate interests");
    section.put("retention", "2y");
    section.put("retention-column", "signup_date");
    section.put("erasure-key", "customer_id");
    section.put("breach-contact", "dpo@example.com");
    section.put("encryption-at-rest", true);
    section.put("access-control", "analysts, auditors");
    section.put("audit-logging", "true");
    section.put("columns", Map.of("email", Map.of("purpose", "receipts", "mask", "hash")));
    CompliancePolicy p = PolicyParser.parse(section);
    assertThat(p.regulations()).containsExactlyInAnyOrder(Regulation.GDPR, Regulation.HIPAA);
    assertThat(p.onViolation()).isEqualTo(OnViolation.BLOCK);
    assertThat(p.legalBasis()).isEqualTo(LegalBasis.LEGITIMATE_INTERESTS);
    assertThat(p.retention()).isEqualTo(Duration.ofDays(730));
    assertThat(p.accessControl()).containsExactly("analysts", "auditors");
    assertThat(p.auditLogging()).isTrue();
    assertThat(p.column("email"))
        .hasValue(new ColumnPolicy("email", "receipts", MaskingMethod.HASH));
  }

  @Test
  void defaultsToGdprAndWarnWhenNothingIsDeclared() {
    CompliancePolicy p = PolicyParser.parse(Map.of());
    assertThat(p.regulations()).containsExactly(Regulation.GDPR);
    assertThat(p.onViolation()).isEqualTo(OnViolation.WARN);
    assertThat(PolicyParser.duration("P30D")).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void reportsEveryProblemAtOnceNamingTheKey() {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("on-violation", "stop");
    section.put("legal-basis", "consent");
    section.put("retention", "forever");
    section.put("breach-contact", "nobody");
    section.put("encryption", true);
    section.put("columns", Map.of("ssn", Map.of("mask", "shred", "why", "x")));
    assertThatThrownBy(() -> PolicyParser.parse(section))
        .isInstanceOf(StrandsException.class)
        .hasMessageStartingWith("Invalid compliance section: ")
        .hasMessageContaining("compliance.encryption: unknown key")
        .hasMessageContaining("compliance.on-violation: 'stop' (known: block, warn)")
        .hasMessageContaining("compliance.consent-column: missing")
        .hasMessageContaining("compliance.retention: 'forever'")
        .hasMessageContaining("compliance.breach-contact: 'nobody' (expected an e-mail address)")
        .hasMessageContaining("compliance.columns.ssn.why: unknown key")
        .hasMessageContaining("compliance.columns.ssn.mask: 'shred'");
  }
}
