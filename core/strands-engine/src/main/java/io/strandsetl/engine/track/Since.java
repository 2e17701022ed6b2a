package io.strandsetl.engine.track;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the {@code --since} of the store commands. */
public final class Since {
  private Since() {}

  /**
   * The instant {@code text} names: an age ({@code 7d}, {@code 36h}, {@code 30m}, counted back from
   * {@code clock}), a UTC date ({@code 2026-11-01}, its midnight UTC) or an ISO-8601 instant
   * ({@code 2026-11-01T08:00:00Z}).
   */
  public static Instant parse(String text, Clock clock) {
    String v = text.trim();
    try {
      if (v.matches("\\d+[dhm]")) {
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        Duration age =
            switch (v.charAt(v.length() - 1)) {
              case 'd' -> Duration.ofDays(amount);
              case 'h' -> Duration.ofHours(amount);
              default -> Duration.ofMinutes(amount);
            };
        return clock.instant().minus(age);
      }
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw invalid(text);
    }
  }

  private static StrandsException invalid(String text) {
    return new StrandsException(
        ErrorCode.INVALID_ARGUMENT,
        "Invalid --since: '"
            + text
            + "' (expected an age such as 7d, 24h or 30m, a date such as 2026-11-01, or an"
            + " instant such as 2026-11-01T08:00:00Z)");
  }
}
