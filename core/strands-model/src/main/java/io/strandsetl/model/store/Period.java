package io.strandsetl.model.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The length of a {@code cost_trends} rollup period; periods are UTC calendar days or months. */
public enum Period {
  DAY,
  MONTH;

  /** First day of the UTC period that contains {@code instant}. */
  public LocalDate startOf(Instant instant) {
    LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
    return switch (this) {
      case DAY -> day;
      case MONTH -> day.withDayOfMonth(1);
    };
  }
}
