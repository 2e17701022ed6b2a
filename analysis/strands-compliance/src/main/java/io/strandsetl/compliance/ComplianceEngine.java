package io.strandsetl.compliance;

import io.strandsetl.compliance.gdpr.GdprChecks;
import io.strandsetl.compliance.hipaa.HipaaChecks;
import io.strandsetl.compliance.report.ComplianceAssessment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the GDPR and HIPAA checks that the policy asks for over what the scans found. Pure: the same
 * input gives the same checks.
 */
public final class ComplianceEngine {
  private final Clock clock;

  public ComplianceEngine(Clock clock) {
    this.clock = clock;
  }

  public ComplianceAssessment assess(ComplianceInput input) {
    PiiInventory pii = PiiInventory.of(input);
    List<CheckResult> checks = new ArrayList<>(GdprChecks.run(input, pii));
    checks.addAll(HipaaChecks.run(input, pii));
    return new ComplianceAssessment(input, pii, checks, clock.instant());
  }
}
