package io.strandsetl.compliance.policy;

/** What a run does when a compliance check fails. */
public enum OnViolation {
  /** Record the violations, publish anyway. */
  WARN,
  /** Do not publish: the staged outputs are discarded and the run fails. */
  BLOCK
}
