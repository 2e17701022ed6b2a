package io.strandsetl.model.store;

/**
 * The lifecycle of an {@link IssueEntry}: {@code OPEN} when first seen, {@code RESOLVED} when a
 * later run of the job no longer shows it or a user resolves it, {@code REOPENED} when it comes
 * back after being resolved.
 */
public enum IssueStatus {
  OPEN,
  RESOLVED,
  REOPENED;

  /** True while the issue needs attention (open or reopened). */
  public boolean isActive() {
    return this != RESOLVED;
  }
}
