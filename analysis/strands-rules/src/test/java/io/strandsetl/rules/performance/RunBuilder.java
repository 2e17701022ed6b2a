package io.strandsetl.rules.performance;

import io.strandsetl.model.plan.PlanMetric;
import io.strandsetl.model.plan.PlanNode;
import io.strandsetl.model.run.ApplicationInfo;
import io.strandsetl.model.run.Distribution;
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SparkConfigSummary;
import io.strandsetl.model.run.SqlExecution;
import io.strandsetl.model.run.StageMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds {@link RunAnalysis} values for detector tests; everything not set is zero or absent. */
final class RunBuilder {
  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;

  private long durationMs = 600_000;
  private String master = "yarn";
  private Long executorMemoryBytes;
  private Long driverMemoryBytes;
  private Integer executorCores;
  private Boolean dynamicAllocation;
  private long allocatedCoreMs;
  private long busyCoreMs;
  private long metricsTasks;
  private long metricsFailedTasks;
  private final List<StageMetrics> stages = new ArrayList<>();
  private final List<SqlExecution> sql = new ArrayList<>();
  private final List<ExecutorSummary> executors = new ArrayList<>();

  static RunBuilder run() {
    return new RunBuilder();
  }

  RunBuilder durationMs(long ms) {
    this.durationMs = ms;
    return this;
  }

  RunBuilder master(String master) {
    this.master = master;
    return this;
  }

  RunBuilder executorMemory(long bytes) {
    this.executorMemoryBytes = bytes;
    return this;
  }

  RunBuilder driverMemory(long bytes) {
    this.driverMemoryBytes = bytes;
    return this;
  }

  RunBuilder executorCores(int cores) {
    this.executorCores = cores;
    return this;
  }

  RunBuilder dynamicAllocation(boolean on) {
    this.dynamicAllocation = on;
    return this;
  }

  RunBuilder coreTime(long allocatedCoreMs, long busyCoreMs) {
    this.allocatedCoreMs = allocatedCoreMs;
    this.busyCoreMs = busyCoreMs;
    return this;
  }

  RunBuilder taskTotals(long tasks, long failedTasks) {
    this.metricsTasks = tasks;
    this.metricsFailedTasks = failedTasks;
    return this;
  }

  /** Adds {@code count} executors with {@code cores} cores each (ids 1..count, host-1..). */
  RunBuilder executors(int count, int cores) {
    for (int i = 1; i <= count; i++) {
      executor(e -> e.cores = cores);
    }
    return this;
  }

  RunBuilder executor(Consumer<ExecutorBuilder> spec) {
    ExecutorBuilder b = new ExecutorBuilder(Integer.toString(executors.size() + 1));
    spec.accept(b);
    executors.add(b.build());
    return this;
  }

  RunBuilder stage(int id, Consumer<StageBuilder> spec) {
    StageBuilder b = new StageBuilder(id);
    spec.accept(b);
    stages.add(b.build());
    return this;
  }

  RunBuilder sql(long id, Node plan) {
    return sql(id, plan, s -> {});
  }

  RunBuilder sql(long id, Node plan, Consumer<SqlBuilder> spec) {
    SqlBuilder b = new SqlBuilder(id, plan);
    spec.accept(b);
    sql.add(b.build());
    return this;
  }

  RunAnalysis build() {
    long runTime = stages.stream().mapToLong(StageMetrics::executorRunTimeMs).sum();
    SparkConfigSummary config =
        new SparkConfigSummary(
            executorMemoryBytes,
            null,
            executorCores,
            null,
            driverMemoryBytes,
            dynamicAllocation,
            null,
            true,
            null,
            null,
            master,
            Map.of());
    ApplicationInfo app =
        new ApplicationInfo(
            "app-test",
            null,
            "test",
            "3.5.1",
            "tester",
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-01T00:00:00Z").plusMillis(durationMs),
            durationMs,
            true,
            "yarn",
            List.of(),
            config);
    long tasks = metricsTasks;
    long failed = metricsFailedTasks;
    RunMetrics metrics =
        new RunMetrics(
            0,
            0,
            stages.size(),
            0,
            0,
            tasks,
            failed,
            0,
            0,
            executors.size(),
            0,
            executors.size(),
            runTime,
            null,
            0,
            null,
            null,
            allocatedCoreMs,
            busyCoreMs,
            allocatedCoreMs > 0 ? 100.0 * (allocatedCoreMs - busyCoreMs) / allocatedCoreMs : null,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            null,
            0,
            0,
            executorMemoryBytes,
            null,
            null,
            null,
            0);
    return new RunAnalysis(app, metrics, List.of(), stages, sql, executors, null);
  }

  /** A distribution whose quantiles are all {@code typical} except the max. */
  static Distribution dist(long count, double typical, double max) {
    return new Distribution(
        count, typical, typical, typical, typical, typical, max, typical * (count - 1) + max);
  }

  static Node node(String name, String simpleString) {
    return new Node(name, simpleString);
  }

  static Node node(String name) {
    return new Node(name, name);
  }

  /** A plan node under construction; ids are assigned in pre-order when the SQL is built. */
  static final class Node {
    final String name;
    final String simpleString;
    final Map<String, String> metadata = new LinkedHashMap<>();
    final List<PlanMetric> metrics = new ArrayList<>();
    final List<Node> children = new ArrayList<>();

    Node(String name, String simpleString) {
      this.name = name;
      this.simpleString = simpleString;
    }

