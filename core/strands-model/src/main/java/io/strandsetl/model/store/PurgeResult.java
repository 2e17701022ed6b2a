package io.strandsetl.model.store;

/** Rows removed by one purge, per table. */
public record PurgeResult(
    long executions, long invocations, long trends, long qualityHistory, long audit) {
  public PurgeResult {
    Checks.nonNegative(executions, "purged executions");
    Checks.nonNegative(invocations, "purged invocations");
    Checks.nonNegative(trends, "purged trends");
    Checks.nonNegative(qualityHistory, "purged qualityHistory");
    Checks.nonNegative(audit, "purged audit");
  }

  public long total() {
    return executions + invocations + trends + qualityHistory + audit;
  }
}
