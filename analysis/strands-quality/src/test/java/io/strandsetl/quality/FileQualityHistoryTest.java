package io.strandsetl.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileQualityHistoryTest {
  @TempDir Path dir;

  @Test
  void keepsTheLastPointsPerDatasetSkipsATornLineAndFeedsRowCountDrift() throws Exception {
    FileQualityHistory history = new FileQualityHistory(dir);
    Instant t = Instant.parse("2026-11-20T00:00:00Z");
    for (int i = 0; i < 4; i++) {
      history.record("job", "out", new HistoryPoint("e" + i, t.plusSeconds(i), 0.9, 1000L + i));
      history.record("job", "other", new HistoryPoint("o" + i, t.plusSeconds(i), 0.5, 7L));
    }
    Files.writeString(
        dir.resolve("job.jsonl"), "{\"dataset\":\"out\",\"exec", StandardOpenOption.APPEND);

    List<HistoryPoint> recent = history.recent("job", "out", 3);

    assertThat(recent).extracting(HistoryPoint::executionId).containsExactly("e1", "e2", "e3");
    assertThat(history.recent("nobody", "out", 3)).isEmpty();

    QualitySpec spec =
        QualitySpec.parse(
            Map.of(
                "rules",
                List.of(Map.of("dataset", "out", "type", "row_count", "max_change_percent", 20))),
            QualitySettings.defaults(),
            Set.of(),
            Set.of("out"),
            null);
    MeasurePlan plan = MeasurePlan.of(spec, "out", Map.of("id", "bigint"));
    DatasetReport halved =
        QualityScorer.score(spec, plan, Map.of("rows", 501L), "output", recent, t.plusSeconds(9));

    RuleResult rowCount = halved.rules().get(1);
    assertThat(rowCount.passed()).isFalse();
    assertThat(rowCount.passFraction())
        .isCloseTo(501 / 1002.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(rowCount.detail())
        .isEqualTo("501 rows: 50.0% from the median 1002 of 3 runs (limit 20%)");
    // completeness 1 and row_count 0.5 -> overall 0.75 after 0.9: a drop over 10 points
    assertThat(halved.anomalies())
        .containsExactly(
            "overall dropped 15.0 points since the previous run (0.900 -> 0.750; limit 10.0)");
  }
}
