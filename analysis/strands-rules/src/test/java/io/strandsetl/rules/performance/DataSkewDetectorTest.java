package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.dist;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class DataSkewDetectorTest {
  private final DataSkewDetector detector =
      new DataSkewDetector(DataSkewDetector.Thresholds.DEFAULTS);

  @Test
  void flagsStageWhoseSlowestTaskReadsMostBytesAsDataSkew() {
    var run =
        run()
            .executors(10, 4)
            .stage(
                3,
                s ->
                    s.tasks(200)
                        .shuffleRead(20 * RunBuilder.GIB)
                        .taskDurations(dist(200, 2_000, 400_000))
                        .taskShuffleRead(dist(200, 50 * RunBuilder.MIB, 8 * RunBuilder.GIB)))
            .build();

    var findings = detector.detect(run);

    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.id()).isEqualTo("data-skew@job-0/stage-3");
    assertThat(f.title()).startsWith("Data skew in stage 3").contains("200.0×");
    // 398 s of a 600 s run is lost waiting for one task.
    assertThat(f.impact().timeSavedSeconds()).isEqualTo(398.0);
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.recommendation().config())
        .containsEntry("spark.sql.adaptive.skewJoin.enabled", "true");
    assertThat(f.evidence())
        .anySatisfy(e -> assertThat(e.name()).isEqualTo("max task shuffle read"));
  }

  @Test
  void callsItAStragglerWhenTheSlowTaskReadTheSameBytes() {
    var run =
        run()
            .stage(
                1,
                s ->
                    s.tasks(5)
                        .input(5 * RunBuilder.MIB)
                        .taskDurations(dist(5, 128, 60_100))
                        .taskInput(dist(5, RunBuilder.MIB, RunBuilder.MIB)))
            .build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).startsWith("Straggler task in stage 1");
              assertThat(f.recommendation().config()).containsEntry("spark.speculation", "true");
            });
  }

  @Test
  void ignoresShortStagesEvenWithAHighRatio() {
    // 4 s max vs 100 ms median: ratio 40 but under the 5 s floor.
    var run = run().stage(1, s -> s.taskDurations(dist(100, 100, 4_000))).build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void ignoresEvenStagesWithLongTasks() {
    var run = run().stage(1, s -> s.taskDurations(dist(100, 60_000, 90_000))).build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void severityGrowsWithTheSecondsAtStake() {
    var small = run().stage(1, s -> s.taskDurations(dist(100, 500, 6_000))).build();
    var large = run().stage(1, s -> s.taskDurations(dist(100, 500, 2_000_000))).build();

    Severity smallSeverity = detector.detect(small).get(0).severity();
    Severity largeSeverity = detector.detect(large).get(0).severity();

    assertThat(smallSeverity).isEqualTo(Severity.LOW);
    assertThat(largeSeverity).isEqualTo(Severity.CRITICAL);
  }
}
