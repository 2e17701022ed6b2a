package io.strandsetl.model.finding;

/** How much a finding matters, from the measured size of its effect. Declared most severe first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW
}
