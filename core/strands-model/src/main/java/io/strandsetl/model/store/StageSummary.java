package io.strandsetl.model.store;

/**
 * One Spark stage attempt of an execution, as the run page shows it; stored with the execution (at
 * most {@link #MAX_PER_EXECUTION} per execution) and purged with it.
 *
 * @param stageId Spark's stage id
 * @param attemptId the attempt, 0 for the first
 * @param name Spark's stage name (call site), may be empty
 * @param status {@code COMPLETE}, {@code FAILED}, {@code SKIPPED}, ... as the event log says
 * @param tasks tasks of the stage
 * @param failedTasks of those, failed
 * @param durationMs submission to completion, milliseconds; null when the log has no completion
 * @param inputBytes bytes read from sources
 * @param outputBytes bytes written to sinks
 * @param shuffleReadBytes bytes read from the shuffle
 * @param shuffleWriteBytes bytes written to the shuffle
 * @param memorySpillBytes bytes spilled, as deserialised in memory
 * @param diskSpillBytes bytes spilled, as written to disk
 * @param taskTimeMaxMs the slowest task's duration, milliseconds
 * @param taskTimeMedianMs the median task duration, milliseconds
 */
public record StageSummary(
    int stageId,
    int attemptId,
    String name,
    String status,
    int tasks,
    int failedTasks,
    Long durationMs,
    long inputBytes,
    long outputBytes,
    long shuffleReadBytes,
    long shuffleWriteBytes,
    long memorySpillBytes,
    long diskSpillBytes,
    double taskTimeMaxMs,
    double taskTimeMedianMs) {
  /**
   * Stages kept per execution: a long job can have thousands of stages, and the run page is about
   * the expensive ones. When a run has more, the longest ones are kept (see ExecutionMapper).
   */
  public static final int MAX_PER_EXECUTION = 200;

  public StageSummary {
    Checks.nonNegative(stageId, "stage id");
    Checks.nonNegative(attemptId, "stage attemptId");
    name = name == null ? "" : name;
    status = status == null || status.isBlank() ? "UNKNOWN" : status;
    Checks.nonNegative(tasks, "stage tasks");
    Checks.nonNegative(failedTasks, "stage failedTasks");
    if (durationMs != null) {
      Checks.nonNegative(durationMs, "stage durationMs");
    }
    Checks.nonNegative(inputBytes, "stage inputBytes");
    Checks.nonNegative(outputBytes, "stage outputBytes");
    Checks.nonNegative(shuffleReadBytes, "stage shuffleReadBytes");
    Checks.nonNegative(shuffleWriteBytes, "stage shuffleWriteBytes");
    Checks.nonNegative(memorySpillBytes, "stage memorySpillBytes");
    Checks.nonNegative(diskSpillBytes, "stage diskSpillBytes");
    Checks.nonNegative(taskTimeMaxMs, "stage taskTimeMaxMs");
    Checks.nonNegative(taskTimeMedianMs, "stage taskTimeMedianMs");
  }

  /**
   * Task-time skew: slowest task / median task; null when the median is 0 (no tasks measured), so
   * an empty stage is not reported as infinitely skewed.
   */
  public Double taskTimeSkew() {
    return taskTimeMedianMs <= 0 ? null : taskTimeMaxMs / taskTimeMedianMs;
  }
}
