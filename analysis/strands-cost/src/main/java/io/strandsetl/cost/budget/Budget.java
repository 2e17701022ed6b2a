package io.strandsetl.cost.budget;

import io.strandsetl.cost.trend.GroupBy;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A spending limit for one scope over a period of UTC days.
 *
 * @param scope TOTAL, JOB or TEAM (PLATFORM also works)
 * @param name the job or team name; ignored for TOTAL
 * @param amountUsd the limit, USD, &gt; 0
 * @param start first day, inclusive
 * @param end last day, inclusive
 */
public record Budget(GroupBy scope, String name, double amountUsd, LocalDate start, LocalDate end) {
  public Budget {
    if (scope == null || start == null || end == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid budget: scope, start and end are required");
    }
    name = scope == GroupBy.TOTAL ? "total" : name;
    if (name == null || name.isBlank()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid budget: a " + scope + " budget needs a name");
    }
    if (!(amountUsd > 0) || Double.isInfinite(amountUsd)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid budget " + name + ": " + amountUsd + " USD (must be > 0)");
    }
    if (end.isBefore(start)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid budget " + name + ": ends " + end + " before " + start);
    }
  }

  /** A budget for one calendar month. */
  public static Budget monthly(GroupBy scope, String name, double amountUsd, YearMonth month) {
    return new Budget(scope, name, amountUsd, month.atDay(1), month.atEndOfMonth());
  }

  /** Days in the period. */
  public long days() {
    return end.toEpochDay() - start.toEpochDay() + 1;
  }
}
