package io.strandsetl.model.run;

import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration that matters for cost and performance, read from the application's Spark
 * properties. A value the log does not state is null (Spark's default then applies, and the
 * detectors say so).
 *
 * @param executorMemoryBytes {@code spark.executor.memory}, bytes (heap per executor)
 * @param executorMemoryOverheadBytes {@code spark.executor.memoryOverhead}, bytes
 * @param executorCores {@code spark.executor.cores}
 * @param executorInstances {@code spark.executor.instances}
 * @param driverMemoryBytes {@code spark.driver.memory}, bytes
 * @param dynamicAllocation {@code spark.dynamicAllocation.enabled}
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}
 * @param aqeEnabled {@code spark.sql.adaptive.enabled}
 * @param broadcastThresholdBytes {@code spark.sql.autoBroadcastJoinThreshold}, bytes (-1 = off)
 * @param speculation {@code spark.speculation}
 * @param master {@code spark.master}
 * @param properties every Spark property of the application, sorted, secrets redacted
 */
public record SparkConfigSummary(
    Long executorMemoryBytes,
    Long executorMemoryOverheadBytes,
    Integer executorCores,
    Integer executorInstances,
    Long driverMemoryBytes,
    Boolean dynamicAllocation,
    Integer shufflePartitions,
    Boolean aqeEnabled,
    Long broadcastThresholdBytes,
    Boolean speculation,
    String master,
    Map<String, String> properties) {

  public SparkConfigSummary {
    properties =
        properties == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
  }
}
