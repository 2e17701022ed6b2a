package io.strandsetl.model.run;

/**
 * Application-wide execution metrics. Units are in the names: {@code Ms} milliseconds, {@code Ns}
 * nanoseconds, {@code Bytes} bytes, {@code Percent} 0–100. A value the log cannot give is null (for
 * example CPU time in Spark 1.x logs, or memory without executor metrics). Definitions in {@code
 * docs/metrics.md}.
 */
public record RunMetrics(
    // counts
    int jobs,
    int failedJobs,
    int stages,
    int failedStages,
    int skippedStages,
    long tasks,
    long failedTasks,
    long killedTasks,
    long speculativeTasks,
    int executorsAdded,
    int executorsRemoved,
    int maxConcurrentExecutors,
    // time
    long executorRunTimeMs,
    Long executorCpuTimeNs,
    long jvmGcTimeMs,
    Double gcTimePercent,
    Double cpuUtilizationPercent,
    long allocatedCoreMs,
    long busyCoreMs,
    Double idleCorePercent,
    // data
    long inputBytes,
    long inputRecords,
    long outputBytes,
    long outputRecords,
    long shuffleReadBytes,
    long shuffleReadRecords,
    long shuffleWriteBytes,
    long shuffleWriteRecords,
    long dataProcessedBytes,
    long recordsProcessed,
    Double recordsPerSecond,
    long memorySpillBytes,
    long diskSpillBytes,
    // memory
    Long executorMemoryBytes,
    Long peakJvmHeapBytesMax,
    Long peakJvmHeapBytesAvg,
    Double memoryUtilizationPercent,
    long peakExecutionMemoryBytesMax) {}
