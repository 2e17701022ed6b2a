package io.strandsetl.model.run;

import java.util.List;

/**
 * One stage attempt, aggregated from its task-end events. Units are in the names.
 *
 * @param stageId stage id
 * @param attemptId stage attempt number (0 for the first)
 * @param name stage name (call site)
 * @param status COMPLETE, FAILED, SKIPPED or ACTIVE (still running when the log ends)
 * @param failureReason the reason Spark gave when the stage failed, else null
 * @param numTasks tasks the stage declared
 * @param completedTasks tasks that ended successfully
 * @param failedTasks tasks that ended with a failure
 * @param killedTasks tasks that were killed (speculation losers, cancelled)
 * @param speculativeTasks speculative task attempts
 * @param submissionTimeMs epoch ms when submitted, null if unknown
 * @param completionTimeMs epoch ms when completed, null if unknown
 * @param durationMs completion − submission in ms, null if unknown
 * @param jobIds jobs that include the stage
 * @param sqlExecutionId the SQL execution the stage belongs to, null if none
 * @param parentStageIds parent stage ids
 * @param rddNames names of the stage's RDDs (scopes), innermost first
 * @param taskDurationMs distribution of successful task durations, ms
 * @param taskInputBytes distribution of bytes read from sources per task
 * @param taskShuffleReadBytes distribution of shuffle bytes read per task
 * @param taskSpillBytes distribution of memory-spill bytes per task
 */
public record StageMetrics(
    int stageId,
    int attemptId,
    String name,
    String status,
    String failureReason,
    int numTasks,
    int completedTasks,
    int failedTasks,
    int killedTasks,
    int speculativeTasks,
    Long submissionTimeMs,
    Long completionTimeMs,
    Long durationMs,
    List<Integer> jobIds,
    Long sqlExecutionId,
    List<Integer> parentStageIds,
    List<String> rddNames,
    long executorRunTimeMs,
    Long executorCpuTimeNs,
    long jvmGcTimeMs,
    long inputBytes,
    long inputRecords,
    long outputBytes,
    long outputRecords,
    long shuffleReadBytes,
    long shuffleReadRecords,
    long shuffleWriteBytes,
    long shuffleWriteRecords,
    long shuffleWriteTimeNs,
    long shuffleFetchWaitTimeMs,
    long memorySpillBytes,
    long diskSpillBytes,
    long peakExecutionMemoryBytesMax,
    Distribution taskDurationMs,
    Distribution taskInputBytes,
    Distribution taskShuffleReadBytes,
    Distribution taskSpillBytes) {

  public StageMetrics {
    jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
    parentStageIds = parentStageIds == null ? List.of() : List.copyOf(parentStageIds);
    rddNames = rddNames == null ? List.of() : List.copyOf(rddNames);
    taskDurationMs = taskDurationMs == null ? Distribution.EMPTY : taskDurationMs;
    taskInputBytes = taskInputBytes == null ? Distribution.EMPTY : taskInputBytes;
    taskShuffleReadBytes = taskShuffleReadBytes == null ? Distribution.EMPTY : taskShuffleReadBytes;
    taskSpillBytes = taskSpillBytes == null ? Distribution.EMPTY : taskSpillBytes;
  }
}
