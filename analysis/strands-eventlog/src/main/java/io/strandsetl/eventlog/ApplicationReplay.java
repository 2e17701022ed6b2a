package io.strandsetl.eventlog;

import static io.strandsetl.eventlog.JsonTree.asMap;
import static io.strandsetl.eventlog.JsonTree.integer;
import static io.strandsetl.eventlog.JsonTree.list;
import static io.strandsetl.eventlog.JsonTree.lng;
import static io.strandsetl.eventlog.JsonTree.map;
import static io.strandsetl.eventlog.JsonTree.str;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.strandsetl.eventlog.plan.PlanInfoParser;
import io.strandsetl.model.plan.PlanNode;
import io.strandsetl.model.run.ApplicationInfo;
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.JobSummary;
import io.strandsetl.model.run.LogDiagnostics;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.RunMetrics;
import io.strandsetl.model.run.SparkConfigSummary;
import io.strandsetl.model.run.SqlExecution;
import io.strandsetl.model.run.StageMetrics;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of one application while its events are replayed, aggregated per stage attempt,
 * executor, job and SQL execution (never per task), and turned into a {@link RunAnalysis} at the
 * end.
 */
final class ApplicationReplay {
  // Spark events we understand but that carry nothing we report; not counted as unknown.
  private static final Set<String> IGNORED =
      Set.of(
          "SparkListenerTaskStart",
          "SparkListenerTaskGettingResult",
          "SparkListenerBlockManagerRemoved",
          "SparkListenerUnpersistRDD",
          "SparkListenerBlockUpdated",
          "SparkListenerSpeculativeTaskSubmitted",
          "SparkListenerExecutorBlacklisted",
          "SparkListenerExecutorUnblacklisted",
          "SparkListenerNodeBlacklisted",
          "SparkListenerNodeUnblacklisted",
          "SparkListenerExecutorExcluded",
          "SparkListenerExecutorUnexcluded",
          "SparkListenerNodeExcluded",
          "SparkListenerNodeUnexcluded",
          "SparkListenerExecutorBlacklistedForStage",
          "SparkListenerNodeBlacklistedForStage",
          "SparkListenerExecutorExcludedForStage",
          "SparkListenerNodeExcludedForStage",
          "SparkListenerUnschedulableTaskSetAdded",
          "SparkListenerUnschedulableTaskSetRemoved",
          "SparkListenerMiscellaneousProcessAdded",
          "SparkListenerResourceProfileAdded",
          "DBCEventLoggingListenerMetadata");

  private static final Set<String> STREAMING_NODES =
      Set.of(
          "MicroBatchScan",
          "StateStoreSave",
          "StateStoreRestore",
          "StreamingSymmetricHashJoin",
          "StreamingDeduplicate",
          "StreamingGlobalLimit",
          "EventTimeWatermark");

  private static final class ExecutorState {
    final String id;
    String host;
    int cores;
    Long addedTimeMs;
    Long removedTimeMs;
    String removedReason;
    boolean announced;
    long tasks;
    long failedTasks;
    long runTimeMs;
    long gcTimeMs;
    long heapPeak = -1;
    long offHeapPeak = -1;
    Long maxStorage;

    ExecutorState(String id) {
      this.id = id;
    }
  }

  private static final class JobState {
    final int jobId;
    Long submissionTimeMs;
    Long completionTimeMs;
    String status = "RUNNING";
    String failureReason;
    List<Integer> stageIds = List.of();
    Long sqlExecutionId;

    JobState(int jobId) {
      this.jobId = jobId;
    }
  }

  private static final class DeclaredStage {
    String name;
    int numTasks;
    List<Integer> parents = List.of();
    List<String> rddNames = List.of();
  }

  private static final class SqlState {
    final long executionId;
    String description;
    Long startTimeMs;
    Long endTimeMs;
    String errorMessage;
    PlanNode plan;
    int initialPlanNodeCount;
    int adaptiveUpdates;
    String physicalPlanDescription;
    // The line of the latest adaptive update whose plan is not parsed yet (see onAdaptiveUpdate).
    byte[] pendingPlanLine;

    SqlState(long executionId) {
      this.executionId = executionId;
    }
  }

  private final EventLogSource source;
  private final JsonFactory json;
  // The line being handled by onLine.
  private byte[] line;
  private int lineOffset;
  private int lineLength;
  private final SqlAccumulators accumulators = new SqlAccumulators();
  private final TaskEndEvent taskEnd = new TaskEndEvent();
  private final FastEventScanner fast = new FastEventScanner();

  private String appId;
  private String attemptId;
  private String appName;
  private String sparkVersion;
  private String vendorSparkVersion;
  private String user;
  private Long startTimeMs;
  private Long endTimeMs;
  private long lastTimestampMs;
  private final Map<String, String> properties = new HashMap<>();

  private final Map<Long, StageState> stages = new HashMap<>();
  private final Map<Integer, DeclaredStage> declaredStages = new HashMap<>();
  private final Map<Integer, JobState> jobs = new TreeMap<>();
  private final Map<Integer, List<Integer>> stageJobs = new HashMap<>();
  private final Map<Integer, Long> stageSql = new HashMap<>();
  private final Map<Long, SqlState> sqls = new TreeMap<>();
  private final Map<String, ExecutorState> executors = new LinkedHashMap<>();
  private int executorsAdded;
  private int executorsRemoved;
  private int liveExecutors;
  private int maxLiveExecutors;
  private boolean streamingEvents;

