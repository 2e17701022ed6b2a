package io.strandsetl.notify.message;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.Objects;

/**
 * Spending reached 80 % or 100 % of a budget.
 *
 * @param scope what the budget covers: a job name, a team or {@code all jobs}
 * @param period the budget period, e.g. {@code 2026-11}
 * @param budgetUsd the budget, USD, > 0
 * @param spentUsd spent so far in the period, USD, at least 80 % of the budget
 * @param forecastUsd forecast for the whole period, USD; null when not forecast
 */
public record BudgetAlert(
    String scope, String period, double budgetUsd, double spentUsd, Double forecastUsd)
    implements Alert {
  /** The two thresholds that raise an alert. */
  public enum Level {
    /** At least 80 % of the budget spent. */
    WARNING_80,
    /** At least 100 % of the budget spent. */
    EXCEEDED_100
  }

  public BudgetAlert {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(period, "period");
    if (!(budgetUsd > 0) || Double.isInfinite(budgetUsd)) {
      throw invalid("budgetUsd", budgetUsd, "must be > 0");
    }
    if (!(spentUsd >= 0.8 * budgetUsd) || Double.isInfinite(spentUsd)) {
      throw invalid("spentUsd", spentUsd, "below 80 % of the budget " + budgetUsd + ": no alert");
    }
  }

  public Level level() {
    return spentUsd >= budgetUsd ? Level.EXCEEDED_100 : Level.WARNING_80;
  }

  /** Spent / budget, a fraction (1.0 = 100 %). */
  public double usedFraction() {
    return spentUsd / budgetUsd;
  }

  @Override
  public String key() {
    return "budget/" + scope + "/" + period + "/" + level();
  }

  private static StrandsException invalid(String field, double value, String why) {
    return new StrandsException(
        ErrorCode.INVALID_ARGUMENT,
        "Invalid budget alert " + field + ": " + value + " (" + why + ")");
  }
}
