package io.strandsetl.model.store;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Shared validation of the store records, so every record reports errors the same way. */
final class Checks {
  private Checks() {}

  static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw invalid(field, value, "must not be blank");
    }
    return value;
  }

  /**
   * The instant truncated to whole microseconds, the precision every backend keeps (SQL timestamps
   * are microseconds), so a record reads back equal to what was written. Null stays null.
   */
  static Instant micros(Instant value) {
    return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
  }

  static long nonNegative(long value, String field) {
    if (value < 0) {
      throw invalid(field, value, "must be >= 0");
    }
    return value;
  }

  static double nonNegative(double value, String field) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw invalid(field, value, "must be a finite number >= 0");
    }
    return value;
  }

  /** A fraction in [0, 1] (utilisation, quality dimension, confidence). */
  static double fraction(double value, String field) {
    if (!(value >= 0 && value <= 1)) {
      throw invalid(field, value, "must be a fraction in [0, 1]");
    }
    return value;
  }

  /** A percentage in [0, 100]. */
  static double percent(double value, String field) {
    if (!(value >= 0 && value <= 100)) {
      throw invalid(field, value, "must be a percentage in [0, 100]");
    }
    return value;
  }

  /** An immutable copy that keeps the caller's order; rejects nulls. */
  static <T> List<T> list(List<T> values, String field) {
    Objects.requireNonNull(values, field);
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      if (value == null) {
        throw invalid(field, "null", "must not contain null");
      }
      copy.add(value);
    }
    return Collections.unmodifiableList(copy);
  }

  /** An immutable, key-sorted copy; rejects null or blank keys and null values. */
  static Map<String, String> sortedMap(Map<String, String> values, String field) {
    Objects.requireNonNull(values, field);
    TreeMap<String, String> copy = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          text(key, field + " key");
          if (value == null) {
            throw invalid(field, key, "value must not be null");
          }
          copy.put(key, value);
        });
    return Collections.unmodifiableMap(copy);
  }

  static StrandsException invalid(String field, Object value, String why) {
    return new StrandsException(
        ErrorCode.INVALID_ARGUMENT, "Invalid " + field + ": " + value + " (" + why + ")");
  }
}