  private long events;
  private final Map<String, Long> unknownEvents = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();

  ApplicationReplay(EventLogSource source, JsonFactory json) {
    this.source = source;
    this.json = json;
  }

  long events() {
    return events;
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  /**
   * Handles the frequent task events straight from the line's bytes when Spark wrote them the usual
   * way (see {@link FastEventScanner}).
   *
   * @return false when nothing was done and the line must go through {@link #onLine}
   */
  boolean onLineFast(byte[] buffer, int offset, int length) {
    if (FastEventScanner.startsWith(buffer, offset, length, FastEventScanner.TASK_END)) {
      if (fast.taskEnd(buffer, offset, length, taskEnd, accumulators)) {
        events++;
        onTaskEnd(taskEnd);
        return true;
      }
    } else if (FastEventScanner.startsWith(buffer, offset, length, FastEventScanner.TASK_START)) {
      if (fast.skipObjectRest(buffer, offset, length, FastEventScanner.TASK_START)) {
        events++;
        return true;
      }
    }
    return false;
  }

  /**
   * Handles one line; the parser is positioned before the first token.
   *
   * @throws IOException when the line is not a JSON object (the caller counts it as malformed)
   */
  void onLine(JsonParser p, byte[] buffer, int offset, int length) throws IOException {
    line = buffer;
    lineOffset = offset;
    lineLength = length;
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("not a JSON object");
    }
    String first = p.nextFieldName();
    if ("Event".equals(first)) {
      p.nextToken();
      String event = p.getValueAsString();
      if (event == null) {
        throw new IOException("Event is not a string");
      }
      dispatch(event, p);
      return;
    }
    // Spark always writes "Event" first; other writers may not. Read the whole object then.
    Map<String, Object> tree = new LinkedHashMap<>();
    if (first != null) {
      p.nextToken();
      tree.put(first, JsonTree.value(p));
      tree.putAll(JsonTree.objectRest(p));
    }
    String event = str(tree, "Event");
    if (event == null) {
      throw new IOException("no Event field");
    }
    events++;
    handleTree(shortName(event), event, tree);
  }

  private static String shortName(String event) {
    // Spark's own events in other packages (SQL, streaming) are matched by their simple name.
    if (event.startsWith("org.apache.spark.")) {
      return event.substring(event.lastIndexOf('.') + 1);
    }
    return event;
  }

  private void dispatch(String event, JsonParser p) throws IOException {
    String name = shortName(event);
    switch (name) {
      case "SparkListenerTaskEnd" -> {
        taskEnd.parse(p, accumulators);
        events++;
        onTaskEnd(taskEnd);
      }
      case "SparkListenerExecutorMetricsUpdate", "SparkListenerStageExecutorMetrics" -> {
        scanPeaks(p);
        events++;
      }
      case "SparkListenerSQLAdaptiveExecutionUpdate" -> {
        if (!onAdaptiveUpdate(p)) {
          // Not the usual shape: read the line again as a tree, as for any other event.
          try (JsonParser again = json.createParser(line, lineOffset, lineLength)) {
            again.nextToken();
            again.nextFieldName();
            again.nextToken();
            Map<String, Object> tree = JsonTree.objectRest(again);
            events++;
            handleTree(name, event, tree);
          }
        } else {
          events++;
        }
      }
      case "SparkListenerTaskStart",
          "SparkListenerTaskGettingResult",
          "SparkListenerBlockUpdated" -> {
        skipRest(p);
        events++;
      }
      default -> {
        Map<String, Object> tree = JsonTree.objectRest(p);
        events++;
        handleTree(name, event, tree);
      }
    }
  }

  private static void skipRest(JsonParser p) throws IOException {
    while (p.nextFieldName() != null) {
      p.nextToken();
      p.skipChildren();
    }
    TaskEndEvent.end(p);
  }

