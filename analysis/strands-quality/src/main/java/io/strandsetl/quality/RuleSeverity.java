package io.strandsetl.quality;

/**
 * What a failing rule does: a {@code WARNING} is reported and lowers the score; a {@code CRITICAL}
 * rule that fails also halts the gate its dataset belongs to (pre-run for sources, post-run for
 * outputs), whatever the score.
 */
public enum RuleSeverity {
  WARNING,
  CRITICAL
}
