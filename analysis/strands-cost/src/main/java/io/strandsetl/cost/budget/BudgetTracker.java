package io.strandsetl.cost.budget;

import io.strandsetl.cost.trend.CostPoint;
import io.strandsetl.cost.trend.CostTrends;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Budget vs actual with a linear burn rate: {@code burn = spent / elapsed days}; exhaustion is the
 * first day {@code d} (counted from the start, 1-based) with {@code burn × d ≥ amount}, i.e. {@code
 * start + ⌈amount / burn⌉ − 1}; when the budget is already exceeded, the day the cumulative actual
 * spend first reached it.
 */
public final class BudgetTracker {
  private BudgetTracker() {}

  public static BudgetStatus status(
      Budget budget, List<CostPoint> points, LocalDate asOf, double warnPercent) {
    LocalDate last = asOf.isAfter(budget.end()) ? budget.end() : asOf;
    if (last.isBefore(budget.start())) {
      return new BudgetStatus(
          budget,
          asOf,
          0,
          0,
          BudgetLevel.OK,
          0,
          0,
          null,
          "budget " + budget.name() + " starts " + budget.start() + ": nothing spent yet");
    }
    double[] daily =
        CostTrends.dailyTotals(
            points,
            budget.start(),
            last,
            budget.scope(),
            budget.scope() == io.strandsetl.cost.trend.GroupBy.TOTAL ? null : budget.name());
    double spent = 0;
    LocalDate reached = null;
    for (int i = 0; i < daily.length; i++) {
      spent += daily[i];
      if (reached == null && spent >= budget.amountUsd()) {
        reached = budget.start().plusDays(i);
      }
    }
    long elapsed = daily.length;
    double burn = spent / elapsed;
    long left = budget.days() - elapsed;
    double projected = spent + burn * left;
    double percent = 100.0 * spent / budget.amountUsd();
    BudgetLevel level =
        percent >= 100
            ? BudgetLevel.CRITICAL
            : percent >= warnPercent ? BudgetLevel.WARNING : BudgetLevel.OK;
    LocalDate exhaustion = reached;
    if (exhaustion == null && burn > 0) {
      long day = (long) Math.ceil(budget.amountUsd() / burn - 1e-9);
      LocalDate candidate = budget.start().plusDays(day - 1);
      exhaustion = candidate.isAfter(budget.end()) ? null : candidate;
    }
    String explanation =
        String.format(
            Locale.ROOT,
            "%s: $%.2f of $%.2f (%.1f%%, %s) after %d of %d days; burn $%.2f/day; projected $%.2f"
                + " by %s; %s",
            budget.name(),
            spent,
            budget.amountUsd(),
            percent,
            level,
            elapsed,
            budget.days(),
            burn,
            projected,
            budget.end(),
            reached != null
                ? "exhausted on " + reached
                : exhaustion != null
                    ? "projected exhaustion " + exhaustion
                    : "not projected to run out in the period");
    return new BudgetStatus(
        budget, last, spent, percent, level, burn, projected, exhaustion, explanation);
  }
}
