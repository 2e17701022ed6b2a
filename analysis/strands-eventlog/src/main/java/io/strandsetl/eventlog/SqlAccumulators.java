package io.strandsetl.eventlog;

import java.util.HashMap;
import java.util.Map;

/**
 * Final values of SQL-metric accumulators, as Spark's SQL UI computes them: the per-task updates
 * ("Update" of "Task Info"."Accumulables" in task-end events) summed, plus the driver-side value
 * ({@code SparkListenerDriverAccumUpdates}; the last one per accumulator wins, as in Spark). Only
 * accumulators declared by a plan (or an adaptive SQL-metric update) are tracked, so memory is
 * bounded by the number of SQL metrics, not by the number of tasks.
 */
final class SqlAccumulators {
  private static final class Value {
    final String type;
    long taskSum;
    long taskCount;
    boolean driverSet;
    long driverValue;

    Value(String type) {
      this.type = type;
    }
  }

  private final Map<Long, Value> values = new HashMap<>();

  void register(long id, String metricType) {
    values.computeIfAbsent(id, k -> new Value(metricType));
  }

  boolean isSqlMetric(long id) {
    return values.containsKey(id);
  }

  void addTaskUpdate(long id, long update) {
    Value v = values.get(id);
    if (v != null) {
      v.taskSum += update;
      v.taskCount++;
    }
  }

  void setDriverValue(long id, long value) {
    Value v = values.computeIfAbsent(id, k -> new Value("sum"));
    v.driverSet = true;
    v.driverValue = value;
  }

  /** The final value, or null when nothing was ever reported for it. */
  Long value(long id) {
    Value v = values.get(id);
    if (v == null || (v.taskCount == 0 && !v.driverSet)) {
      return null;
    }
    long total = v.taskSum + (v.driverSet ? v.driverValue : 0);
    if ("average".equals(v.type)) {
      long n = v.taskCount + (v.driverSet ? 1 : 0);
      return n == 0 ? null : total / n;
    }
    return total;
  }
}
