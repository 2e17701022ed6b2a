package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.MIB;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class SpillDetectorTest {
  private final SpillDetector detector = new SpillDetector(SpillDetector.Thresholds.DEFAULTS);

  @Test
  void flagsStageSpillingToDiskAndSizesPartitionsFromMeasuredBytes() {
    var run = run().stage(4, s -> s.tasks(13).shuffleRead(2 * GIB).spill(6 * GIB, 3 * GIB)).build();

    var f = detector.detect(run);

    assertThat(f)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.title())
                  .isEqualTo("Stage 4 spilled 3.0 GiB to disk (6.0 GiB in memory)");
              // 6 GiB of memory spill / 128 MiB per task = 48 partitions (> 2 × 13).
              assertThat(finding.recommendation().config())
                  .containsEntry("spark.sql.shuffle.partitions", "48");
              assertThat(finding.impact().bytesAvoided()).isEqualTo(6 * GIB);
              // 6 GiB of spill I/O ≈ 61 core-seconds at 100 MiB/s: over half of this 100 s run.
              assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            });
  }

  @Test
  void ignoresMemoryOnlySpillAndTinyDiskSpill() {
    var run =
        run().stage(1, s -> s.spill(GIB, 0)).stage(2, s -> s.spill(100 * MIB, 10 * MIB)).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
