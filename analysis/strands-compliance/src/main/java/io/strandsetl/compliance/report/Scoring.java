package io.strandsetl.compliance.report;

import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.CheckStatus;
import io.strandsetl.model.finding.Severity;
import java.util.List;

/**
 * Score, status and risk from the checks.
 *
 * <ul>
 *   <li>score = 100 × Σ weight × credit / Σ weight over applicable checks (100 when none applies);
 *       weight CRITICAL 4, HIGH 3, MEDIUM 2, LOW 1; credit PASS 1, WARN 0.5, FAIL 0.
 *   <li>status: NON_COMPLIANT when a CRITICAL or HIGH check fails; WARNING when any other check
 *       fails or warns; else COMPLIANT.
 *   <li>risk: CRITICAL when a CRITICAL check fails (identifiers exposed), HIGH when non-compliant,
 *       MEDIUM when warning, else LOW.
 * </ul>
 */
public final class Scoring {
  private Scoring() {}

  public static int weight(Severity s) {
    return switch (s) {
      case CRITICAL -> 4;
      case HIGH -> 3;
      case MEDIUM -> 2;
      case LOW -> 1;
    };
  }

  static double credit(CheckStatus s) {
    return switch (s) {
      case PASS -> 1.0;
      case WARN -> 0.5;
      case FAIL, NOT_APPLICABLE -> 0.0;
    };
  }

  public static int score(List<CheckResult> checks) {
    double total = 0;
    double earned = 0;
    for (CheckResult c : checks) {
      if (c.status() == CheckStatus.NOT_APPLICABLE) {
        continue;
      }
      total += weight(c.severity());
      earned += weight(c.severity()) * credit(c.status());
    }
    return total == 0 ? 100 : (int) Math.round(100 * earned / total);
  }

  public static ComplianceStatus status(List<CheckResult> checks) {
    boolean severeFail =
        checks.stream()
            .anyMatch(
                c ->
                    c.violated()
                        && (c.severity() == Severity.CRITICAL || c.severity() == Severity.HIGH));
    if (severeFail) {
      return ComplianceStatus.NON_COMPLIANT;
    }
    boolean any =
        checks.stream()
            .anyMatch(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.WARN);
    return any ? ComplianceStatus.WARNING : ComplianceStatus.COMPLIANT;
  }

  public static RiskLevel risk(List<CheckResult> checks) {
    if (checks.stream().anyMatch(c -> c.violated() && c.severity() == Severity.CRITICAL)) {
      return RiskLevel.CRITICAL;
    }
    return switch (status(checks)) {
      case NON_COMPLIANT -> RiskLevel.HIGH;
      case WARNING -> RiskLevel.MEDIUM;
      case COMPLIANT -> RiskLevel.LOW;
    };
  }
}
