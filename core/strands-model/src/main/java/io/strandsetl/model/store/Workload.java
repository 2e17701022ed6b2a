package io.strandsetl.model.store;

/**
 * What the job had to do, as known before it ran (the Decision agent's input).
 *
 * @param inputBytes estimated input size, bytes
 * @param sourceCount number of sources read
 * @param transformCount number of SQL/transform steps
 * @param joinCount number of joins in the plan
 * @param incremental true when only new data is processed
 */
public record Workload(
    long inputBytes, int sourceCount, int transformCount, int joinCount, boolean incremental) {
  public Workload {
    Checks.nonNegative(inputBytes, "workload inputBytes");
    Checks.nonNegative(sourceCount, "workload sourceCount");
    Checks.nonNegative(transformCount, "workload transformCount");
    Checks.nonNegative(joinCount, "workload joinCount");
  }
}
