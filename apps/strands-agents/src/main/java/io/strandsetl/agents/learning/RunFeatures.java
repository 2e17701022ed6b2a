package io.strandsetl.agents.learning;

import io.strandsetl.agents.schema.Description;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SparkConfigSummary;
import io.strandsetl.model.run.SqlExecution;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Learning agent knows about one run. Sizes and counts come from the execution's metrics
 * and from the {@code learning.*} tags the Supervisor adds to each execution it records ({@link
 * #tagsOf}); a value the run did not measure is 0.
 */
@Description("Features of one run")
public record RunFeatures(
    String executionId,
    String jobName,
    String platform,
    ExecutionStatus status,
    Instant startedAt,
    @Description(value = "input read", unit = "bytes") long inputBytes,
    @Description(value = "shuffle read", unit = "bytes") long shuffleBytes,
    @Description(value = "output written", unit = "bytes") long outputBytes,
    @Description("stages") long stages,
    @Description("tasks") long tasks,
    @Description("join operators in the final SQL plans") long joins,
    @Description(value = "wall-clock duration", unit = "ms") long durationMs,
    @Description(value = "total cost, 0 when not priced", unit = "USD") double costUsd,
    @Description(value = "executor core time allocated", unit = "ms") long allocatedCoreMs,
    @Description(value = "peak executor JVM heap", unit = "bytes") long peakMemoryBytes,
    @Description("spark.sql.shuffle.partitions, 0 when not set") long shufflePartitions,
    @Description(value = "spark.sql.autoBroadcastJoinThreshold, -1 off, 0 not set", unit = "bytes")
        long broadcastThresholdBytes,
    @Description("configuration applied by autotune, one line each")
        java.util.List<String> optimisationsApplied) {

  public static final String TAG_PREFIX = "learning.";

  public RunFeatures {
    optimisationsApplied =
        optimisationsApplied == null
            ? java.util.List.of()
            : java.util.List.copyOf(optimisationsApplied);
  }

  /** The tags that carry an analysed run's features beyond the execution's metrics. */
  public static Map<String, String> tagsOf(AnalysisReport report) {
    Map<String, String> tags = new TreeMap<>();
    if (report == null || report.run() == null || report.run().metrics() == null) {
      return tags;
    }
    RunMetrics m = report.run().metrics();
    tags.put(TAG_PREFIX + "stages", Long.toString(m.stages()));
    tags.put(TAG_PREFIX + "tasks", Long.toString(m.tasks()));
    tags.put(TAG_PREFIX + "joins", Long.toString(joins(report)));
    tags.put(TAG_PREFIX + "allocated-core-ms", Long.toString(m.allocatedCoreMs()));
    if (m.peakJvmHeapBytesMax() != null) {
      tags.put(TAG_PREFIX + "peak-memory-bytes", Long.toString(m.peakJvmHeapBytesMax()));
    }
    SparkConfigSummary c =
        report.run().application() == null ? null : report.run().application().config();
    if (c != null && c.shufflePartitions() != null) {
      tags.put(TAG_PREFIX + "shuffle-partitions", Integer.toString(c.shufflePartitions()));
    }
    if (c != null && c.broadcastThresholdBytes() != null) {
      tags.put(
          TAG_PREFIX + "broadcast-threshold-bytes", Long.toString(c.broadcastThresholdBytes()));
    }
    return tags;
  }

  static long joins(AnalysisReport report) {
    long joins = 0;
    for (SqlExecution sql : report.run().sql()) {
      if (sql.plan() != null) {
        joins += sql.plan().nodes().stream().filter(n -> n.name().endsWith("Join")).count();
      }
    }
    return joins;
  }

  /** The features of a stored execution. */
  public static RunFeatures of(ExecutionRecord e) {
    Map<String, String> t = e.tags();
    return new RunFeatures(
        e.executionId(),
        e.jobName(),
        e.platform(),
        e.status(),
        e.startedAt(),
        e.metrics() == null ? 0 : e.metrics().dataReadBytes(),
        e.metrics() == null ? 0 : e.metrics().shuffleReadBytes(),
        e.metrics() == null ? 0 : e.metrics().dataWrittenBytes(),
        tag(t, "stages"),
        tag(t, "tasks"),
        tag(t, "joins"),
        e.duration().toMillis(),
        e.totalCostUsd(),
        tag(t, "allocated-core-ms"),
        t.containsKey(TAG_PREFIX + "peak-memory-bytes")
            ? tag(t, "peak-memory-bytes")
            : e.metrics() == null ? 0 : e.metrics().memoryMaxBytes(),
        tag(t, "shuffle-partitions"),
        tag(t, "broadcast-threshold-bytes"),
        e.optimisationsApplied());
  }

  private static long tag(Map<String, String> tags, String name) {
    String v = tags.get(TAG_PREFIX + name);
    if (v == null) {
      return 0;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return 0; // a hand-edited tag must not break learning; the feature counts as unmeasured
    }
  }
}
