package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Severity;
import org.junit.jupiter.api.Test;

class TaskFailuresDetectorTest {
  private final TaskFailuresDetector detector =
      new TaskFailuresDetector(TaskFailuresDetector.Thresholds.DEFAULTS);

  @Test
  void flagsFailureRateInDrElephantBands() {
    var run =
        run()
            .stage(0, s -> s.tasks(26).failed(10))
            .executor(
                e -> {
                  e.host = "node-a";
                  e.failedTasks = 9;
                })
            .executor(
                e -> {
                  e.host = "node-b";
                  e.failedTasks = 1;
                })
            .build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("10 of 26 task attempts failed (38.5%)");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.recommendation().summary()).contains("Most failures ran on node-a");
            });
  }

  @Test
  void ratesHalfFailedAsCritical() {
    var run = run().stage(0, s -> s.tasks(10).failed(5)).build();

    assertThat(detector.detect(run).get(0).severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void ignoresAnOccasionalRetriedTask() {
    var run = run().stage(0, s -> s.tasks(100).failed(1)).build();

    assertThat(detector.detect(run)).isEmpty();
  }
}
