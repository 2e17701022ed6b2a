package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.MIB;
import static io.strandsetl.rules.performance.RunBuilder.dist;
import static io.strandsetl.rules.performance.RunBuilder.node;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.rules.DetectionResult;
import io.strandsetl.rules.DetectorRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every finding of every detector must carry, on a run where each detector fires. */
class DetectorContractTest {

  static RunAnalysis everythingWrong() {
    return run()
        .executorMemory(8 * GIB)
        .executors(4, 4)
        .executor(
            e -> {
              e.peakHeap = 7_900 * MIB;
              e.failedTasks = 30;
            })
        .coreTime(40_000_000, 4_000_000)
        .stage(
            1,
            s ->
                s.tasks(200)
                    .shuffleRead(20 * GIB)
                    .runTime(4_000_000)
                    .gc(1_000_000)
                    .taskDurations(dist(200, 2_000, 400_000))
                    .taskShuffleRead(dist(200, 50 * MIB, 8 * GIB))
                    .spill(6 * GIB, 3 * GIB)
                    .failed(60))
        .stage(
            2,
            s ->
                s.tasks(2000)
                    .failed(400)
                    .shuffleRead(200 * MIB)
                    .taskDurations(dist(2000, 150, 400)))
        .sql(
            0,
            node(
                    "Execute InsertIntoHadoopFsRelationCommand",
                    "Execute InsertIntoHadoopFsRelationCommand s3://out, false")
                .metric("number of written files", 5000)
                .metric("written output", "size", GIB)
                .children(MissingBroadcastDetectorTest.join("Inner", 12 * GIB, 40 * MIB)))
        .sql(1, node("HashAggregate").children(FullScanDetectorTest.scan("[]", "[]", 62 * GIB)))
        .sql(2, node("HashAggregate").children(FullScanDetectorTest.scan("[]", "[]", 62 * GIB)))
        .sql(
            3,
            node("CartesianProduct")
                .children(
                    CartesianJoinDetectorTest.rows(100_000),
                    CartesianJoinDetectorTest.rows(100_000)))
        .sql(
            4,
            UnpartitionedWindowDetectorTest.window(
                UnpartitionedWindowDetectorTest.Q44, "Exchange SinglePartition", GIB))
        .sql(
            5,
            node("HashAggregate", "HashAggregate(keys=[], functions=[sum((c0#100L + c1#101L))])")
                .children(WideScanDetectorTest.scan(40, 50 * GIB)))
        .build();
  }

  @Test
  void everyDetectorFiresOnTheKitchenSinkRun() {
    DetectionResult result =
        DetectorRegistry.detect(
            DetectorRegistry.load().createAll(Settings.empty(), List.of()), everythingWrong());

    assertThat(result.failures()).isEmpty();
    assertThat(result.findings())
        .extracting(Finding::type)
        .containsAll(DetectorRegistry.load().names());
  }

  @Test
  void everyFindingIsExplainedMeasuredAndActionable() {
    List<Finding> findings =
        DetectorRegistry.detectAll(
            DetectorRegistry.load().createAll(Settings.empty(), List.of()), everythingWrong());
    Set<String> ids = new HashSet<>();

    assertThat(findings)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(ids.add(f.id())).as("unique id %s", f.id()).isTrue();
              assertThat(f.evidence())
                  .as(f.id())
                  .isNotEmpty()
                  .allSatisfy(
                      e -> {
                        if (e.value() instanceof Number) {
                          assertThat(e.unit())
                              .as("unit of %s in %s", e.name(), f.id())
                              .isNotBlank();
                        }
                      });
              assertThat(f.recommendation().pyspark()).as(f.id()).isNotBlank();
              assertThat(f.recommendation().sql() != null || f.recommendation().scala() != null)
                  .as(f.id())
                  .isTrue();
              assertThat(f.impact()).as(f.id()).isNotNull();
              assertThat(f.impact().description()).as(f.id()).isNotBlank();
              assertThat(f.impact().costDriver()).as(f.id()).isNotBlank();
            });
    assertThat(findings).isSortedAccordingTo(DetectorRegistry.FINDING_ORDER);
  }
}
