package io.strandsetl.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strandsetl.cost.trend.CostPoint;
import io.strandsetl.cost.trend.GroupBy;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetTrackerTest {
  private static final YearMonth NOV = YearMonth.of(2026, 11);

  private static List<CostPoint> daily(String job, String team, double usd, int days) {
    List<CostPoint> points = new ArrayList<>();
    for (int d = 1; d <= days; d++) {
      points.add(new CostPoint(NOV.atDay(d), job, team, "glue", usd));
    }
    return points;
  }

  @Test
  void halfSpentAfterTenDaysRunsOutOnTheTwentieth() {
    // $1000 for November, $50/day for Nov 1-10: burn 50/day, 1000 / 50 = day 20.
    Budget budget = Budget.monthly(GroupBy.TOTAL, null, 1000, NOV);
    BudgetStatus s =
        BudgetTracker.status(budget, daily("a", "t", 50, 10), LocalDate.of(2026, 11, 10), 80);
    assertThat(s.spentUsd()).isCloseTo(500, within(1e-9));
    assertThat(s.percentUsed()).isCloseTo(50, within(1e-9));
    assertThat(s.level()).isEqualTo(BudgetLevel.OK);
    assertThat(s.burnRateUsdPerDay()).isCloseTo(50, within(1e-9));
    assertThat(s.projectedSpendUsd()).isCloseTo(1500, within(1e-9));
    assertThat(s.projectedExhaustion()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(s.explanation())
        .isEqualTo(
            "total: $500.00 of $1000.00 (50.0%, OK) after 10 of 30 days; burn $50.00/day;"
                + " projected $1500.00 by 2026-11-30; projected exhaustion 2026-11-20");
  }

  @Test
  void eightyPercentWarnsAndExhaustionIsTheDayTheRateCrossesTheAmount() {
    // $85/day x 10 = $850 (85%): WARNING; ceil(1000 / 85) = 12 -> Nov 12.
    Budget budget = Budget.monthly(GroupBy.TEAM, "sales", 1000, NOV);
    List<CostPoint> points = new ArrayList<>(daily("a", "sales", 85, 10));
    points.addAll(daily("b", "ops", 1000, 10)); // another team's spend does not count
    BudgetStatus s = BudgetTracker.status(budget, points, LocalDate.of(2026, 11, 10), 80);
    assertThat(s.level()).isEqualTo(BudgetLevel.WARNING);
    assertThat(s.spentUsd()).isCloseTo(850, within(1e-9));
    assertThat(s.projectedExhaustion()).isEqualTo(LocalDate.of(2026, 11, 12));
  }

  @Test
  void exceededBudgetIsCriticalAndReportsTheDayItWasReached() {
    Budget budget = Budget.monthly(GroupBy.JOB, "a", 300, NOV);
    BudgetStatus s =
        BudgetTracker.status(budget, daily("a", "t", 100, 5), LocalDate.of(2026, 11, 5), 80);
    assertThat(s.level()).isEqualTo(BudgetLevel.CRITICAL);
    assertThat(s.projectedExhaustion()).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(s.explanation()).endsWith("exhausted on 2026-11-03");
  }

  @Test
  void slowBurnDoesNotRunOutWithinThePeriod() {
    Budget budget = Budget.monthly(GroupBy.TOTAL, null, 1000, NOV);
    BudgetStatus s =
        BudgetTracker.status(budget, daily("a", "t", 10, 10), LocalDate.of(2026, 11, 10), 80);
    assertThat(s.projectedExhaustion()).isNull();
    assertThat(s.explanation()).endsWith("not projected to run out in the period");
  }

  @Test
  void budgetNeedsAPositiveAmount() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Budget.monthly(GroupBy.JOB, "a", 0, NOV))
        .hasMessage("Invalid budget a: 0.0 USD (must be > 0)");
  }
}
