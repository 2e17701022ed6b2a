package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class GcPressureDetectorTest {
  private final GcPressureDetector detector =
      new GcPressureDetector(GcPressureDetector.Thresholds.DEFAULTS);

  @Test
  void flagsStageSpendingAQuarterOfItsTimeInGc() {
    var run = run().stage(2, s -> s.runTime(4_000_000).gc(1_000_000)).build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("Stage 2 spends 25.0% of task time in GC (16.7 min)");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              // GC above 5 % of run time: 1000 s − 200 s.
              assertThat(f.impact().coreSecondsSaved()).isEqualTo(800.0);
            });
  }

  @Test
  void capsSeverityWhenFewSecondsAreAtStake() {
    // 20 % GC (critical ratio) but 12 s of a 3060 s run: a note, not an alarm.
    var run =
        run()
            .stage(2, s -> s.runTime(60_000).gc(12_000))
            .stage(3, s -> s.runTime(3_000_000))
            .build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void ignoresHealthyGcShare() {
    var run = run().stage(2, s -> s.runTime(4_000_000).gc(200_000)).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
