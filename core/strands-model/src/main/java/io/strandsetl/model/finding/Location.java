package io.strandsetl.model.finding;

/**
 * Where a finding is. Every field is optional; at least one is set.
 *
 * @param sqlExecutionId SQL execution id
 * @param jobId job id
 * @param stageId stage id
 * @param planNodeId plan node id (pre-order position in the SQL execution's final plan)
 * @param planNodeName the plan node's normalised name
 * @param tablePath table name or path read or written
 * @param file source file (lint)
 * @param line 1-based line in {@code file} (lint)
 */
public record Location(
    Long sqlExecutionId,
    Integer jobId,
    Integer stageId,
    Integer planNodeId,
    String planNodeName,
    String tablePath,
    String file,
    Integer line) {

  public static Location ofStage(int stageId) {
    return new Location(null, null, stageId, null, null, null, null, null);
  }

  public static Location ofApplication() {
    return new Location(null, null, null, null, null, null, null, null);
  }

  public static Location ofPlanNode(
      long sqlExecutionId, int planNodeId, String planNodeName, String tablePath) {
    return new Location(
        sqlExecutionId, null, null, planNodeId, planNodeName, tablePath, null, null);
  }

  /** A short stable key, used to build finding ids ({@code sql-3/node-12}, {@code stage-4}). */
  public String key() {
    StringBuilder b = new StringBuilder();
    if (file != null) {
      b.append(file).append(':').append(line == null ? 0 : line);
    }
    if (sqlExecutionId != null) {
      append(b, "sql-" + sqlExecutionId);
    }
    if (jobId != null) {
      append(b, "job-" + jobId);
    }
    if (stageId != null) {
      append(b, "stage-" + stageId);
    }
    if (planNodeId != null) {
      append(b, "node-" + planNodeId);
    }
    return b.length() == 0 ? "app" : b.toString();
  }

  private static void append(StringBuilder b, String part) {
    if (b.length() > 0) {
      b.append('/');
    }
    b.append(part);
  }
}
