package io.strandsetl.eventlog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One {@code SparkListenerTaskEnd}, parsed by streaming tokens (no tree): it is the most frequent
 * and the largest event of a log (tens of KB with SQL accumulables). The instance is reused for
 * every task. Absent fields stay 0 (-1 for CPU time and memory peaks, which old Spark versions do
 * not write). Units as Spark writes them: run/GC/fetch-wait times ms, CPU and write times ns.
 */
final class TaskEndEvent {
  int stageId;
  int stageAttemptId;
  String reason;
  long launchTimeMs;
  long finishTimeMs;
  String executorId;
  String host;
  boolean speculative;
  boolean failedFlag;
  boolean killedFlag;
  boolean hasFailedFlag;

  long executorRunTimeMs;
  long executorCpuTimeNs;
  long jvmGcTimeMs;
  long peakExecutionMemoryBytes;
  long memorySpillBytes;
  long diskSpillBytes;
  long inputBytes;
  long inputRecords;
  long outputBytes;
  long outputRecords;
  long shuffleRemoteBytes;
  long shuffleLocalBytes;
  long shuffleRecordsRead;
  long shuffleFetchWaitMs;
  long shuffleWriteBytes;
  long shuffleWriteRecords;
  long shuffleWriteTimeNs;
  long jvmHeapPeakBytes;
  long jvmOffHeapPeakBytes;

  void reset() {
    stageId = -1;
    stageAttemptId = 0;
    reason = null;
    launchTimeMs = 0;
    finishTimeMs = 0;
    executorId = null;
    host = null;
    speculative = false;
    failedFlag = false;
    killedFlag = false;
    hasFailedFlag = false;
    executorRunTimeMs = 0;
    executorCpuTimeNs = -1;
    jvmGcTimeMs = 0;
    peakExecutionMemoryBytes = 0;
    memorySpillBytes = 0;
    diskSpillBytes = 0;
    inputBytes = 0;
    inputRecords = 0;
    outputBytes = 0;
    outputRecords = 0;
    shuffleRemoteBytes = 0;
    shuffleLocalBytes = 0;
    shuffleRecordsRead = 0;
    shuffleFetchWaitMs = 0;
    shuffleWriteBytes = 0;
    shuffleWriteRecords = 0;
    shuffleWriteTimeNs = 0;
    jvmHeapPeakBytes = -1;
    jvmOffHeapPeakBytes = -1;
  }

  boolean succeeded() {
    return "Success".equals(reason);
  }

  boolean failed() {
    // Spark 1.0+ writes "Failed"; fall back to the reason for writers that do not.
    return hasFailedFlag
        ? failedFlag && !killed()
        : !succeeded() && !killed() && !"Resubmitted".equals(reason);
  }

  boolean killed() {
    return killedFlag || "TaskKilled".equals(reason);
  }