    Node meta(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    Node metric(String metricName, long value) {
      return metric(metricName, "sum", value);
    }

    Node metric(String metricName, String type, long value) {
      metrics.add(new PlanMetric(metricName, type, metrics.size(), value));
      return this;
    }

    Node children(Node... nodes) {
      children.addAll(List.of(nodes));
      return this;
    }

    PlanNode build(int[] nextId) {
      int id = nextId[0]++;
      List<PlanNode> built = new ArrayList<>();
      for (Node c : children) {
        built.add(c.build(nextId));
      }
      return new PlanNode(id, name, name, simpleString, metadata, metrics, built);
    }
  }

  static final class SqlBuilder {
    final long id;
    final Node plan;
    String description = "count at Job.scala:10";
    Long durationMs = 10_000L;
    String physicalPlanDescription;
    List<Integer> jobIds = List.of(0);
    List<Integer> stageIds = List.of();
    Long filesWritten;
    Long bytesWritten;
    boolean streaming;

    SqlBuilder(long id, Node plan) {
      this.id = id;
      this.plan = plan;
    }

    SqlBuilder description(String d) {
      description = d;
      return this;
    }

    SqlBuilder durationMs(long ms) {
      durationMs = ms;
      return this;
    }

    SqlBuilder planText(String text) {
      physicalPlanDescription = text;
      return this;
    }

    SqlBuilder jobs(Integer... ids) {
      jobIds = List.of(ids);
      return this;
    }

    SqlBuilder stages(Integer... ids) {
      stageIds = List.of(ids);
      return this;
    }

    SqlBuilder written(long files, long bytes) {
      filesWritten = files;
      bytesWritten = bytes;
      return this;
    }

    SqlBuilder streaming() {
      streaming = true;
      return this;
    }

    SqlExecution build() {
      return new SqlExecution(
          id,
          description,
          0L,
          durationMs,
          durationMs,
          "SUCCEEDED",
          null,
          plan.build(new int[] {0}),
          0,
          0,
          physicalPlanDescription,
          jobIds,
          stageIds,
          null,
          filesWritten,
          bytesWritten,
          streaming);
    }
  }

  static final class StageBuilder {
    final int id;
    int attempt;
    String status = "COMPLETE";
    String failureReason;
    int numTasks = 100;
    int failedTasks;
    int speculativeTasks;
    Long durationMs = 60_000L;
    Long sqlExecutionId;
    long executorRunTimeMs = 100_000;
    long jvmGcTimeMs;
    long inputBytes;
    long shuffleReadBytes;
    long memorySpillBytes;
    long diskSpillBytes;
    long peakExecutionMemory;
    Distribution taskDurationMs = Distribution.EMPTY;
    Distribution taskInputBytes = Distribution.EMPTY;
    Distribution taskShuffleReadBytes = Distribution.EMPTY;
    Distribution taskSpillBytes = Distribution.EMPTY;

    StageBuilder(int id) {
      this.id = id;
    }

    StageBuilder tasks(int n) {
      numTasks = n;
      return this;
    }

    StageBuilder failed(int n) {
      failedTasks = n;
      return this;
    }

    StageBuilder duration(long ms) {
      durationMs = ms;
      return this;
    }

    StageBuilder sql(long id) {
      sqlExecutionId = id;
      return this;
    }

    StageBuilder runTime(long ms) {
      executorRunTimeMs = ms;
      return this;
    }

    StageBuilder gc(long ms) {
      jvmGcTimeMs = ms;
      return this;
    }

    StageBuilder input(long bytes) {
      inputBytes = bytes;
      return this;
    }

    StageBuilder shuffleRead(long bytes) {
      shuffleReadBytes = bytes;
      return this;
    }

    StageBuilder spill(long memory, long disk) {
      memorySpillBytes = memory;
      diskSpillBytes = disk;
      return this;
    }

    StageBuilder taskDurations(Distribution d) {
      taskDurationMs = d;
      return this;
    }

    StageBuilder taskShuffleRead(Distribution d) {
      taskShuffleReadBytes = d;
      return this;
    }

    StageBuilder taskInput(Distribution d) {
      taskInputBytes = d;
      return this;
    }

    StageMetrics build() {
      int completed = Math.max(0, numTasks - failedTasks);
      return new StageMetrics(
          id,
          attempt,
          "stage " + id,
          status,
          failureReason,
          numTasks,
          completed,
          failedTasks,
          0,
          speculativeTasks,
          0L,
          durationMs,
          durationMs,
          List.of(0),
          sqlExecutionId,
          List.of(),
          List.of(),
          executorRunTimeMs,
          null,
          jvmGcTimeMs,
          inputBytes,
          0,
          0,
          0,
          shuffleReadBytes,
          0,
          0,
          0,
          0,
          0,
          memorySpillBytes,
          diskSpillBytes,
          peakExecutionMemory,
          taskDurationMs,
          taskInputBytes,
          taskShuffleReadBytes,
          taskSpillBytes);
    }
  }

  static final class ExecutorBuilder {
    String id;
    String host;
    int cores = 4;
    long tasks = 100;
    long failedTasks;
    long taskRunTimeMs = 100_000;
    long gcMs;
    Long peakHeap;
    String removedReason;

    ExecutorBuilder(String id) {
      this.id = id;
      this.host = "host-" + id;
    }

    ExecutorSummary build() {
      return new ExecutorSummary(
          id,
          host,
          cores,
          0L,
          null,
          removedReason,
          tasks,
          failedTasks,
          taskRunTimeMs,
          gcMs,
          peakHeap,
          null,
          null);
    }
  }
}
