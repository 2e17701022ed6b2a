package io.strandsetl.compliance.report;

import java.util.Locale;

/** Risk of a run's outputs for the people in them. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
