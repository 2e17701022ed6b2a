package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class GcPressureDetectorTest {
  private final GcPressureDetector detector =
      new GcPressureDetector(GcPressureDetector.Thresholds.DEFAULTS);

  @Test
  void flagsRunSpendingAFifthOfItsTimeInGcOnceNamingTheWorstStages() {
    var run =
        run()
            .stage(2, s -> s.runTime(4_000_000).gc(1_000_000))
            .stage(3, s -> s.runTime(1_000_000).gc(300_000))
            .stage(4, s -> s.runTime(1_000_000).gc(10_000))
            .build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("gc-pressure@app");
              assertThat(f.title()).isEqualTo("The run spends 21.8% of task time in GC (21.8 min)");
              // Critical GC ratio (>= 0.2), but 1310 s is under a quarter of the 6000 s run.
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              // GC above 5 % of run time: 1310 s − 300 s.
              assertThat(f.impact().coreSecondsSaved()).isEqualTo(1010.0);
              assertThat(f.evidence())
                  .anySatisfy(
                      e -> {
                        assertThat(e.name()).isEqualTo("GC time / run time of stage 3");
                        assertThat(e.value()).isEqualTo(30.0);
                      });
            });
  }

  @Test
  void flagsASingleGcHeavyStageInAnOtherwiseHealthyRun() {
    var run =
        run()
            .stage(2, s -> s.runTime(200_000).gc(60_000))
            .stage(3, s -> s.runTime(4_000_000).gc(40_000))
            .build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("gc-pressure@job-0/stage-2");
              assertThat(f.title()).isEqualTo("Stage 2 spends 30.0% of task time in GC (1.0 min)");
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
