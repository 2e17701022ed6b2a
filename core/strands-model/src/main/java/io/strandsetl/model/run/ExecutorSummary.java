package io.strandsetl.model.run;

/**
 * One executor (the driver is listed with id {@code driver} when the log has metrics for it).
 *
 * @param executorId executor id
 * @param host host name
 * @param cores task slots
 * @param addedTimeMs epoch ms when added, null if unknown
 * @param removedTimeMs epoch ms when removed, null if it lived to the end
 * @param removedReason reason Spark gave, else null
 * @param tasks task attempts it ran
 * @param failedTasks task attempts that failed on it
 * @param taskRunTimeMs sum of executor run time of its tasks, ms
 * @param jvmGcTimeMs sum of JVM GC time of its tasks, ms
 * @param peakJvmHeapBytes peak JVM heap used, bytes, null without executor metrics
 * @param peakJvmOffHeapBytes peak JVM off-heap used, bytes, null without executor metrics
 * @param maxStorageMemoryBytes memory the block manager may use for storage, bytes
 */
public record ExecutorSummary(
    String executorId,
    String host,
    int cores,
    Long addedTimeMs,
    Long removedTimeMs,
    String removedReason,
    long tasks,
    long failedTasks,
    long taskRunTimeMs,
    long jvmGcTimeMs,
    Long peakJvmHeapBytes,
    Long peakJvmOffHeapBytes,
    Long maxStorageMemoryBytes) {}
