package io.strandsetl.cost.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.strandsetl.model.store.TimeBucket;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTrendsTest {
  // Mon 2026-11-02 .. Tue 2026-11-10
  private final List<CostPoint> points =
      List.of(
          new CostPoint(LocalDate.of(2026, 11, 2), "orders", "sales", "glue", 10),
          new CostPoint(LocalDate.of(2026, 11, 3), "orders", "sales", "glue", 20),
          new CostPoint(LocalDate.of(2026, 11, 3), "clicks", null, "emr-ec2", 5),
          new CostPoint(LocalDate.of(2026, 11, 9), "orders", "sales", "glue", 45),
          new CostPoint(LocalDate.of(2026, 11, 10), "clicks", null, "emr-ec2", 5));

  @Test
  void weeklyByTeamSumsPerIsoWeekWithChangeAgainstThePreviousWeek() {
    assertThat(CostTrends.aggregate(points, TimeBucket.WEEK, GroupBy.TEAM))
        .extracting(
            TrendRow::periodStart,
            TrendRow::group,
            TrendRow::costUsd,
            TrendRow::runs,
            TrendRow::changePercent)
        .containsExactly(
            tuple(LocalDate.of(2026, 11, 2), "sales", 30.0, 2L, null),
            tuple(LocalDate.of(2026, 11, 2), "unassigned", 5.0, 1L, null),
            tuple(LocalDate.of(2026, 11, 9), "sales", 45.0, 1L, 50.0),
            tuple(LocalDate.of(2026, 11, 9), "unassigned", 5.0, 1L, 0.0));
  }

  @Test
  void monthlyByPlatformAndDailyTotalsFillDaysWithoutRunsWithZero() {
    assertThat(CostTrends.aggregate(points, TimeBucket.MONTH, GroupBy.PLATFORM))
        .extracting(TrendRow::group, TrendRow::costUsd)
        .containsExactly(tuple("emr-ec2", 10.0), tuple("glue", 75.0));
    double[] daily =
        CostTrends.dailyTotals(
            points, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 5), GroupBy.TOTAL, null);
    assertThat(daily).containsExactly(10, 25, 0, 0);
  }

  @Test
  void topSpendersAreSortedByCost() {
    assertThat(
            CostTrends.top(
                points, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), GroupBy.JOB, 1))
        .extracting(TrendRow::group, TrendRow::costUsd)
        .containsExactly(tuple("orders", 75.0));
  }
}
