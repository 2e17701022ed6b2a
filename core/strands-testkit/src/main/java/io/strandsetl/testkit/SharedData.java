package io.strandsetl.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The read-only third-party data beside the project ({@code ../shared/data}). Tests that use it are
 * skipped, not failed, when it is absent, so a clone elsewhere still passes.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder: system property {@code strands.shared.dir}, else {@code ../shared}. */
  public static Path root() {
    String configured = System.getProperty("strands.shared.dir");
    return configured != null ? Path.of(configured) : Path.of("..", "shared");
  }

  /** A path under {@code shared/data}; skips the calling test when it does not exist. */
  public static Path data(String relative) {
    Path p = root().resolve("data").resolve(relative).normalize();
    assumeTrue(Files.exists(p), () -> "shared data not present: " + p);
    return p;
  }

  /** A path under {@code shared/data/eventlogs}; skips the calling test when it does not exist. */
  public static Path eventLog(String relative) {
    return data("eventlogs/" + relative);
  }

  /**
   * Every application event log of the shared corpus (files and log directories), relative to
   * {@code shared/data/eventlogs}, as listed in its MANIFEST.md. Tests use it as a parameter
   * source; each use goes through {@link #eventLog(String)}, so they skip when the data is absent.
   */
  public static final List<String> ALL_EVENT_LOGS =
      List.of(
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

  /** {@link #ALL_EVENT_LOGS} as a JUnit {@code @MethodSource}. */
  public static java.util.stream.Stream<String> allEventLogs() {
    return ALL_EVENT_LOGS.stream();
  }
}
