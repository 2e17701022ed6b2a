package io.strandsetl.model.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The length of a time-series point: a UTC day, an ISO week (from Monday) or a calendar month. */
public enum TimeBucket {
  DAY,
  WEEK,
  MONTH;

  /** The first day of the bucket containing {@code day}. */
  public LocalDate startOf(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }
}
