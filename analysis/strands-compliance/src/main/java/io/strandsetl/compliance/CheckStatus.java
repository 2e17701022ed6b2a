package io.strandsetl.compliance;

/** Outcome of one compliance check. */
public enum CheckStatus {
  PASS,
  /** Partly met: counts half in the score, does not block. */
  WARN,
  /** Not met: a violation (blocks publishing under {@code on-violation: block}). */
  FAIL,
  /** The check's condition does not arise (e.g. no PII in the outputs). Not scored. */
  NOT_APPLICABLE
}
