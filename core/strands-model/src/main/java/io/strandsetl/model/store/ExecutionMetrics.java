package io.strandsetl.model.store;

/**
 * Measured resource use of one execution. Sizes in bytes, utilisations as fractions in [0, 1].
 *
 * @param memoryAvgBytes average executor memory used, bytes
 * @param memoryMaxBytes peak executor memory used, bytes
 * @param memoryAllocatedBytes executor memory allocated, bytes
 * @param memoryUtilisation used / allocated, fraction
 * @param cpuUtilisation executor CPU time / available core time, fraction
 * @param dataProcessedBytes bytes processed (read + shuffled), bytes
 * @param dataReadBytes input bytes read, bytes
 * @param dataWrittenBytes output bytes written, bytes
 * @param shuffleReadBytes shuffle bytes read, bytes
 * @param shuffleWriteBytes shuffle bytes written, bytes
 * @param records records processed
 * @param recordsPerSecond records / wall-clock second
 */
public record ExecutionMetrics(
    long memoryAvgBytes,
    long memoryMaxBytes,
    long memoryAllocatedBytes,
    double memoryUtilisation,
    double cpuUtilisation,
    long dataProcessedBytes,
    long dataReadBytes,
    long dataWrittenBytes,
    long shuffleReadBytes,
    long shuffleWriteBytes,
    long records,
    double recordsPerSecond) {
  public ExecutionMetrics {
    Checks.nonNegative(memoryAvgBytes, "metrics memoryAvgBytes");
    Checks.nonNegative(memoryMaxBytes, "metrics memoryMaxBytes");
    Checks.nonNegative(memoryAllocatedBytes, "metrics memoryAllocatedBytes");
    Checks.fraction(memoryUtilisation, "metrics memoryUtilisation");
    Checks.fraction(cpuUtilisation, "metrics cpuUtilisation");
    Checks.nonNegative(dataProcessedBytes, "metrics dataProcessedBytes");
    Checks.nonNegative(dataReadBytes, "metrics dataReadBytes");
    Checks.nonNegative(dataWrittenBytes, "metrics dataWrittenBytes");
    Checks.nonNegative(shuffleReadBytes, "metrics shuffleReadBytes");
    Checks.nonNegative(shuffleWriteBytes, "metrics shuffleWriteBytes");
    Checks.nonNegative(records, "metrics records");
    Checks.nonNegative(recordsPerSecond, "metrics recordsPerSecond");
  }
}
