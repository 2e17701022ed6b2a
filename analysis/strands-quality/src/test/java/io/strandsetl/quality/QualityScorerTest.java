package io.strandsetl.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.model.store.QualityTrend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scoring from measured values, as a Spark profiler would report them. */
class QualityScorerTest {
  private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  private static QualitySpec spec(List<Map<String, Object>> rules) {
    return QualitySpec.parse(
        Map.of("rules", rules), QualitySettings.defaults(), Set.of(), Set.of("out"), null);
  }

  private static Map<String, String> schema() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("id", "bigint");
    s.put("state", "string");
    return s;
  }

  @Test
  void dimensionWithoutChecksIsNotMeasuredAndOverallIsTheWeightedMeanOfTheMeasuredOnes() {
    QualitySpec spec =
        spec(
            List.of(
                Map.of(
                    "dataset", "out", "type", "regex", "column", "state", "pattern", "[A-Z]{2}")));
    MeasurePlan plan = MeasurePlan.of(spec, "out", schema());
    Map<String, Object> values = new HashMap<>();
    values.put("rows", 10L);
    values.put("c0.nulls", 0L);
    values.put("c1.nulls", 1L);
    values.put("c1.missing", 1L); // 2 of 20 cells missing -> completeness 0.9
    values.put("r1.evaluated", 8L);
    values.put("r1.violations", 2L); // validity 0.75

    DatasetReport r = QualityScorer.score(spec, plan, values, "output", List.of(), NOW);

    assertThat(r.scores().completeness()).isCloseTo(0.9, within(1e-9));
    assertThat(r.scores().validity()).isCloseTo(0.75, within(1e-9));
    assertThat(r.scores().accuracy()).isNull();
    assertThat(r.scores().consistency()).isNull();
    assertThat(r.scores().timeliness()).isNull();
    // weights 0.25 and 0.20: (0.25 * 0.9 + 0.20 * 0.75) / 0.45
    assertThat(r.scores().overall()).isCloseTo((0.25 * 0.9 + 0.2 * 0.75) / 0.45, within(1e-9));
    assertThat(r.nullPercent()).isCloseTo(10.0, within(1e-9));
    assertThat(r.checksFailed()).isEqualTo(1);
    assertThat(r.checksPassed()).isZero();
    assertThat(r.businessRuleViolations()).isEqualTo(2);
    assertThat(r.trend()).isEqualTo(QualityTrend.FIRST);
    assertThat(plan.profile())
        .filteredOn(m -> m.id().equals("c1.missing"))
        .singleElement()
        .extracting(Measure::sql)
        .asString()
        .contains("lower(trim(`state`)) IN ('', 'empty', 'n/a')")
        .contains("octet_length(`state`) IN (0, 5, 3)");
  }

  @Test
  void staleDataLowersTimelinessByExpectedOverActualAge() {
    QualitySpec spec =
        spec(
            List.of(
                Map.of("dataset", "out", "type", "freshness", "column", "id", "max_age", "1d")));
    MeasurePlan plan = MeasurePlan.of(spec, "out", schema());
    Map<String, Object> values = new HashMap<>();
    values.put("rows", 1L);
    values.put("r1.latest", NOW.minusSeconds(4 * 86_400).toEpochMilli() * 1000);

    DatasetReport r = QualityScorer.score(spec, plan, values, "output", List.of(), NOW);

    assertThat(r.scores().timeliness()).isCloseTo(0.25, within(1e-9));
    assertThat(r.rules().get(1).passed()).isFalse();
    assertThat(r.rules().get(1).detail())
        .isEqualTo("newest id is 4.0d old (expected at most 1.0d)");
  }

  @Test
  void dropBelowTheHistorysUsualRangeIsAnAnomaly() {
    List<Double> stable = new ArrayList<>(List.of(0.95, 0.96, 0.95, 0.94, 0.95, 0.96));
    AnomalyPolicy policy = AnomalyPolicy.defaults();

    var normal = QualityTrends.evaluate(stable, 0.955, policy, 7);
    var low = QualityTrends.evaluate(stable, 0.90, policy, 7);
    var cliff = QualityTrends.evaluate(List.of(0.99), 0.80, policy, 2);

    assertThat(normal.anomalies()).isEmpty();
    assertThat(normal.trend()).isEqualTo(QualityTrend.STABLE);
    assertThat(low.trend()).isEqualTo(QualityTrend.DEGRADING);
    assertThat(low.anomalies())
        .singleElement()
        .asString()
        .startsWith("overall 0.900 is below the usual range of the last 6 runs");
    assertThat(cliff.anomalies())
        .containsExactly(
            "overall dropped 19.0 points since the previous run (0.990 -> 0.800; limit 10.0)");
  }
}
