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
  // Also: the cost trend per day, week and month reads the same daily cost trends.
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void platformAdviceRanksTheSameJobsAsTheRunRollupsWithTheirRuns() {
    try (InMemoryTrackingStore store = new InMemoryTrackingStore()) {
      SampleRuns.seed(store, 400, NOW, 20, 17);
      DashboardQueries q =
          new DashboardQueries(
              store,
              Clock.fixed(NOW, ZoneOffset.UTC),
              0,
              0.8,
              Runnable::run,
              CostEngine.defaults());
      LocalDate to = LocalDate.parse("2026-11-20");
      DashboardFilter f = new DashboardFilter(to.minusDays(14), to, null, null, null, null);
      List<List<Object>> expected =
          store
              .runsBy(
                  new io.strandsetl.model.store.RunFilter(f.from(), f.to(), null, null, null, null),
                  io.strandsetl.model.store.Dimension.JOB,
                  30)
              .stream()
              .map(s -> List.<Object>of(s.key(), s.runs()))
              .toList();
      List<List<Object>> advised =
          q.platformAdvice(f).rows().stream().map(r -> List.of(r.get(0), r.get(7))).toList();
      assertThat(advised).isNotEmpty().isEqualTo(expected);
      // Cost by job (and top 10): the same jobs, runs, averages and success rates as runsBy.
      List<List<Object>> byJob =
          store
              .runsBy(
                  new io.strandsetl.model.store.RunFilter(f.from(), f.to(), null, null, null, null),
                  io.strandsetl.model.store.Dimension.JOB,
                  5)
              .stream()
              .map(
                  s ->
                      List.<Object>of(
                          s.key(),
                          Math.round(s.costUsd() * 100) / 100.0,
                          s.runs(),
                          Math.round(s.averageCostUsd() * 10_000) / 10_000.0,
                          Math.round(s.averageDurationMs() / 1000.0 * 10) / 10.0,
                          Math.round(s.successRate() * 100 * 10) / 10.0))
              .toList();
      assertThat(q.costByJob(f, 5).rows()).hasSize(5).isEqualTo(byJob);
      // Executions by status, window and last day: the same counts as grouping by status.
      Map<String, Long> window = new TreeMap<>();
      store
          .runsBy(
              new io.strandsetl.model.store.RunFilter(f.from(), f.to(), null, null, null, null),
              io.strandsetl.model.store.Dimension.STATUS,
              10)
          .forEach(s -> window.put(s.key(), s.runs()));
      Map<String, Long> shown = new TreeMap<>();
      for (List<Object> row : q.statusCounts(f).rows()) {
        if ((Long) row.get(1) > 0) {
          shown.put((String) row.get(0), (Long) row.get(1));
        }
      }
      assertThat(shown).hasSizeGreaterThan(1).isEqualTo(window);
    }
  }

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
      // Weekly and monthly trends from the daily cost trends equal the run rollups' buckets.
      for (String job : java.util.Arrays.asList(null, "orders-daily")) {
        DashboardFilter f = new DashboardFilter(to.minusDays(19), to, job, null, null, null);
        for (io.strandsetl.model.store.TimeBucket bucket :
            io.strandsetl.model.store.TimeBucket.values()) {
          List<List<Object>> expected =
              store
                  .runsOverTime(
                      new io.strandsetl.model.store.RunFilter(
                          f.from(), f.to(), job, null, null, null),
                      bucket)
                  .stream()
                  .map(
                      s ->
                          List.<Object>of(
                              s.key(),
                              Math.round(s.costUsd() * 100) / 100.0,
                              s.runs(),
                              Math.round(s.averageCostUsd() * 10_000) / 10_000.0))
                  .toList();
          assertThat(q.costTrend(f, bucket.name()).rows())
              .as("%s %s", job, bucket)
              .isNotEmpty()
              .isEqualTo(expected);
        }
      }
    }
  }
}