  /** Executor memory peaks from executor-metrics events, whatever their nesting. */
  private void scanPeaks(JsonParser p) throws IOException {
    String executorId = null;
    long heap = -1;
    long offHeap = -1;
    int depth = 1;
    while (depth > 0) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IOException("unexpected end of input");
      }
      switch (t) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case FIELD_NAME -> {
          String f = p.currentName();
          if (f.equals("Executor ID") && depth == 1) {
            p.nextToken();
            executorId = p.getValueAsString();
          } else if (f.equals("JVMHeapMemory")) {
            p.nextToken();
            heap = Math.max(heap, p.getValueAsLong(-1));
          } else if (f.equals("JVMOffHeapMemory")) {
            p.nextToken();
            offHeap = Math.max(offHeap, p.getValueAsLong(-1));
          }
        }
        default -> {}
      }
    }
    if (executorId != null) {
      recordPeaks(executor(executorId), heap, offHeap);
    }
  }

  private static void recordPeaks(ExecutorState e, long heap, long offHeap) {
    // Spark writes 0 for metrics it did not collect; only positive values are peaks.
    if (heap > 0) {
      e.heapPeak = Math.max(e.heapPeak, heap);
    }
    if (offHeap > 0) {
      e.offHeapPeak = Math.max(e.offHeapPeak, offHeap);
    }
  }

  private ExecutorState executor(String id) {
    return executors.computeIfAbsent(id, ExecutorState::new);
  }

  private StageState stage(int stageId, int attemptId) {
    return stages.computeIfAbsent(
        ((long) stageId << 32) | (attemptId & 0xffffffffL),
        k -> new StageState(stageId, attemptId));
  }

  private void seen(Long timestampMs) {
    if (timestampMs != null && timestampMs > lastTimestampMs) {
      lastTimestampMs = timestampMs;
    }
  }

  private void onTaskEnd(TaskEndEvent t) {
    stage(t.stageId, t.stageAttemptId).add(t);
    seen(t.finishTimeMs);
    if (t.executorId != null) {
      ExecutorState e = executor(t.executorId);
      if (e.host == null) {
        e.host = t.host;
      }
      e.tasks++;
      if (t.failed()) {
        e.failedTasks++;
      }
      e.runTimeMs += t.executorRunTimeMs;
      e.gcTimeMs += t.jvmGcTimeMs;
      recordPeaks(e, t.jvmHeapPeakBytes, t.jvmOffHeapPeakBytes);
    }
  }

  /**
   * An adaptive update, streamed. Only the last plan of an execution is reported, yet these events
   * are the largest of a log (a plan of ~1 MB, ten or more per query): the plan is only scanned for
   * its metrics (registered now, in the pre-order a full parse would use, because task ends that
   * follow are matched against them) and its line is kept; it is parsed once, when the execution
   * ends or at the end of the log, if no later plan replaced it.
   *
   * @return false, having changed nothing, when the event is not in the usual shape (a value of an
   *     unexpected type, a repeated key): the caller reads it as a tree then
   */
  private boolean onAdaptiveUpdate(JsonParser p) throws IOException {
    Long executionId = null;
    String text = null;
    boolean hasPlan = false;
    boolean seenId = false;
    boolean seenText = false;
    boolean seenPlan = false;
    List<List<long[]>> nodeMetrics = null;
    List<List<String>> nodeTypes = null;
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (field) {
        case "executionId" -> {
          if (seenId
              || t != JsonToken.VALUE_NUMBER_INT
              || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return false;
          }
          seenId = true;
          executionId = p.getLongValue();
        }
        case "physicalPlanDescription" -> {
          if (seenText || (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL)) {
            return false;
          }
          seenText = true;
          text = t == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        case "sparkPlanInfo" -> {
          if (seenPlan) {
            return false;
          }
          seenPlan = true;
          if (t == JsonToken.START_OBJECT) {
            hasPlan = true;
            nodeMetrics = new ArrayList<>();
            nodeTypes = new ArrayList<>();
            if (!scanPlanNode(p, nodeMetrics, nodeTypes)) {
              return false;
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    TaskEndEvent.end(p);
    if (executionId == null) {
      return false;
    }
    SqlState q = sqls.computeIfAbsent(executionId, SqlState::new);
    if (hasPlan) {
      for (int n = 0; n < nodeMetrics.size(); n++) {
        List<long[]> ids = nodeMetrics.get(n);
        for (int m = 0; m < ids.size(); m++) {
          accumulators.register(ids.get(m)[0], nodeTypes.get(n).get(m));
        }
      }
      q.plan = null;
      q.pendingPlanLine = java.util.Arrays.copyOfRange(line, lineOffset, lineOffset + lineLength);
      if (q.initialPlanNodeCount == 0) {
        q.initialPlanNodeCount = nodeMetrics.size();
      }
    }
    if (text != null) {
      q.physicalPlanDescription = text;
    }
    q.adaptiveUpdates++;
    return true;
  }

  /**
   * One plan node (the parser is on its START_OBJECT): adds its metrics at its pre-order index,
   * then its children's. False on a shape PlanInfoParser would read differently.
   */
  private static boolean scanPlanNode(
      JsonParser p, List<List<long[]>> nodeMetrics, List<List<String>> nodeTypes)
      throws IOException {
    int index = nodeMetrics.size();
    nodeMetrics.add(new ArrayList<>());
    nodeTypes.add(new ArrayList<>());
    boolean seenChildren = false;
    boolean seenMetrics = false;
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (field.equals("children")) {
        if (seenChildren) {
          return false;
        }
        seenChildren = true;
        if (t != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          if (e == null) {
            throw new IOException("unexpected end of input");
          }
          if (e == JsonToken.START_OBJECT) {
            if (!scanPlanNode(p, nodeMetrics, nodeTypes)) {
              return false;
            }
          } else {
            p.skipChildren();
          }
        }
      } else if (field.equals("metrics")) {
        if (seenMetrics) {
          return false;
        }
        seenMetrics = true;
        if (t != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
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
          Long id = null;
          String type = null;
          boolean seenType = false;
          String f;
          while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (f.equals("accumulatorId")) {
              if (id != null
                  || v != JsonToken.VALUE_NUMBER_INT
                  || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return false;
              }
              id = p.getLongValue();
            } else if (f.equals("metricType")) {
              if (seenType || (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL)) {
                return false;
              }
              seenType = true;
              type = v == JsonToken.VALUE_STRING ? p.getText() : null;
            } else {
              p.skipChildren();
            }
          }
          TaskEndEvent.end(p);
          if (id == null) {
            return false; // PlanInfoParser ignores it; keep the rare case on the tree path
          }
          nodeMetrics.get(index).add(new long[] {id});
          nodeTypes.get(index).add(type == null ? "sum" : type);
        }
      } else {
        p.skipChildren();
      }
    }
    TaskEndEvent.end(p);
    return true;
  }

  /** Parses the plan of an execution's latest adaptive update if it is still pending. */
  private void parsePendingPlan(SqlState q) {
    if (q.pendingPlanLine == null) {
      return;
    }
    byte[] bytes = q.pendingPlanLine;
    q.pendingPlanLine = null;
    try (JsonParser p = json.createParser(bytes)) {
      p.nextToken();
      Map<String, Object> e = JsonTree.objectRest(p);
      // Its metrics were registered when the update was read: these registrations change nothing.
      q.plan = PlanInfoParser.parse(map(e, "sparkPlanInfo"), accumulators::register);
    } catch (IOException e) {
      // The same bytes were read without error when the update arrived.
      throw new IllegalStateException("Cannot parse a plan read before: " + e.getMessage(), e);
    }
  }

  private void handleTree(String name, String fullName, Map<String, Object> e) {
    switch (name) {
      case "SparkListenerLogStart" -> sparkVersion = str(e, "Spark Version");
      case "SparkListenerApplicationStart" -> {
        if (appId == null) {
          appId = str(e, "App ID");
          attemptId = str(e, "App Attempt ID");
          appName = str(e, "App Name");
          user = str(e, "User");
          startTimeMs = lng(e, "Timestamp");
          seen(startTimeMs);
        }
      }
      case "SparkListenerApplicationEnd" -> {
        endTimeMs = lng(e, "Timestamp");
        seen(endTimeMs);
      }
      case "SparkListenerEnvironmentUpdate" -> onEnvironment(e);
      case "SparkListenerExecutorAdded" -> {
        ExecutorState x = executor(String.valueOf(str(e, "Executor ID")));
        Map<String, Object> info = map(e, "Executor Info");
        x.host = str(info, "Host");
        Integer cores = integer(info, "Total Cores");
        x.cores = cores == null ? 0 : cores;
        x.addedTimeMs = lng(e, "Timestamp");
        x.removedTimeMs = null;
        x.announced = true;
        seen(x.addedTimeMs);
        executorsAdded++;
        liveExecutors++;
        maxLiveExecutors = Math.max(maxLiveExecutors, liveExecutors);
      }
      case "SparkListenerExecutorRemoved" -> {
        ExecutorState x = executor(String.valueOf(str(e, "Executor ID")));
        x.removedTimeMs = lng(e, "Timestamp");
        x.removedReason = str(e, "Removed Reason");
        seen(x.removedTimeMs);
        executorsRemoved++;
        liveExecutors = Math.max(0, liveExecutors - 1);
      }
      case "SparkListenerBlockManagerAdded" -> {
        Map<String, Object> id = map(e, "Block Manager ID");
        String executorId = str(id, "Executor ID");
        if (executorId != null) {
          ExecutorState x = executor(executorId);
          if (x.host == null) {
            x.host = str(id, "Host");
          }
          x.maxStorage = lng(e, "Maximum Memory");
        }
      }
      case "SparkListenerJobStart" -> onJobStart(e);
      case "SparkListenerJobEnd" -> {
        JobState job = jobs.computeIfAbsent(integer(e, "Job ID"), JobState::new);
        job.completionTimeMs = lng(e, "Completion Time");
        seen(job.completionTimeMs);
        Map<String, Object> result = map(e, "Job Result");
        String r = str(result, "Result");
        if ("JobSucceeded".equals(r)) {
          job.status = "SUCCEEDED";
        } else {
          job.status = "FAILED";
          job.failureReason = str(map(result, "Exception"), "Message");
          if (job.failureReason == null) {
            job.failureReason = r;
          }
        }
      }
      case "SparkListenerStageSubmitted" -> {
        Map<String, Object> info = map(e, "Stage Info");
        StageState s = stage(integer(info, "Stage ID"), attempt(info));
        s.submitted = true;
        applyStageInfo(s, info);
        Long sqlId = lng(map(e, "Properties"), "spark.sql.execution.id");
        if (sqlId != null) {
          stageSql.putIfAbsent(s.stageId, sqlId);
        }
      }
      case "SparkListenerStageCompleted" -> {
        Map<String, Object> info = map(e, "Stage Info");
        StageState s = stage(integer(info, "Stage ID"), attempt(info));
        s.submitted = true;
        applyStageInfo(s, info);
        s.failureReason = str(info, "Failure Reason");
        s.status = s.failureReason != null ? "FAILED" : "COMPLETE";
        seen(s.completionTimeMs);
        s.freeze();
      }
      case "SparkListenerSQLExecutionStart" -> {
        SqlState q = sqls.computeIfAbsent(lng(e, "executionId"), SqlState::new);
        q.description = str(e, "description");
        q.startTimeMs = lng(e, "time");
        seen(q.startTimeMs);
        q.physicalPlanDescription = str(e, "physicalPlanDescription");
        Map<String, Object> plan = map(e, "sparkPlanInfo");
        if (plan != null) {
          q.plan = PlanInfoParser.parse(plan, accumulators::register);
          q.pendingPlanLine = null;
          q.initialPlanNodeCount = PlanInfoParser.size(q.plan);
        }
      }
      case "SparkListenerSQLAdaptiveExecutionUpdate" -> {
        SqlState q = sqls.computeIfAbsent(lng(e, "executionId"), SqlState::new);
        Map<String, Object> plan = map(e, "sparkPlanInfo");
        if (plan != null) {
          q.plan = PlanInfoParser.parse(plan, accumulators::register);
          q.pendingPlanLine = null;
          if (q.initialPlanNodeCount == 0) {
            q.initialPlanNodeCount = PlanInfoParser.size(q.plan);
          }
        }
        String text = str(e, "physicalPlanDescription");
        if (text != null) {
          q.physicalPlanDescription = text;
        }
        q.adaptiveUpdates++;
      }
      case "SparkListenerSQLAdaptiveSQLMetricUpdates" -> {
        for (Object o : list(e, "sqlPlanMetrics")) {
          Map<String, Object> m = asMap(o);
          Long id = lng(m, "accumulatorId");
          if (id != null) {
            accumulators.register(id, str(m, "metricType"));
          }
        }
      }
      case "SparkListenerDriverAccumUpdates" -> {
        for (Object o : list(e, "accumUpdates")) {
          if (o instanceof List<?> pair && pair.size() == 2) {
            Long id = JsonTree.toLong(pair.get(0));
            Long value = JsonTree.toLong(pair.get(1));
            if (id != null && value != null) {
              accumulators.setDriverValue(id, value);
            }
          }
        }
      }
      default -> {
        if (name.equals("SparkListenerSQLExecutionEnd")) {
          SqlState q = sqls.computeIfAbsent(lng(e, "executionId"), SqlState::new);
          parsePendingPlan(q); // keeps at most the running executions' lines in memory
          q.endTimeMs = lng(e, "time");
          seen(q.endTimeMs);
          String error = str(e, "errorMessage");
          q.errorMessage = error == null || error.isEmpty() ? null : error;
        } else if (fullName.contains("StreamingQueryListener")) {
          streamingEvents = true;
        } else if (name.equals("DBCEventLoggingListenerMetadata")) {
          vendorSparkVersion = str(e, "Spark Version");
        } else if (!IGNORED.contains(name)) {
          unknownEvents.merge(fullName, 1L, Long::sum);
        }
      }
    }
  }

  private static int attempt(Map<String, Object> stageInfo) {
    // "Stage Attempt ID" appeared in Spark 1.2; older logs have one attempt per stage.
    Integer a = integer(stageInfo, "Stage Attempt ID");
    return a == null ? 0 : a;
  }

  private void applyStageInfo(StageState s, Map<String, Object> info) {
    s.name = str(info, "Stage Name");
    Integer n = integer(info, "Number of Tasks");
    s.numTasks = n == null ? s.numTasks : n;
    Long submitted = lng(info, "Submission Time");
    if (submitted != null) {
      s.submissionTimeMs = submitted;
    }
    Long completed = lng(info, "Completion Time");
    if (completed != null) {
      s.completionTimeMs = completed;
    }
    s.parentStageIds = ints(list(info, "Parent IDs"));
    s.rddNames = rddNames(info);
  }

  private static List<Integer> ints(List<Object> values) {
    Set<Integer> out = new TreeSet<>();
    for (Object o : values) {
      Long v = JsonTree.toLong(o);
      if (v != null) {
        out.add((int) (long) v);
      }
    }
    return new ArrayList<>(out);
  }

  /** RDD scope names (operator names such as "Exchange"), else RDD names; highest RDD id first. */
  private static List<String> rddNames(Map<String, Object> info) {
    List<Map<String, Object>> rdds = new ArrayList<>();
    for (Object o : list(info, "RDD Info")) {
      Map<String, Object> m = asMap(o);
      if (m != null) {
        rdds.add(m);
      }
    }
    rdds.sort(
        Comparator.comparingLong(
                (Map<String, Object> m) -> {
                  Long id = lng(m, "RDD ID");
                  return id == null ? 0 : id;
                })
            .reversed());
    List<String> names = new ArrayList<>();
    for (Map<String, Object> m : rdds) {
      String name = scopeName(str(m, "Scope"));
      if (name == null) {
        name = str(m, "Name");
      }
      if (name != null && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static String scopeName(String scopeJson) {
    // The scope is a JSON string like {"id":"10","name":"Exchange"}; a tiny scan suffices.
    if (scopeJson == null) {
      return null;
    }
    int i = scopeJson.indexOf("\"name\":\"");
    if (i < 0) {
      return null;
    }
    int start = i + 8;
    int end = scopeJson.indexOf('"', start);
    return end < 0 ? null : scopeJson.substring(start, end);
  }

  private void onEnvironment(Map<String, Object> e) {
    Object props = e.get("Spark Properties");
    if (props instanceof Map<?, ?> m) {
      m.forEach((k, v) -> properties.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (props instanceof List<?> pairs) {
      // Very old logs wrote [["key","value"], …].
      for (Object o : pairs) {
        if (o instanceof List<?> pair && pair.size() == 2) {
          properties.put(String.valueOf(pair.get(0)), String.valueOf(pair.get(1)));
        }
      }
    }
  }

  private void onJobStart(Map<String, Object> e) {
    JobState job = jobs.computeIfAbsent(integer(e, "Job ID"), JobState::new);
    job.submissionTimeMs = lng(e, "Submission Time");
    seen(job.submissionTimeMs);
    job.sqlExecutionId = lng(map(e, "Properties"), "spark.sql.execution.id");
    Set<Integer> stageIds = new TreeSet<>(ints(list(e, "Stage IDs")));
    for (Object o : list(e, "Stage Infos")) {
      Map<String, Object> info = asMap(o);
      Integer id = integer(info, "Stage ID");
      if (id == null) {
        continue;
      }
      stageIds.add(id);
      DeclaredStage d = declaredStages.computeIfAbsent(id, k -> new DeclaredStage());
      d.name = str(info, "Stage Name");
      Integer n = integer(info, "Number of Tasks");
      d.numTasks = n == null ? 0 : n;
      d.parents = ints(list(info, "Parent IDs"));
      d.rddNames = rddNames(info);
    }
    job.stageIds = new ArrayList<>(stageIds);
    for (int stageId : stageIds) {
      List<Integer> owners = stageJobs.computeIfAbsent(stageId, k -> new ArrayList<>());
      if (!owners.contains(job.jobId)) {
        owners.add(job.jobId);
      }
      if (job.sqlExecutionId != null) {
        stageSql.putIfAbsent(stageId, job.sqlExecutionId);
      }
    }
  }

  // ---------------------------------------------------------------- result

  RunAnalysis finish(LogDiagnosticsBuilder diagnostics) {
    Map<String, String> props = properties;
    SparkConfigSummary config = SparkConfig.summary(props);
    String effectiveAppId = appId != null ? appId : source.appId();
    if (appId == null) {
      warnings.add("no SparkListenerApplicationStart: application id taken from the file name");
    }
    boolean complete = endTimeMs != null && !source.inProgress();
    long endForAllocation = endTimeMs != null ? endTimeMs : lastTimestampMs;

    List<StageMetrics> stageList = stageMetrics();
    List<JobSummary> jobList = jobSummaries();
    List<SqlExecution> sqlList = sqlExecutions();
    List<ExecutorSummary> executorList = executorSummaries();

    String version = sparkVersion;
    if (version == null) {
      String tag = props.get("spark.databricks.clusterUsageTags.sparkVersion");
      version = tag != null ? tag : vendorSparkVersion;
    }
    if (!source.otherAttempts().isEmpty()) {
      warnings.add(
          "other attempts ignored: "
              + source.otherAttempts().size()
              + " "
              + source.otherAttempts());
    }
    RunMetrics metrics = runMetrics(stageList, jobList, config, endForAllocation);
    Long duration = complete && startTimeMs != null ? endTimeMs - startTimeMs : null;
    ApplicationInfo app =
        new ApplicationInfo(
            effectiveAppId,
            attemptId,
            appName,
            version,
            user,
            startTimeMs == null ? null : Instant.ofEpochMilli(startTimeMs),
            complete ? Instant.ofEpochMilli(endTimeMs) : null,
            duration,
            complete,
            SparkConfig.platform(props, effectiveAppId),
            source.otherAttempts(),
            config);
    LogDiagnostics diag = diagnostics.build(unknownEvents, warnings);
    return new RunAnalysis(app, metrics, jobList, stageList, sqlList, executorList, diag);
  }

  private List<StageMetrics> stageMetrics() {
    List<StageState> ordered = new ArrayList<>(stages.values());
    Set<Integer> ran = new TreeSet<>();
    for (StageState s : ordered) {
      if (s.stageId >= 0) {
        ran.add(s.stageId);
      }
    }
    for (Map.Entry<Integer, DeclaredStage> d : declaredStages.entrySet()) {
      if (!ran.contains(d.getKey())) {
        // Declared by a job but never submitted: its output was reused (Spark shows "skipped").
        StageState s = new StageState(d.getKey(), 0);
        s.name = d.getValue().name;
        s.numTasks = d.getValue().numTasks;
        s.parentStageIds = d.getValue().parents;
        s.rddNames = d.getValue().rddNames;
        s.status = "SKIPPED";
        ordered.add(s);
      }
    }
    ordered.sort(
        Comparator.comparingInt((StageState s) -> s.stageId).thenComparingInt(s -> s.attemptId));
    List<StageMetrics> out = new ArrayList<>(ordered.size());
    for (StageState s : ordered) {
      if (s.name == null && declaredStages.containsKey(s.stageId)) {
        s.name = declaredStages.get(s.stageId).name;
      }
      List<Integer> jobIds = new ArrayList<>(stageJobs.getOrDefault(s.stageId, List.of()));
      jobIds.sort(null);
      out.add(s.toMetrics(jobIds, stageSql.get(s.stageId)));
    }
    return out;
  }

  private List<JobSummary> jobSummaries() {
    List<JobSummary> out = new ArrayList<>();
    for (JobState j : jobs.values()) {
      Long duration =
          j.submissionTimeMs != null && j.completionTimeMs != null
              ? j.completionTimeMs - j.submissionTimeMs
              : null;
      out.add(
          new JobSummary(
              j.jobId,
              j.status,
              j.submissionTimeMs,
              j.completionTimeMs,
              duration,
              j.stageIds,
              j.sqlExecutionId,
              j.failureReason));
    }
    return out;
  }

  private List<SqlExecution> sqlExecutions() {
    Map<Long, List<JobState>> jobsBySql = new HashMap<>();
    for (JobState j : jobs.values()) {
      if (j.sqlExecutionId != null) {
        jobsBySql.computeIfAbsent(j.sqlExecutionId, k -> new ArrayList<>()).add(j);
      }
    }
    List<SqlExecution> out = new ArrayList<>();
    for (SqlState q : sqls.values()) {
      List<JobState> qJobs = jobsBySql.getOrDefault(q.executionId, List.of());
      Set<Integer> stageIds = new TreeSet<>();
      List<Integer> jobIds = new ArrayList<>();
      boolean anyJobFailed = false;
      for (JobState j : qJobs) {
        jobIds.add(j.jobId);
        stageIds.addAll(j.stageIds);
        anyJobFailed |= "FAILED".equals(j.status);
      }
      parsePendingPlan(q);
      PlanNode plan =
          q.plan == null ? null : PlanInfoParser.withValues(q.plan, accumulators::value);
      String status;
      if (q.endTimeMs == null) {
        status = "RUNNING";
      } else if (q.errorMessage != null || anyJobFailed) {
        status = "FAILED";
      } else {
        status = "SUCCEEDED";
      }
      Long duration =
          q.startTimeMs != null && q.endTimeMs != null ? q.endTimeMs - q.startTimeMs : null;
      SqlOutputs outputs = SqlOutputs.of(plan);
      boolean streaming = isStreaming(plan, q.description);
      out.add(
          new SqlExecution(
              q.executionId,
              q.description,
              q.startTimeMs,
              q.endTimeMs,
              duration,
              status,
              q.errorMessage,
              plan,
              q.initialPlanNodeCount,
              q.adaptiveUpdates,
              q.physicalPlanDescription,
              jobIds,
              new ArrayList<>(stageIds),
              outputs.rows(),
              outputs.files(),
              outputs.bytes(),
              streaming));
    }
    return out;
  }

  private boolean isStreaming(PlanNode plan, String description) {
    if (plan != null) {
      for (PlanNode n : plan.nodes()) {
        if (STREAMING_NODES.contains(n.name())
            || n.simpleString().contains("MicroBatchWrite")
            || n.simpleString().contains("StreamingDataSourceV2")) {
          return true;
        }
      }
    }
    // Micro-batches run under the streaming query's description when no plan says so.
    return streamingEvents && description != null && description.contains("runId = ");
  }

  private List<ExecutorSummary> executorSummaries() {
    List<ExecutorState> list = new ArrayList<>();
    for (ExecutorState e : executors.values()) {
      boolean isDriver = e.id.equals("driver");
      if (!isDriver || e.announced || e.tasks > 0 || e.heapPeak > 0) {
        list.add(e);
      }
    }
    list.sort(EXECUTOR_ORDER);
    List<ExecutorSummary> out = new ArrayList<>();
    for (ExecutorState e : list) {
      out.add(
          new ExecutorSummary(
              e.id,
              e.host,
              e.cores,
              e.addedTimeMs,
              e.removedTimeMs,
              e.removedReason,
              e.tasks,
              e.failedTasks,
              e.runTimeMs,
              e.gcTimeMs,
              e.heapPeak > 0 ? e.heapPeak : null,
              e.offHeapPeak > 0 ? e.offHeapPeak : null,
              e.maxStorage));
    }
    return out;
  }

  /** "driver" first, then numeric ids in numeric order, then other ids by text. */
  private static final Comparator<ExecutorState> EXECUTOR_ORDER =
      Comparator.comparingInt(
              (ExecutorState e) -> e.id.equals("driver") ? 0 : e.id.matches("\\d+") ? 1 : 2)
          .thenComparingLong(e -> e.id.matches("\\d{1,18}") ? Long.parseLong(e.id) : 0)
          .thenComparing(e -> e.id);

  private RunMetrics runMetrics(
      List<StageMetrics> stageList,
      List<JobSummary> jobList,
      SparkConfigSummary config,
      long endForAllocation) {
    int failedJobs = 0;
    for (JobSummary j : jobList) {
      failedJobs += "FAILED".equals(j.status()) ? 1 : 0;
    }
    int stageCount = 0;
    int failedStages = 0;
    int skippedStages = 0;
    long tasks = 0;
    long failedTasks = 0;
    long killedTasks = 0;
    long speculativeTasks = 0;
    long runTime = 0;
    long cpu = 0;
    boolean hasCpu = false;
    long gc = 0;
    long in = 0;
    long inRec = 0;
    long out = 0;
    long outRec = 0;
    long srBytes = 0;
    long srRec = 0;
    long swBytes = 0;
    long swRec = 0;
    long memSpill = 0;
    long diskSpill = 0;
    long peakExec = 0;
    for (StageMetrics s : stageList) {
      if (s.status().equals("SKIPPED")) {
        skippedStages++;
        continue;
      }
      stageCount++;
      failedStages += s.status().equals("FAILED") ? 1 : 0;
      tasks += (long) s.completedTasks() + s.failedTasks() + s.killedTasks();
      failedTasks += s.failedTasks();
      killedTasks += s.killedTasks();
      speculativeTasks += s.speculativeTasks();
      runTime += s.executorRunTimeMs();
      if (s.executorCpuTimeNs() != null) {
        hasCpu = true;
        cpu += s.executorCpuTimeNs();
      }
      gc += s.jvmGcTimeMs();
      in += s.inputBytes();
      inRec += s.inputRecords();
      out += s.outputBytes();
      outRec += s.outputRecords();
      srBytes += s.shuffleReadBytes();
      srRec += s.shuffleReadRecords();
      swBytes += s.shuffleWriteBytes();
      swRec += s.shuffleWriteRecords();
      memSpill += s.memorySpillBytes();
      diskSpill += s.diskSpillBytes();
      peakExec = Math.max(peakExec, s.peakExecutionMemoryBytesMax());
    }

    long allocatedCoreMs = allocatedCoreMs(config, endForAllocation);
    Double cpuUtil =
        hasCpu && allocatedCoreMs > 0 ? 100.0 * (cpu / 1_000_000.0) / allocatedCoreMs : null;
    Double idle =
        allocatedCoreMs > 0
            ? Math.max(0.0, 100.0 * (1.0 - (double) runTime / allocatedCoreMs))
            : null;
    Double gcPercent = runTime > 0 ? 100.0 * gc / runTime : null;
    long processed = in + srBytes;
    long records = inRec + srRec;
    Long duration =
        endTimeMs != null && startTimeMs != null && endTimeMs > startTimeMs
            ? endTimeMs - startTimeMs
            : null;
    Double recordsPerSecond = duration == null ? null : records / (duration / 1000.0);

    // Memory: per-executor peaks of JVM heap; the driver stands in only in local mode.
    List<Long> peaks = new ArrayList<>();
    Long driverPeak = null;
    for (ExecutorState e : executors.values()) {
      if (e.heapPeak > 0) {
        if (e.id.equals("driver")) {
          driverPeak = e.heapPeak;
        } else {
          peaks.add(e.heapPeak);
        }
      }
    }
    Long memoryBytes = config.executorMemoryBytes();
    if (peaks.isEmpty() && driverPeak != null) {
      peaks.add(driverPeak);
      memoryBytes = config.driverMemoryBytes() != null ? config.driverMemoryBytes() : memoryBytes;
    }
    Long peakMax =
        peaks.isEmpty() ? null : peaks.stream().mapToLong(Long::longValue).max().getAsLong();
    Long peakAvg =
        peaks.isEmpty()
            ? null
            : Math.round(peaks.stream().mapToLong(Long::longValue).average().getAsDouble());
    Double memUtil =
        peakAvg != null && memoryBytes != null && memoryBytes > 0
            ? 100.0 * peakAvg / memoryBytes
            : null;

    return new RunMetrics(
        jobList.size(),
        failedJobs,
        stageCount,
        failedStages,
        skippedStages,
        tasks,
        failedTasks,
        killedTasks,
        speculativeTasks,
        executorsAdded,
        executorsRemoved,
        maxLiveExecutors,
        runTime,
        hasCpu ? cpu : null,
        gc,
        gcPercent,
        cpuUtil,
        allocatedCoreMs,
        runTime,
        idle,
        in,
        inRec,
        out,
        outRec,
        srBytes,
        srRec,
        swBytes,
        swRec,
        processed,
        records,
        recordsPerSecond,
        memSpill,
        diskSpill,
        config.executorMemoryBytes(),
        peakMax,
        peakAvg,
        memUtil,
        peakExec);
  }

  /**
   * Σ over executors of (removed, else application end, else last event time) − added, times cores.
   * A local-mode log without executor events counts the driver's slots over the whole run.
   */
  private long allocatedCoreMs(SparkConfigSummary config, long endMs) {
    long total = 0;
    boolean any = false;
    for (ExecutorState e : executors.values()) {
      if (e.addedTimeMs == null || e.cores <= 0) {
        continue;
      }
      any = true;
      long until = e.removedTimeMs != null ? e.removedTimeMs : endMs;
      total += Math.max(0, until - e.addedTimeMs) * e.cores;
    }
    if (!any && startTimeMs != null) {
      Integer cores = SparkConfig.localCores(config.master());
      if (cores != null) {
        total = Math.max(0, endMs - startTimeMs) * cores;
      } else if (config.master() != null && config.master().startsWith("local")) {
        warnings.add(
            "cannot tell the driver's cores ("
                + config.master()
                + ", no executor events): core utilisation unknown");
      }
    }
    return total;
  }
}
