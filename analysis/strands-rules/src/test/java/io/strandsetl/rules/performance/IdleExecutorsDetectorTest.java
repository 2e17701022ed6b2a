package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class IdleExecutorsDetectorTest {
  private final IdleExecutorsDetector detector =
      new IdleExecutorsDetector(IdleExecutorsDetector.Thresholds.DEFAULTS);

  @Test
  void flagsMostlyIdleStaticClusterAndSizesItForSeventyPercentUse() {
    // 16 cores for 570 s = 9120 core-seconds allocated, 10 busy.
    var run = run().durationMs(570_000).executorCores(16).coreTime(9_120_000, 10_000).build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).startsWith("99.9% of allocated executor core time was idle");
              // ~9100 core-seconds (2.5 core-hours) could be given back: HIGH on the core-hour
              // scale.
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.recommendation().config())
                  .containsEntry("spark.dynamicAllocation.enabled", "true")
                  .containsEntry("spark.executor.instances", "1");
              assertThat(f.impact().coreSecondsSaved()).isGreaterThan(9000.0);
            });
  }

  @Test
  void tunesDynamicAllocationWhenItIsAlreadyOn() {
    var run = run().dynamicAllocation(true).coreTime(4_000_000, 1_000_000).build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.recommendation().config())
                    .containsKey("spark.dynamicAllocation.executorIdleTimeout"));
  }

  @Test
  void ignoresBusyCluster() {
    var run = run().coreTime(4_000_000, 3_000_000).build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void ignoresIdleShareOfATinyRun() {
    // 90 % idle but only 90 core-seconds: below the 10 core-minute floor.
    var run = run().coreTime(100_000, 10_000).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
