package io.strandsetl.cost.model;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.List;

/**
 * What one run consumed, the only input of the cost models. Built by {@link RunUsageMapper} from a
 * {@code RunAnalysis}, or by hand (agents, tests, what-if questions).
 *
 * <p>Memory is in GiB (2^30 bytes, Spark's unit for {@code 4g}); data volumes are bytes.
 *
 * @param durationMs wall-clock duration of the application, ms
 * @param coreSeconds executor cores allocated × seconds they were allocated (what clusters bill)
 * @param busyCoreSeconds executor cores × seconds spent running tasks (≤ coreSeconds normally)
 * @param memoryGibSeconds executor memory allocated (heap + overhead, GiB) × seconds
 * @param executors executors running at the peak (the driver not included; local mode: 1)
 * @param executorCores task slots per executor
 * @param executorMemoryGib memory per executor including overhead, GiB
 * @param driverCores cores of the driver
 * @param driverMemoryGib driver memory, GiB
 * @param bytesRead bytes read from sources
 * @param bytesWritten bytes written to sinks
 * @param bytesShuffled shuffle bytes written (local disk on every platform)
 * @param bytesSpilledToDisk spill to local disk, bytes
 * @param bytesProcessed bytes read + shuffle bytes read (the denominator of cost per GB)
 * @param filesWritten output files (each a PUT request on S3), 0 when unknown
 * @param cpuUtilizationPercent CPU time / allocated core time, 0–100, null when not measured
 * @param memoryUtilizationPercent peak heap / executor memory, 0–100, null when not measured
 * @param assumptions what was assumed to fill gaps in the measurements, one line each
 */
public record ResourceUsage(
    long durationMs,
    double coreSeconds,
    double busyCoreSeconds,
    double memoryGibSeconds,
    int executors,
    int executorCores,
    double executorMemoryGib,
    int driverCores,
    double driverMemoryGib,
    long bytesRead,
    long bytesWritten,
    long bytesShuffled,
    long bytesSpilledToDisk,
    long bytesProcessed,
    long filesWritten,
    Double cpuUtilizationPercent,
    Double memoryUtilizationPercent,
    List<String> assumptions) {

  public ResourceUsage {
    nonNegative(durationMs, "durationMs");
    nonNegative(coreSeconds, "coreSeconds");
    nonNegative(busyCoreSeconds, "busyCoreSeconds");
    nonNegative(memoryGibSeconds, "memoryGibSeconds");
    positive(executors, "executors");
    positive(executorCores, "executorCores");
    positive(executorMemoryGib, "executorMemoryGib");
    positive(driverCores, "driverCores");
    positive(driverMemoryGib, "driverMemoryGib");
    nonNegative(bytesRead, "bytesRead");
    nonNegative(bytesWritten, "bytesWritten");
    nonNegative(bytesShuffled, "bytesShuffled");
    nonNegative(bytesSpilledToDisk, "bytesSpilledToDisk");
    nonNegative(bytesProcessed, "bytesProcessed");
    nonNegative(filesWritten, "filesWritten");
    assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
  }

  /**
   * A usage with a fixed executor shape running for {@code durationMs}, everything allocated for
   * the whole run (core- and memory-seconds derived), no data: for what-if questions and tests.
   */
  public static ResourceUsage ofCluster(
      long durationMs, int executors, int executorCores, double executorMemoryGib) {
    double seconds = durationMs / 1000.0;
    return new ResourceUsage(
        durationMs,
        executors * executorCores * seconds,
        executors * executorCores * seconds,
        executors * executorMemoryGib * seconds,
        executors,
        executorCores,
        executorMemoryGib,
        1,
        1,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        List.of());
  }

  /** A copy with data volumes set (bytes). */
  public ResourceUsage withData(
      long read, long written, long shuffled, long spilledToDisk, long processed, long files) {
    return new ResourceUsage(
        durationMs,
        coreSeconds,
        busyCoreSeconds,
        memoryGibSeconds,
        executors,
        executorCores,
        executorMemoryGib,
        driverCores,
        driverMemoryGib,
        read,
        written,
        shuffled,
        spilledToDisk,
        processed,
        files,
        cpuUtilizationPercent,
        memoryUtilizationPercent,
        assumptions);
  }

  /** A copy with measured utilisation (0–100 or null). */
  public ResourceUsage withUtilization(Double cpuPercent, Double memoryPercent) {
    return new ResourceUsage(
        durationMs,
        coreSeconds,
        busyCoreSeconds,
        memoryGibSeconds,
        executors,
        executorCores,
        executorMemoryGib,
        driverCores,
        driverMemoryGib,
        bytesRead,
        bytesWritten,
        bytesShuffled,
        bytesSpilledToDisk,
        bytesProcessed,
        filesWritten,
        cpuPercent,
        memoryPercent,
        assumptions);
  }

  /** Wall-clock duration, seconds. */
  public double durationSeconds() {
    return durationMs / 1000.0;
  }

  /** Executor cores in total at the peak. */
  public int totalExecutorCores() {
    return executors * executorCores;
  }

  /** Executor memory in total at the peak, GiB. */
  public double totalExecutorMemoryGib() {
    return executors * executorMemoryGib;
  }

  private static void nonNegative(double v, String field) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid usage " + field + ": " + v + " (must be >= 0)");
    }
  }

  private static void positive(double v, String field) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid usage " + field + ": " + v + " (must be > 0)");
    }
  }
}
