package io.strandsetl.model.finding;

import java.util.Objects;

/**
 * One measured fact behind a finding.
 *
 * @param name what was measured ("max task duration")
 * @param value the number (or text) measured
 * @param unit its unit (ms, bytes, %, tasks, files, rows, ratio), or empty for text
 */
public record Evidence(String name, Object value, String unit) {
  public Evidence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    unit = unit == null ? "" : unit;
    if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
      throw new IllegalArgumentException(
          "Invalid evidence value: " + value.getClass() + " (use a number, text or boolean)");
    }
  }
}
