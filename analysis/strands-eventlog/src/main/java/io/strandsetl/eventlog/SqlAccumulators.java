package io.strandsetl.eventlog;

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

  // Open addressing on primitive ids: every task end looks up each of its accumulables (hundreds
  // per task on Photon logs), so no boxing and no entry objects on that path.
  private long[] ids = new long[1024];
  private Value[] values = new Value[1024];
  private int size;

  void register(long id, String metricType) {
    if (get(id) == null) {
      put(id, new Value(metricType));
    }
  }

  boolean isSqlMetric(long id) {
    return get(id) != null;
  }

  void addTaskUpdate(long id, long update) {
    Value v = get(id);
    if (v != null) {
      v.taskSum += update;
      v.taskCount++;
    }
  }

  void setDriverValue(long id, long value) {
    Value v = get(id);
    if (v == null) {
      v = new Value("sum");
      put(id, v);
    }
    v.driverSet = true;
    v.driverValue = value;
  }

  private static int slot(long id, int mask) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private Value get(long id) {
    int mask = ids.length - 1;
    for (int i = slot(id, mask); ; i = (i + 1) & mask) {
      Value v = values[i];
      if (v == null || ids[i] == id) {
        return v;
      }
    }
  }

  private void put(long id, Value value) {
    if (2 * (size + 1) > ids.length) {
      long[] oldIds = ids;
      Value[] oldValues = values;
      ids = new long[oldIds.length * 2];
      values = new Value[oldIds.length * 2];
      size = 0;
      for (int i = 0; i < oldIds.length; i++) {
        if (oldValues[i] != null) {
          put(oldIds[i], oldValues[i]);
        }
      }
    }
    int mask = ids.length - 1;
    int i = slot(id, mask);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    ids[i] = id;
    values[i] = value;
    size++;
  }

  /** The final value, or null when nothing was ever reported for it. */
  Long value(long id) {
    Value v = get(id);
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
