package io.strandsetl.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.JobSummary;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.SqlExecution;
import io.strandsetl.model.run.StageMetrics;
import io.strandsetl.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Compares our per-stage, per-job and per-SQL aggregates, failures and removed executors with the
 * independent expectations of NVIDIA's spark-rapids-tools Profiling tool, field by field. That tool
 * reports CPU and shuffle-write time in ms (converted from Spark's ns per task, rounded down), so
 * those are compared within one ms per task.
 */
class GoldenMetricsTest {
  private static final String EXPECTATIONS = "spark-rapids-tools/expectations/";

  /** A few RFC-4180 rows: quoted fields may hold commas, quotes and newlines. */
  static List<Map<String, String>> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    List<String> header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < r.size(); i++) {
        m.put(header.get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }

  /** Sums over a set of stage attempts, in the units of the expectation files. */
  private record Aggregate(
      long numTasks,
      long diskSpill,
      long durationSum,
      double durationMax,
      double durationMin,
      long cpuNs,
      long runTime,
      long inputBytes,
      double inputBytesMax,
      long inputRecords,
      long gc,
      long memorySpill,
      long outputBytes,
      long outputRecords,
      long peakExecMax,
      long fetchWait,
      long shuffleRead,
      long shuffleWriteBytes,
      long shuffleWriteRecords,
      long shuffleWriteTimeNs) {

    static Aggregate of(List<StageMetrics> stages) {
      long numTasks = 0,
          disk = 0,
          cpu = 0,
          run = 0,
          in = 0,
          inRec = 0,
          gc = 0,
          mem = 0,
          out = 0,
          outRec = 0,
          peak = 0,
          wait = 0,
          sr = 0,
          swb = 0,
          swr = 0,
          swt = 0;
      double durSum = 0, max = 0, min = Double.MAX_VALUE, inMax = 0;
      for (StageMetrics s : stages) {
        numTasks += s.completedTasks() + s.failedTasks() + s.killedTasks();
        disk += s.diskSpillBytes();
        durSum += s.taskDurationMs().sum();
        if (s.taskDurationMs().count() > 0) {
          max = Math.max(max, s.taskDurationMs().max());
          min = Math.min(min, s.taskDurationMs().min());
        }
        cpu += s.executorCpuTimeNs() == null ? 0 : s.executorCpuTimeNs();
        run += s.executorRunTimeMs();
        in += s.inputBytes();
        inMax = Math.max(inMax, s.taskInputBytes().max());
        inRec += s.inputRecords();
        gc += s.jvmGcTimeMs();
        mem += s.memorySpillBytes();
        out += s.outputBytes();
        outRec += s.outputRecords();
        peak = Math.max(peak, s.peakExecutionMemoryBytesMax());
        wait += s.shuffleFetchWaitTimeMs();
        sr += s.shuffleReadBytes();
        swb += s.shuffleWriteBytes();
        swr += s.shuffleWriteRecords();
        swt += s.shuffleWriteTimeNs();
      }
      return new Aggregate(
          numTasks,
          disk,
          (long) durSum,
          max,
          min == Double.MAX_VALUE ? 0 : min,
          cpu,
          run,
          in,
          inMax,
          inRec,
          gc,
          mem,
          out,
          outRec,
          peak,
          wait,
          sr,
          swb,
          swr,
          swt);
    }

    void assertMatches(
        SoftAssertions soft, String what, Map<String, String> row, Long duration, boolean photon) {
      long n = numTasks;
      soft.assertThat(n).as(what + " numTasks").isEqualTo(lng(row, "numTasks"));
      if (duration != null) {
        soft.assertThat(duration).as(what + " duration").isEqualTo(lng(row, "duration"));
      }
      soft.assertThat(diskSpill)
          .as(what + " diskBytesSpilledSum")
          .isEqualTo(lng(row, "diskBytesSpilledSum"));
      soft.assertThat(durationSum).as(what + " durationSum").isEqualTo(lng(row, "durationSum"));
      soft.assertThat((long) durationMax)
          .as(what + " durationMax")
          .isEqualTo(lng(row, "durationMax"));
      soft.assertThat((long) durationMin)
          .as(what + " durationMin")
          .isEqualTo(lng(row, "durationMin"));
      soft.assertThat(n == 0 ? 0.0 : Math.round(10.0 * durationSum / n) / 10.0)
          .as(what + " durationAvg")
          .isEqualTo(Double.parseDouble(row.get("durationAvg")));
      soft.assertThat(cpuNs / 1_000_000.0)
          .as(what + " executorCPUTimeSum (ms)")
          .isBetween(
              lng(row, "executorCPUTimeSum") - 1.0, lng(row, "executorCPUTimeSum") + n + 1.0);
      soft.assertThat(runTime)
          .as(what + " executorRunTimeSum")
          .isEqualTo(lng(row, "executorRunTimeSum"));
      soft.assertThat(inputBytes)
          .as(what + " inputBytesReadSum")
          .isEqualTo(lng(row, "inputBytesReadSum"));
      soft.assertThat((long) inputBytesMax)
          .as(what + " inputBytesReadMax")
          .isEqualTo(lng(row, "inputBytesReadMax"));
      soft.assertThat(inputRecords)
          .as(what + " inputRecordsReadSum")
          .isEqualTo(lng(row, "inputRecordsReadSum"));
      soft.assertThat(gc).as(what + " jvmGCTimeSum").isEqualTo(lng(row, "jvmGCTimeSum"));
      soft.assertThat(memorySpill)
          .as(what + " memoryBytesSpilledSum")
          .isEqualTo(lng(row, "memoryBytesSpilledSum"));
      soft.assertThat(outputBytes)
          .as(what + " outputBytesWrittenSum")
          .isEqualTo(lng(row, "outputBytesWrittenSum"));
      soft.assertThat(outputRecords)
          .as(what + " outputRecordsWrittenSum")
          .isEqualTo(lng(row, "outputRecordsWrittenSum"));
      soft.assertThat(fetchWait)
          .as(what + " srFetchWaitTimeSum")
          .isEqualTo(lng(row, "srFetchWaitTimeSum"));
      soft.assertThat(shuffleRead)
          .as(what + " srTotalBytesReadSum")
          .isEqualTo(lng(row, "srTotalBytesReadSum"));
      soft.assertThat(shuffleWriteBytes)
          .as(what + " swBytesWrittenSum")
          .isEqualTo(lng(row, "swBytesWrittenSum"));
      soft.assertThat(shuffleWriteRecords)
          .as(what + " swRecordsWrittenSum")
          .isEqualTo(lng(row, "swRecordsWrittenSum"));
      // Photon leaves Spark's "Peak Execution Memory" and "Shuffle Write Time" task metrics at 0
      // (the Profiling tool substitutes Photon SQL metrics); we report Spark's task metrics.
      if (photon) {
        soft.assertThat(peakExecMax).as(what + " Spark peak execution memory, Photon").isZero();
        soft.assertThat(shuffleWriteTimeNs).as(what + " Spark shuffle write time, Photon").isZero();
      } else {
        soft.assertThat(peakExecMax)
            .as(what + " peakExecutionMemoryMax")
            .isEqualTo(lng(row, "peakExecutionMemoryMax"));
        soft.assertThat(shuffleWriteTimeNs / 1_000_000.0)
            .as(what + " swWriteTimeSum (ms)")
            .isBetween(lng(row, "swWriteTimeSum") - 1.0, lng(row, "swWriteTimeSum") + n + 1.0);
      }
    }
  }

  private static long lng(Map<String, String> row, String key) {
    return Long.parseLong(row.get(key));
  }

  private static List<StageMetrics> stagesWhere(RunAnalysis run, Predicate<StageMetrics> p) {
    return run.stages().stream().filter(s -> !s.status().equals("SKIPPED")).filter(p).toList();
  }

  private static void compareStagesJobsSql(
      String log, String stageCsv, String jobCsv, String sqlCsv, boolean photon)
      throws IOException {
    RunAnalysis run =
        EventLogReader.withDefaults().read(SharedData.eventLog("spark-rapids-tools/" + log));
    SoftAssertions soft = new SoftAssertions();
    List<Map<String, String>> stageRows = csv(SharedData.eventLog(EXPECTATIONS + stageCsv));
    assertThat(stageRows).isNotEmpty();
    for (Map<String, String> row : stageRows) {
      int id = Integer.parseInt(row.get("id"));
      List<StageMetrics> attempts = stagesWhere(run, s -> s.stageId() == id);
      soft.assertThat(attempts).as("stage " + id).isNotEmpty();
      Long duration = attempts.size() == 1 ? attempts.get(0).durationMs() : null;
      Aggregate.of(attempts).assertMatches(soft, "stage " + id, row, duration, photon);
    }
    List<Map<String, String>> jobRows = csv(SharedData.eventLog(EXPECTATIONS + jobCsv));
    assertThat(jobRows).isNotEmpty();
    for (Map<String, String> row : jobRows) {
      int id = Integer.parseInt(row.get("id"));
      JobSummary job = run.jobs().stream().filter(j -> j.jobId() == id).findFirst().orElseThrow();
      Aggregate.of(stagesWhere(run, s -> job.stageIds().contains(s.stageId())))
          .assertMatches(soft, "job " + id, row, job.durationMs(), photon);
    }
    List<Map<String, String>> sqlRows = csv(SharedData.eventLog(EXPECTATIONS + sqlCsv));
    assertThat(sqlRows).isNotEmpty();
    for (Map<String, String> row : sqlRows) {
      long id = Long.parseLong(row.get("sqlId"));
      SqlExecution sql =
          run.sql().stream().filter(q -> q.executionId() == id).findFirst().orElseThrow();
      soft.assertThat(sql.description())
          .as("sql " + id + " description")
          .isEqualTo(row.get("description"));
      Aggregate.of(stagesWhere(run, s -> sql.stageIds().contains(s.stageId())))
          .assertMatches(soft, "sql " + id, row, sql.durationMs(), photon);
    }
    soft.assertAll();
  }

  @Test
  void rapidsJoinAggregatesMatchTheProfilingTool() throws IOException {
    compareStagesJobsSql(
        "rapids_join_eventlog.zstd",
        "rapids_join_eventlog_stagemetricsagg_expectation.csv",
        "rapids_join_eventlog_jobmetricsagg_expectation.csv",
        "rapids_join_eventlog_sqlmetricsagg_expectation.csv",
        false);
  }

  @Test
  void photonQ88AggregatesMatchTheProfilingTool() throws IOException {
    compareStagesJobsSql(
        "nds_q88_photon_db_13_3.zstd",
        "nds_q88_photon_db_13_3_stage_metrics_agg_expectation.csv",
        "nds_q88_photon_db_13_3_job_metrics_agg_expectation.csv",
        "nds_q88_photon_db_13_3_sql_metrics_agg_expectation.csv",
        true);
  }

  @Test
  void failuresAndRemovedExecutorsMatchTheProfilingTool() throws IOException {
    RunAnalysis run =
        EventLogReader.withDefaults()
            .read(
                SharedData.eventLog(
                    "spark-rapids-tools/tasks_executors_fail_compressed_eventlog.zstd"));
    SoftAssertions soft = new SoftAssertions();

    List<Map<String, String>> tasks =
        csv(SharedData.eventLog(EXPECTATIONS + "tasks_failure_eventlog_expectation.csv"));
    long expectedFailedTasks =
        tasks.stream().filter(r -> r.get("taskStatus").equals("FAILED")).count();
    soft.assertThat(run.metrics().failedTasks() + run.metrics().killedTasks())
        .as("failed + killed task attempts")
        .isEqualTo((long) tasks.size());
    soft.assertThat(run.metrics().failedTasks())
        .as("failed task attempts")
        .isEqualTo(expectedFailedTasks);
    Map<String, Long> perStage = new LinkedHashMap<>();
    for (Map<String, String> r : tasks) {
      perStage.merge(r.get("stageId") + "." + r.get("stageAttemptId"), 1L, Long::sum);
    }
    perStage.forEach(
        (key, count) -> {
          int stageId = Integer.parseInt(key.substring(0, key.indexOf('.')));
          int attempt = Integer.parseInt(key.substring(key.indexOf('.') + 1));
          StageMetrics s =
              run.stages().stream()
                  .filter(x -> x.stageId() == stageId && x.attemptId() == attempt)
                  .findFirst()
                  .orElseThrow();
          soft.assertThat((long) s.failedTasks() + s.killedTasks())
              .as("unsuccessful tasks of stage " + key)
              .isEqualTo(count);
        });

    List<Map<String, String>> stages =
        csv(SharedData.eventLog(EXPECTATIONS + "stages_failure_eventlog_expectation.csv"));
    soft.assertThat(run.metrics().failedStages()).as("failed stages").isEqualTo(stages.size());
    for (Map<String, String> r : stages) {
      StageMetrics s =
          run.stages().stream()
              .filter(
                  x ->
                      x.stageId() == Integer.parseInt(r.get("stageId"))
                          && x.attemptId() == Integer.parseInt(r.get("attemptId")))
              .findFirst()
              .orElseThrow();
      soft.assertThat(s.status()).isEqualTo("FAILED");
      soft.assertThat(s.name()).isEqualTo(r.get("name"));
      soft.assertThat(s.numTasks()).isEqualTo(Integer.parseInt(r.get("numTasks")));
      // The expectation file writes newlines and tabs as \\n and \\t.
      soft.assertThat(s.failureReason().strip().replace("\n", "\\n").replace("\t", "\\t"))
          .isEqualTo(r.get("failureReason"));
    }

    List<Map<String, String>> jobs =
        csv(SharedData.eventLog(EXPECTATIONS + "jobs_failure_eventlog_expectation.csv"));
    soft.assertThat(run.metrics().failedJobs()).as("failed jobs").isEqualTo(jobs.size());
    for (Map<String, String> r : jobs) {
      JobSummary j =
          run.jobs().stream()
              .filter(x -> x.jobId() == Integer.parseInt(r.get("jobID")))
              .findFirst()
              .orElseThrow();
      soft.assertThat(j.status()).isEqualTo("FAILED");
      soft.assertThat(j.sqlExecutionId()).isEqualTo(Long.parseLong(r.get("sqlID")));
      soft.assertThat(r.get("failureReason")).endsWith(j.failureReason());
    }

    List<Map<String, String>> removed =
        csv(SharedData.eventLog(EXPECTATIONS + "executors_removed_eventlog_expectation.csv"));
    soft.assertThat(run.metrics().executorsRemoved()).isEqualTo(removed.size());
    for (Map<String, String> r : removed) {
      ExecutorSummary e =
          run.executors().stream()
              .filter(x -> x.executorId().equals(r.get("executorId")))
              .findFirst()
              .orElseThrow();
      soft.assertThat(e.removedTimeMs()).isEqualTo(Long.parseLong(r.get("time")));
      soft.assertThat(e.removedReason()).isEqualTo(r.get("reason"));
    }
    soft.assertAll();
  }
}