  /**
   * Reads the rest of the event (the parser is just after the "Event" field).
   *
   * @param sql receives the updates of SQL-metric accumulators found in "Task Info"."Accumulables"
   */
  void parse(JsonParser p, SqlAccumulators sql) throws IOException {
    reset();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "Stage ID" -> stageId = p.getValueAsInt(-1);
        case "Stage Attempt ID" -> stageAttemptId = p.getValueAsInt(0);
        case "Task End Reason" -> parseReason(p, t);
        case "Task Info" -> parseTaskInfo(p, t, sql);
        case "Task Metrics" -> parseMetrics(p, t);
        case "Task Executor Metrics" -> parseExecutorMetrics(p, t);
        default -> p.skipChildren();
      }
    }
    end(p);
  }

  private void parseReason(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      if (name.equals("Reason")) {
        reason = p.getValueAsString();
      } else {
        p.skipChildren();
      }
    }
    end(p);
  }

  private void parseTaskInfo(JsonParser p, JsonToken t, SqlAccumulators sql) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "Launch Time" -> launchTimeMs = p.getValueAsLong(0);
        case "Finish Time" -> finishTimeMs = p.getValueAsLong(0);
        case "Executor ID" -> executorId = p.getValueAsString();
        case "Host" -> host = p.getValueAsString();
        case "Speculative" -> speculative = v == JsonToken.VALUE_TRUE;
        case "Failed" -> {
          hasFailedFlag = true;
          failedFlag = v == JsonToken.VALUE_TRUE;
        }
        case "Killed" -> killedFlag = v == JsonToken.VALUE_TRUE;
        case "Accumulables" -> parseAccumulables(p, v, sql);
        default -> p.skipChildren();
      }
    }
    end(p);
  }

  private static void parseAccumulables(JsonParser p, JsonToken t, SqlAccumulators sql)
      throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e == null) {
        throw new IOException("unexpected end of input");
      }
      if (e != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      long id = Long.MIN_VALUE;
      boolean known = false;
      String pendingUpdate = null;
      boolean hasPending = false;
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken v = p.nextToken();
        if (name.equals("ID")) {
          id = p.getValueAsLong(Long.MIN_VALUE);
          known = sql.isSqlMetric(id);
          if (known && hasPending) {
            sql.addTaskUpdate(id, parseLong(pendingUpdate));
          }
        } else if (name.equals("Update")) {
          if (known) {
            sql.addTaskUpdate(
                id, v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : parseLong(p.getText()));
          } else if (id == Long.MIN_VALUE) {
            // "ID" normally comes first; keep the value in case it does not.
            hasPending = true;
            pendingUpdate = v.isScalarValue() ? p.getText() : null;
            p.skipChildren();
          } else {
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
      end(p);
    }
  }

  private static long parseLong(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        return (long) Double.parseDouble(s);
      } catch (NumberFormatException again) {
        return 0;
      }
    }
  }

  private void parseMetrics(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "Executor Run Time" -> executorRunTimeMs = p.getValueAsLong(0);
        case "Executor CPU Time" -> executorCpuTimeNs = p.getValueAsLong(0);
        case "JVM GC Time" -> jvmGcTimeMs = p.getValueAsLong(0);
        case "Peak Execution Memory" -> peakExecutionMemoryBytes = p.getValueAsLong(0);
        case "Memory Bytes Spilled" -> memorySpillBytes = p.getValueAsLong(0);
        case "Disk Bytes Spilled" -> diskSpillBytes = p.getValueAsLong(0);
        case "Input Metrics" -> parseIo(p, v, true);
        case "Output Metrics" -> parseIo(p, v, false);
        case "Shuffle Read Metrics" -> parseShuffleRead(p, v);
        case "Shuffle Write Metrics" -> parseShuffleWrite(p, v);
        default -> p.skipChildren();
      }
    }
    end(p);
  }

  private void parseIo(JsonParser p, JsonToken t, boolean input) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "Bytes Read" -> inputBytes += input ? p.getValueAsLong(0) : 0;
        case "Records Read" -> inputRecords += input ? p.getValueAsLong(0) : 0;
        case "Bytes Written" -> outputBytes += input ? 0 : p.getValueAsLong(0);
        case "Records Written" -> outputRecords += input ? 0 : p.getValueAsLong(0);
        default -> p.skipChildren();
      }
    }
    end(p);
  }

  private void parseShuffleRead(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "Remote Bytes Read" -> shuffleRemoteBytes = p.getValueAsLong(0);
        case "Local Bytes Read" -> shuffleLocalBytes = p.getValueAsLong(0);
        case "Total Records Read" -> shuffleRecordsRead = p.getValueAsLong(0);
        case "Fetch Wait Time" -> shuffleFetchWaitMs = p.getValueAsLong(0);
        default -> p.skipChildren();
      }
    }
    end(p);
  }

  private void parseShuffleWrite(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "Shuffle Bytes Written" -> shuffleWriteBytes = p.getValueAsLong(0);
        case "Shuffle Write Time" -> shuffleWriteTimeNs = p.getValueAsLong(0);
        case "Shuffle Records Written" -> shuffleWriteRecords = p.getValueAsLong(0);
        default -> p.skipChildren();
      }
    }
    end(p);
  }

  private void parseExecutorMetrics(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "JVMHeapMemory" -> jvmHeapPeakBytes = p.getValueAsLong(-1);
        case "JVMOffHeapMemory" -> jvmOffHeapPeakBytes = p.getValueAsLong(-1);
        default -> p.skipChildren();
      }
    }
    end(p);
  }

  /** After a field loop, the parser must be on END_OBJECT; anything else is a cut-off line. */
  static void end(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new IOException("unexpected end of input");
    }
  }
}
