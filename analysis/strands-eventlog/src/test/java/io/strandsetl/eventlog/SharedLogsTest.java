package io.strandsetl.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.StageMetrics;
import io.strandsetl.testkit.SharedData;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event log of the shared corpus (see shared/data/eventlogs/MANIFEST.md) reads cleanly. */
class SharedLogsTest {
  static Stream<String> sharedLogs() {
    return SharedData.ALL_EVENT_LOGS.stream();
  }

  @ParameterizedTest
  @MethodSource("sharedLogs")
  void readsWithoutErrorAndWithConsistentTotals(String relative) {
    RunAnalysis run = EventLogReader.withDefaults().read(SharedData.eventLog(relative));

    assertThat(run.application().appId()).isNotBlank();
    assertThat(run.application().startTime()).isNotNull();
    assertThat(run.diagnostics().lines()).isPositive();
    assertThat(run.diagnostics().unknownEvents()).isEmpty();
    long malformedExpected = relative.contains("malformed_json") ? 1 : 0;
    assertThat(run.diagnostics().malformedLines()).isEqualTo(malformedExpected);
    // Totals equal the sum of the stages; distributions count successful tasks only.
    long tasks = 0;
    for (StageMetrics s : run.stages()) {
      tasks += s.completedTasks() + s.failedTasks() + s.killedTasks();
      assertThat(s.taskDurationMs().count()).isLessThanOrEqualTo(s.completedTasks());
      assertThat(s.taskDurationMs().min()).isLessThanOrEqualTo(s.taskDurationMs().median());
      assertThat(s.taskDurationMs().median()).isLessThanOrEqualTo(s.taskDurationMs().max());
    }
    assertThat(run.metrics().tasks()).isEqualTo(tasks);
    assertThat(run.metrics().busyCoreMs()).isEqualTo(run.metrics().executorRunTimeMs());
    assertThat(run.metrics().dataProcessedBytes())
        .isEqualTo(run.metrics().inputBytes() + run.metrics().shuffleReadBytes());
    if (run.application().complete()) {
      assertThat(run.application().durationMs())
          .isEqualTo(
              run.application().endTime().toEpochMilli()
                  - run.application().startTime().toEpochMilli());
    } else {
      assertThat(run.application().durationMs()).isNull();
    }
    if (run.metrics().idleCorePercent() != null) {
      assertThat(run.metrics().idleCorePercent()).isBetween(0.0, 100.0);
    }
  }
}
