package io.strandsetl.agents.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.agents.learning.LearningAgent.PredictRunInput;
import io.strandsetl.agents.learning.LearningAgent.RecordRunInput;
import io.strandsetl.agents.learning.LearningAgent.RecordRunOutput;
import io.strandsetl.agents.learning.LearningAgent.SimilarRunsInput;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.TrackingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LearningAgentTest {
  private static final long MB = 1L << 20;
  private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

  private final TrackingStore store = new InMemoryTrackingStore();
  private final LearningAgent learning = new LearningAgent(() -> store);

  private void add(String id, String job, int day, long input, long ms, double usd) {
    store.recordRun(
        RunRecord.of(Runs.run(id, job, T0.plus(Duration.ofDays(day)), input, ms, usd, List.of())));
  }

  @Test
  void predictsDurationThatGrowsWithInputAndReportsItsLeaveOneOutError() {
    // duration = 10 s per 100 MB, exactly: the log-log fit must find slope ~1.
    long[] sizes = {100, 200, 400, 800, 1600};
    for (int i = 0; i < sizes.length; i++) {
      add("r" + i, "sales", i, sizes[i] * MB, sizes[i] * 100, 0.01 * sizes[i]);
    }

    var out = learning.predictRun(new PredictRunInput("sales", 3200 * MB));

    Prediction duration = byTarget(out.predictions()).get("duration");
    assertThat(duration.value()).isCloseTo(320_000, within(3_200.0));
    assertThat(duration.looErrorPercent()).isLessThan(2.0);
    assertThat(duration.historyRuns()).isEqualTo(5);
    assertThat(duration.basis()).startsWith("log-log fit on 5 runs");
    assertThat(byTarget(out.predictions()).get("cost").value()).isCloseTo(32.0, within(0.5));
  }

  @Test
  void predictsNothingWithoutHistoryAndSaysSo() {
    var out = learning.predictRun(new PredictRunInput("new-job", 10 * MB));

    Prediction duration = byTarget(out.predictions()).get("duration");
    assertThat(duration.value()).isNull();
    assertThat(duration.looErrorPercent()).isNull();
    assertThat(duration.basis()).isEqualTo("no past run of this job measured it");
  }

  @Test
  void flagsARegressionAgainstTheBaselineButNotAnOrdinaryRun() {
    long[] ms = {60_000, 62_000, 59_000, 61_000, 60_500};
    for (int i = 0; i < ms.length; i++) {
      add("r" + i, "etl", i, 500 * MB, ms[i], 0);
    }
    RunFeatures ordinary =
        RunFeatures.of(
            Runs.run("ok", "etl", T0.plusSeconds(9 * 86_400), 500 * MB, 63_000, 0, List.of()));
    RunFeatures slow =
        RunFeatures.of(
            Runs.run("slow", "etl", T0.plusSeconds(9 * 86_400), 500 * MB, 150_000, 0, List.of()));

    RecordRunOutput a = learning.recordRun(new RecordRunInput(ordinary));
    RecordRunOutput b = learning.recordRun(new RecordRunInput(slow));

    assertThat(a.regressions().get(0).regressed()).isFalse();
    assertThat(a.effect()).isNull(); // nothing was applied
    assertThat(a.previous().beforeExecutionId()).isEqualTo("r4");
    assertThat(a.previous().durationChangePercent()).isCloseTo(4.13, within(0.01));
    assertThat(a.regressions().get(0).baseline()).isEqualTo(60_500.0);
    assertThat(b.regressions().get(0).regressed()).isTrue();
    assertThat(b.regressions().get(0).verdict()).contains("REGRESSED");
  }

  @Test
  void similarRunsAreNearInSizeNotJustInShape() {
    // The original "learning" compared four ordinal numbers by cosine: a 1 KB and a 10 GB job with
    // the same shape looked identical. Log-scaled, z-scored sizes keep them apart.
    add("tiny", "a", 0, 1024, 1_000, 0);
    add("gb", "b", 1, 1024 * MB, 60_000, 0);
    add("gb2", "c", 2, 1200 * MB, 70_000, 0);
    add("huge", "d", 3, 10_240 * MB, 600_000, 0);

    var out = learning.similarRuns(new SimilarRunsInput("gb", 3, false));

    assertThat(out.similar()).extracting(SimilarRun::executionId).first().isEqualTo("gb2");
    assertThat(out.similar().get(0).similarity()).isGreaterThan(out.similar().get(2).similarity());
    assertThat(out.similar()).extracting(SimilarRun::executionId).last().isEqualTo("tiny");
  }

  @Test
  void measuresTheEffectOfAppliedConfiguration() {
    add("before", "etl", 0, 500 * MB, 80_000, 0.20);
    RunFeatures after =
        RunFeatures.of(
            Runs.run(
                "after",
                "etl",
                T0.plusSeconds(86_400),
                500 * MB,
                60_000,
                0.15,
                List.of("spark.sql.shuffle.partitions=8")));

    RecordRunOutput out = learning.recordRun(new RecordRunInput(after));

    assertThat(out.effect().beforeExecutionId()).isEqualTo("before");
    assertThat(out.effect().durationChangePercent()).isEqualTo(-25.0);
    assertThat(out.effect().costChangePercent()).isEqualTo(-25.0);
    assertThat(out.predictedBefore())
        .filteredOn(p -> p.prediction().target().equals("duration"))
        .first()
        .satisfies(p -> assertThat(p.errorPercent()).isCloseTo(33.3, within(0.1)));
  }

  private static Map<String, Prediction> byTarget(List<Prediction> predictions) {
    Map<String, Prediction> m = new TreeMap<>();
    predictions.forEach(p -> m.put(p.target(), p));
    return m;
  }
}
