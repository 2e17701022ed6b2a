package io.strandsetl.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.StageMetrics;
import io.strandsetl.testkit.SharedData;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event log of the shared corpus (see shared/data/eventlogs/MANIFEST.md) reads cleanly. */
class SharedLogsTest {
  static Stream<String> sharedLogs() {
    return Stream.of(
        "apache-spark/spark-events/local-1642039451826",
        "apache-spark/spark-events/app-20200706201101-0003",
        "apache-spark/spark-events/application_1628109047826_1317105",
        "apache-spark/spark-events/application_1553914137147_0018",
        "apache-spark/spark-events/app-20161115172038-0000",
        "apache-spark/spark-events/local-1422981759269",
        "apache-spark/spark-events-broken/last-attempt-incomplete/application_1656321732247_0006_2",
        "apache-spark/sql-spark-events/local-1596020211915",
        "spark-rapids-tools/nds_q72_dataproc_2_2.zstd",
        "spark-rapids-tools/nds_q88_photon_db_13_3.zstd",
        "spark-rapids-tools/eventlog_4nodes_8cores_dynamic_alloc.zstd",
        "spark-rapids-tools/aqeshuffle_eventlog.zstd",
        "spark-rapids-tools/tasks_executors_fail_compressed_eventlog.zstd",
        "spark-rapids-tools/pandas_execs_eventlog.zstd",
        "spark-rapids-tools/jdbc_eventlog.zstd",
        "spark-rapids-tools/eventlog_v2_local-1623876083964",
        "spark-rapids-tools/db_sim_eventlog",
        "spark-rapids-tools/malformed_json_eventlog.zstd",
        "spark-rapids-tools/spark2-eventlog.zstd",
        "spark-rapids-tools/rapids_join_eventlog.zstd",
        "sparklint/event_log_1",
        "sparklens/local-1532512550423",
        "dr-elephant/event_log_1");
  }

  @ParameterizedTest
  @MethodSource("sharedLogs")
  void readsWithoutErrorAndWithConsistentTotals(String relative) {
    RunAnalysis run = EventLogReader.withDefaults().read(SharedData.eventLog(relative));

    assertThat(run.application().appId()).isNotBlank();
    assertThat(run.application().startTime()).isNotNull();
    assertThat(run.diagnostics().lines()).isPositive();
    assertThat(run.diagnostics().unknownEvents()).isEmpty();
    long malformedExpected = relative.contains("malformed_json") ? 1 : 0;
    assertThat(run.diagnostics().malformedLines()).isEqualTo(malformedExpected);
    // Totals equal the sum of the stages; distributions count successful tasks only.
    long tasks = 0;
    for (StageMetrics s : run.stages()) {
      tasks += s.completedTasks() + s.failedTasks() + s.killedTasks();
      assertThat(s.taskDurationMs().count()).isLessThanOrEqualTo(s.completedTasks());
      assertThat(s.taskDurationMs().min()).isLessThanOrEqualTo(s.taskDurationMs().median());
      assertThat(s.taskDurationMs().median()).isLessThanOrEqualTo(s.taskDurationMs().max());
    }
    assertThat(run.metrics().tasks()).isEqualTo(tasks);
    assertThat(run.metrics().busyCoreMs()).isEqualTo(run.metrics().executorRunTimeMs());
    assertThat(run.metrics().dataProcessedBytes())
        .isEqualTo(run.metrics().inputBytes() + run.metrics().shuffleReadBytes());
    if (run.application().complete()) {
      assertThat(run.application().durationMs())
          .isEqualTo(
              run.application().endTime().toEpochMilli()
                  - run.application().startTime().toEpochMilli());
    } else {
      assertThat(run.application().durationMs()).isNull();
    }
    if (run.metrics().idleCorePercent() != null) {
      assertThat(run.metrics().idleCorePercent()).isBetween(0.0, 100.0);
    }
  }
}
