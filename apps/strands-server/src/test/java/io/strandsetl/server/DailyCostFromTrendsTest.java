package io.strandsetl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.cost.CostEngine;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.server.api.DashboardFilter;
import io.strandsetl.server.api.DashboardQueries;
import io.strandsetl.server.api.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The forecast's daily actuals come from the store's daily cost trends when no team, platform or
 * status filter is set, else from the run rollups: both paths give the daily cost trend's numbers.
 */
class DailyCostFromTrendsTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void forecastActualsEqualTheDailyCostTrendWhicheverTableAnswers() {
    try (InMemoryTrackingStore store = new InMemoryTrackingStore()) {
      SampleRuns.seed(store, 400, NOW, 20, 13);
      DashboardQueries q =
          new DashboardQueries(
              store,
              Clock.fixed(NOW, ZoneOffset.UTC),
              0,
              0.8,
              Runnable::run,
              CostEngine.defaults());
      LocalDate to = LocalDate.parse("2026-11-20");
      LocalDate from = to.minusDays(9);
      for (DashboardFilter f :
          List.of(
              new DashboardFilter(from, to, null, null, null, null),
              new DashboardFilter(from, to, "orders-daily", null, null, null),
              new DashboardFilter(from, to, null, "finance", null, null),
              new DashboardFilter(
                  from,
                  to,
                  "orders-daily",
                  null,
                  null,
                  io.strandsetl.model.store.ExecutionStatus.SUCCEEDED))) {
        Map<String, Double> trend = new TreeMap<>();
        for (List<Object> row : q.costTrend(f, "day").rows()) {
          trend.put((String) row.get(0), (Double) row.get(1));
        }
        Map<String, Double> actuals = new TreeMap<>();
        Table forecast = q.costForecast(f);
        for (List<Object> row : forecast.rows()) {
          if (row.get(1) != null && (Double) row.get(1) > 0) {
            actuals.put((String) row.get(0), (Double) row.get(1));
          }
        }
        assertThat(actuals).as("filter %s", f).isNotEmpty().isEqualTo(trend);
      }
    }
  }
}
