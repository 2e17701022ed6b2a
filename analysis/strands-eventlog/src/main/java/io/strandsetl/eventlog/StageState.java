package io.strandsetl.eventlog;

import io.strandsetl.model.run.Distribution;
import io.strandsetl.model.run.StageMetrics;
import java.util.ArrayList;
import java.util.List;

/** Running totals of one stage attempt; the task distributions are frozen when it completes. */
final class StageState {
  final int stageId;
  final int attemptId;
  String name;
  String status = "ACTIVE";
  String failureReason;
  int numTasks;
  Long submissionTimeMs;
  Long completionTimeMs;
  List<Integer> parentStageIds = List.of();
  List<String> rddNames = List.of();
  boolean submitted;

  int completedTasks;
  int failedTasks;
  int killedTasks;
  int speculativeTasks;
  long executorRunTimeMs;
  long executorCpuTimeNs;
  boolean hasCpuTime;
  long jvmGcTimeMs;
  long inputBytes;
  long inputRecords;
  long outputBytes;
  long outputRecords;
  long shuffleReadBytes;
  long shuffleReadRecords;
  long shuffleWriteBytes;
  long shuffleWriteRecords;
  long shuffleWriteTimeNs;
  long shuffleFetchWaitTimeMs;
  long memorySpillBytes;
  long diskSpillBytes;
  long peakExecutionMemoryBytesMax;
  long taskDurationSumMs;

  private Sketch duration = new Sketch();
  private Sketch input = new Sketch();
  private Sketch shuffleRead = new Sketch();
  private Sketch spill = new Sketch();
  private Distribution[] frozen;

  StageState(int stageId, int attemptId) {
    this.stageId = stageId;
    this.attemptId = attemptId;
  }

  void add(TaskEndEvent t) {
    if (t.killed()) {
      killedTasks++;
    } else if (t.failed()) {
      failedTasks++;
    } else if (t.succeeded()) {
      completedTasks++;
    }
    if (t.speculative) {
      speculativeTasks++;
    }
    long durationMs = Math.max(0, t.finishTimeMs - t.launchTimeMs);
    taskDurationSumMs += durationMs;
    executorRunTimeMs += t.executorRunTimeMs;
    if (t.executorCpuTimeNs >= 0) {
      hasCpuTime = true;
      executorCpuTimeNs += t.executorCpuTimeNs;
    }
    jvmGcTimeMs += t.jvmGcTimeMs;
    inputBytes += t.inputBytes;
    inputRecords += t.inputRecords;
    outputBytes += t.outputBytes;
    outputRecords += t.outputRecords;
    long shuffleBytes = t.shuffleRemoteBytes + t.shuffleLocalBytes;
    shuffleReadBytes += shuffleBytes;
    shuffleReadRecords += t.shuffleRecordsRead;
    shuffleWriteBytes += t.shuffleWriteBytes;
    shuffleWriteRecords += t.shuffleWriteRecords;
    shuffleWriteTimeNs += t.shuffleWriteTimeNs;
    shuffleFetchWaitTimeMs += t.shuffleFetchWaitMs;
    memorySpillBytes += t.memorySpillBytes;
    diskSpillBytes += t.diskSpillBytes;
    peakExecutionMemoryBytesMax = Math.max(peakExecutionMemoryBytesMax, t.peakExecutionMemoryBytes);
    // Distributions describe successful tasks only: failed and killed attempts carry partial
    // metrics. A success arriving after the stage completed is summed above but not sketched.
    if (t.succeeded() && frozen == null) {
      duration.add(durationMs);
      input.add(t.inputBytes);
      shuffleRead.add(shuffleBytes);
      spill.add(t.memorySpillBytes);
    }
  }

  /** Turns the sketches into distributions and drops them, so finished stages cost no sketch. */
  void freeze() {
    if (frozen == null) {
      frozen =
          new Distribution[] {
            duration.toDistribution(),
            input.toDistribution(),
            shuffleRead.toDistribution(),
            spill.toDistribution()
          };
      duration = null;
      input = null;
      shuffleRead = null;
      spill = null;
    }
  }

  long taskAttempts() {
    return (long) completedTasks + failedTasks + killedTasks;
  }

  StageMetrics toMetrics(List<Integer> jobIds, Long sqlExecutionId) {
    freeze();
    Long duration =
        submissionTimeMs != null && completionTimeMs != null
            ? completionTimeMs - submissionTimeMs
            : null;
    return new StageMetrics(
        stageId,
        attemptId,
        name,
        status,
        failureReason,
        numTasks,
        completedTasks,
        failedTasks,
        killedTasks,
        speculativeTasks,
        submissionTimeMs,
        completionTimeMs,
        duration,
        new ArrayList<>(jobIds),
        sqlExecutionId,
        parentStageIds,
        rddNames,
        executorRunTimeMs,
        hasCpuTime ? executorCpuTimeNs : null,
        jvmGcTimeMs,
        inputBytes,
        inputRecords,
        outputBytes,
        outputRecords,
        shuffleReadBytes,
        shuffleReadRecords,
        shuffleWriteBytes,
        shuffleWriteRecords,
        shuffleWriteTimeNs,
        shuffleFetchWaitTimeMs,
        memorySpillBytes,
        diskSpillBytes,
        peakExecutionMemoryBytesMax,
        frozen[0],
        frozen[1],
        frozen[2],
        frozen[3]);
  }
}
