package io.strandsetl.compliance.report;

import java.util.Locale;

/** Overall compliance status of a run. */
public enum ComplianceStatus {
  COMPLIANT,
  WARNING,
  NON_COMPLIANT;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
