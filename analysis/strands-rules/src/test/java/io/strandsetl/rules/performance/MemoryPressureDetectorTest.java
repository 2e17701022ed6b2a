package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.MIB;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class MemoryPressureDetectorTest {
  private final MemoryPressureDetector detector =
      new MemoryPressureDetector(MemoryPressureDetector.Thresholds.DEFAULTS);

  @Test
  void flagsExecutorWhosePeakHeapIsNearItsMaximum() {
    var run =
        run()
            .executorMemory(8 * GIB)
            .executor(e -> e.peakHeap = 4 * GIB)
            .executor(e -> e.peakHeap = 7_800 * MIB)
            .build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title())
                  .isEqualTo("Executor heap nearly full: peak 7.6 GiB of 8.0 GiB (95.2%)");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              // 7800 MiB × 1.25 = 9750 MiB, rounded up to 10 GiB.
              assertThat(f.recommendation().config()).containsEntry("spark.executor.memory", "10g");
            });
  }

  @Test
  void executorLostToMemoryMakesItCriticalButDynamicAllocationRemovalDoesNot() {
    var oom =
        run()
            .executorMemory(8 * GIB)
            .executor(e -> e.peakHeap = 7_500 * MIB)
            .executor(
                e ->
                    e.removedReason =
                        "Container killed by YARN for exceeding memory limits. 9.1 GB of 9 GB physical memory used")
            .build();
    var scaledDown =
        run()
            .executorMemory(8 * GIB)
            .executor(e -> e.peakHeap = 7_500 * MIB)
            .executor(e -> e.removedReason = "Executor killed by driver.")
            .build();

    assertThat(detector.detect(oom).get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(detector.detect(scaledDown).get(0).severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void usesDriverHeapInLocalMode() {
    var run =
        run()
            .master("local[2]")
            .driverMemory(2 * GIB)
            .executor(
                e -> {
                  e.id = "driver";
                  e.peakHeap = 2_000 * MIB;
                })
            .build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(f -> assertThat(f.recommendation().config()).containsKey("spark.driver.memory"));
  }

  @Test
  void ignoresHeadroomAndUnknownHeap() {
    var roomy = run().executorMemory(8 * GIB).executor(e -> e.peakHeap = 5 * GIB).build();
    var unknown = run().executor(e -> e.peakHeap = 5 * GIB).build();

    assertThat(detector.detect(roomy)).isEmpty();
    assertThat(detector.detect(unknown)).isEmpty();
  }
}
