package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.GIB;
import static io.strandsetl.rules.performance.RunBuilder.MIB;
import static io.strandsetl.rules.performance.RunBuilder.dist;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class ShufflePartitionsDetectorTest {
  private final ShufflePartitionsDetector detector =
      new ShufflePartitionsDetector(ShufflePartitionsDetector.Thresholds.DEFAULTS);

  @Test
  void flagsThousandsOfTinyReduceTasks() {
    var run =
        run()
            .executors(2, 4)
            .stage(1, s -> s.tasks(2000).shuffleRead(200 * MIB).taskDurations(dist(2000, 150, 400)))
            .build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("shuffle-partitions@app");
              // 200 MiB / 128 MiB = 2, but 8 cores: 8 partitions.
              assertThat(f.recommendation().config())
                  .containsEntry("spark.sql.shuffle.partitions", "8");
              // (2000 − 8) × 150 ms.
              assertThat(f.impact().coreSecondsSaved()).isEqualTo(298.8);
            });
  }

  @Test
  void flagsFewHugeReduceTasksThatSpill() {
    var run =
        run()
            .executors(10, 4)
            .stage(
                2,
                s -> s.tasks(8).shuffleRead(80 * GIB).spill(40 * GIB, 20 * GIB).duration(1_200_000))
            .build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).startsWith("Stage 2 reads 10.0 GiB of shuffle per task");
              assertThat(f.recommendation().config())
                  .containsEntry("spark.sql.shuffle.partitions", "640");
              assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
            });
  }

  @Test
  void acceptsPartitionsNearTheTarget() {
    var run = run().executors(4, 4).stage(1, s -> s.tasks(80).shuffleRead(10 * GIB)).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
