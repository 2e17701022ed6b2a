package io.strandsetl.rules.performance;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.rules.DetectionResult;
import io.strandsetl.rules.DetectorRegistry;
import io.strandsetl.testkit.SharedData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detectors on third-party event logs (../shared/data/eventlogs), against the "expected flags"
 * of its MANIFEST.md. Skipped when the shared data is absent.
 */
class RealEventLogsTest {
  private static final Map<String, RunAnalysis> RUNS = new ConcurrentHashMap<>();

  static RunAnalysis read(String log) {
    return RUNS.computeIfAbsent(
        log, l -> EventLogReader.withDefaults().read(SharedData.eventLog(l)));
  }

  static List<Finding> findings(String log, String detectorId) {
    var detectors = DetectorRegistry.load().createAll(Settings.empty(), List.of(detectorId));
    return DetectorRegistry.detectAll(detectors, read(log));
  }

  @ParameterizedTest
  @MethodSource("io.strandsetl.testkit.SharedData#allEventLogs")
  void everyDetectorRunsWithoutFailingOnEveryLog(String log) {
    DetectionResult result =
        DetectorRegistry.detect(
            DetectorRegistry.load().createAll(Settings.empty(), List.of()), read(log));

    assertThat(result.failures()).isEmpty();
    assertThat(result.findings()).isSortedAccordingTo(DetectorRegistry.FINDING_ORDER);
  }

  @Test
  void yarnAppWithStragglerAndIdleExecutors() {
    String log = "apache-spark/spark-events/application_1628109047826_1317105";

    assertThat(findings(log, "data-skew"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.location().stageId()).isZero();
              assertThat(f.evidence())
                  .anySatisfy(
                      e -> {
                        assertThat(e.name()).isEqualTo("max task duration");
                        assertThat((Long) e.value()).isGreaterThan(60_000L);
                      });
            });
    assertThat(findings(log, "idle-executors"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .anySatisfy(
                        e -> {
                          assertThat(e.name()).isEqualTo("idle cores");
                          assertThat((Double) e.value()).isGreaterThan(90.0);
                        }));
  }

  @Test
  void localClusterWithTenFailedTasks() {
    assertThat(findings("apache-spark/spark-events/app-20161115172038-0000", "task-failures"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("10 of 26 task attempts failed (38.5%)");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
  }

  @Test
  void dynamicAllocationLogRepeatsTheSameJoinWithoutCache() {
    String log = "spark-rapids-tools/eventlog_4nodes_8cores_dynamic_alloc.zstd";

    assertThat(findings(log, "repeated-computation"))
        .anySatisfy(
            f -> {
              assertThat(f.location().sqlExecutionId()).isZero();
              assertThat(f.evidence()).anySatisfy(e -> assertThat(e.value()).isEqualTo("0, 1, 2"));
            })
        // SQL 3 and 4 read re-created RDDs ([50], [51]): never in the same group as 0–2.
        .noneSatisfy(f -> assertThat(f.title()).contains("0, 1, 2, 3"));
    assertThat(findings(log, "gc-pressure"))
        .singleElement()
        .satisfies(f -> assertThat(f.title()).startsWith("The run spends 15."));
    // Both sort-merge join sides are about 160 MB: above the broadcast threshold.
    assertThat(findings(log, "missing-broadcast")).isEmpty();
  }

  @Test
  void differentRangesAreNotTheSameComputation() {
    assertThat(findings("apache-spark/spark-events/local-1642039451826", "repeated-computation"))
        .isEmpty();
  }

  @Test
  void streamingMicroBatchesAreNotRepeatedComputation() {
    assertThat(
            findings("apache-spark/sql-spark-events/local-1596020211915", "repeated-computation"))
        .isEmpty();
  }

  @Test
  void photonCrossJoinsOfSingleRowAggregatesAreLow() {
    assertThat(findings("spark-rapids-tools/nds_q88_photon_db_13_3.zstd", "cartesian-join"))
        .hasSize(7)
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.LOW);
              assertThat(f.location().planNodeName()).isEqualTo("BroadcastNestedLoopJoin");
            });
  }

  @Test
  void tpcdsQ72HasNeitherMissingBroadcastNorFullScan() {
    String log = "spark-rapids-tools/nds_q72_dataproc_2_2.zstd";

    assertThat(findings(log, "missing-broadcast")).isEmpty();
    assertThat(findings(log, "full-scan")).isEmpty();
  }

  @Test
  void aqeShuffleJoinSpills() {
    assertThat(findings("spark-rapids-tools/aqeshuffle_eventlog.zstd", "spill"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title())
                  .isEqualTo("Stage 4 spilled 113.4 MiB to disk (528.0 MiB in memory)");
              assertThat(f.impact().bytesAvoided()).isGreaterThan(200L * 1024 * 1024);
            });
  }

  @Test
  void jdbcReadLeavesTheClusterIdle() {
    assertThat(findings("spark-rapids-tools/jdbc_eventlog.zstd", "idle-executors"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL));
  }

  @Test
  void sparklintReduceByKeyHasHighGc() {
    // The manifest reads GC at 15–18 % of task time for this run.
    assertThat(findings("sparklint/event_log_1", "gc-pressure"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .anySatisfy(
                        e -> {
                          assertThat(e.name()).isEqualTo("GC time / run time");
                          assertThat((Double) e.value()).isBetween(15.0, 18.0);
                        }));
  }
}
