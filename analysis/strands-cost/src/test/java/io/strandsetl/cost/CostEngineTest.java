package io.strandsetl.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.cost.forecast.Forecast;
import io.strandsetl.cost.forecast.ForecastMethod;
import io.strandsetl.cost.model.CostComparison;
import io.strandsetl.cost.model.Platform;
import io.strandsetl.cost.model.ResourceUsage;
import io.strandsetl.cost.trend.CostPoint;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostEngineTest {
  @TempDir Path dir;

  @Test
  void settingsChooseRegionOverridesAndRules() throws IOException {
    Path override = dir.resolve("eu.json");
    Files.writeString(
        override,
        "{\"entries\": [{\"item\": \"glue.standard.dpu-hour\", \"region\": \"eu-west-1\","
            + " \"unit\": \"USD per DPU-hour\", \"usd\": 0.48, \"effectiveFrom\": \"2020-01-01\","
            + " \"source\": \"https://aws.amazon.com/glue/pricing/\"}]}");
    Settings settings =
        Settings.of(
            Map.of(
                "cost.region", "eu-west-1",
                "cost.catalog.overrides", override.toString(),
                "cost.anomaly.k", "4",
                "cost.anomaly.min-usd", "20",
                "cost.anomaly.min-percent", "50"));
    CostEngine engine = CostEngine.fromSettings(settings);
    assertThat(engine.config().anomaly().k()).isEqualTo(4);
    assertThat(engine.config().anomaly().minUsd()).isEqualTo(20);
    assertThat(engine.config().anomaly().minPercent()).isEqualTo(50);
    assertThat(engine.glueJobCost(6, 900, false, LocalDate.of(2026, 1, 1)))
        .isCloseTo(6 * 0.25 * 0.48, within(1e-12));
    assertThat(settings.unknownKeys("cost.")).isEmpty();
  }

  @Test
  void invalidSettingNamesTheKey() {
    Settings settings = Settings.of(Map.of("cost.anomaly.k", "lots"));
    assertThatThrownBy(() -> CostEngine.fromSettings(settings))
        .hasMessage("Invalid cost.anomaly.k: 'lots' (expected a number)");
    Settings warn = Settings.of(Map.of("cost.budget.warn-percent", "120"));
    assertThatThrownBy(() -> CostEngine.fromSettings(warn))
        .hasMessage("Invalid cost.budget.warn-percent: '120.0' (expected 0 < x < 100)");
  }

  @Test
  void storedExecutionsBecomeCostPointsByUtcDayAndTeamTag() {
    Instant start = Instant.parse("2026-11-20T23:30:00Z");
    ExecutionRecord e =
        new ExecutionRecord(
            "x1",
            "orders",
            JobType.PIPELINE,
            "glue",
            ExecutionStatus.SUCCEEDED,
            start,
            start.plusSeconds(3600),
            null,
            null,
            null,
            new io.strandsetl.model.store.CostBreakdown(1.5, 1.5, 0, 0, 0, 0, 3.4),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            Map.of("team", "sales"),
            null);
    assertThat(CostEngine.points(List.of(e)))
        .containsExactly(new CostPoint(LocalDate.of(2026, 11, 20), "orders", "sales", "glue", 1.5));
  }

  @Test
  void forecastOverPointsCountsDaysWithoutRunsAsZeroAndUsesTheConfiguredHorizon() {
    List<CostPoint> points = new ArrayList<>();
    LocalDate first = LocalDate.of(2026, 9, 1);
    for (int d = 0; d < 60; d++) {
      if (d % 7 != 6) { // no runs on one weekday: a real weekly season
        points.add(CostPoint.total(first.plusDays(d), 50 + (d % 7) * 5));
      }
    }
    Settings settings = Settings.of(Map.of("cost.forecast.days", "14"));
    Forecast f = CostEngine.fromSettings(settings).forecast(points, first.plusDays(59));
    assertThat(f.method()).isEqualTo(ForecastMethod.HOLT_WINTERS);
    assertThat(f.historyDays()).isEqualTo(60);
    assertThat(f.points()).hasSize(14);
    // day 60 is d % 7 == 4: 70 USD; day 62 is the empty weekday
    assertThat(f.points().get(0).expectedUsd()).isCloseTo(70, within(1.0));
    assertThat(f.points().get(2).expectedUsd()).isCloseTo(0, within(1.0));
  }

  @Test
  void calculateGivesTheStoreBreakdownAndEveryOption() {
    CostEngine engine = CostEngine.defaults();
    CostComparison c =
        engine.calculate(
            ResourceUsage.ofCluster(900_000, 5, 4, 10),
            engine.options(Platform.GLUE, LocalDate.of(2026, 11, 1)));
    assertThat(c.breakdown().computeUsd()).isCloseTo(0.66, within(1e-12));
    assertThat(c.catalogVersion()).isEqualTo("1");
    assertThat(c.options()).hasSize(10);
  }

  @Test
  void resultsSerialiseToStrictJsonWithoutNaN() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .findAndAddModules()
            .disable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();
    CostEngine engine = CostEngine.defaults();
    // 16 GiB of executors: Lambda is N/A; local: no compute price.
    CostComparison c =
        engine.calculate(
            ResourceUsage.ofCluster(1_200_000, 2, 4, 8),
            engine.options(Platform.LOCAL, LocalDate.of(2026, 11, 1)));
    Forecast none =
        engine.forecast(
            List.of(CostPoint.total(LocalDate.of(2026, 11, 1), 1)), LocalDate.of(2026, 11, 3));
    for (Object value : List.of(c, none, engine.recommend(c, List.of(), false))) {
      String text = json.writeValueAsString(value);
      assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
      assertThat(json.readTree(text)).isNotNull();
    }
    assertThat(json.writeValueAsString(c)).contains("\"reason\":\"needs 16384 MB of memory");
  }
}
