package io.strandsetl.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every API endpoint behind a chart or table returns: named columns with units and rows of
 * values in column order. One shape for JSON, CSV and the page's renderer.
 *
 * @param columns in display order
 * @param rows each with exactly one value per column (numbers, text, booleans or null)
 */
public record Table(List<Column> columns, List<List<Object>> rows) {
  public Table {
    columns = List.copyOf(columns);
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "Invalid table row: " + row.size() + " values for " + columns.size() + " columns");
      }
      // List.copyOf refuses nulls, and a missing value is legitimate (e.g. an unpriced run).
      copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = java.util.Collections.unmodifiableList(copied);
  }

  /**
   * One column.
   *
   * @param key stable machine name (snake_case), used by the page's JavaScript
   * @param label human name
   * @param unit unit of the values ({@code USD}, {@code s}, {@code %}, {@code bytes}), empty if
   *     none
   */
  public record Column(String key, String label, String unit) {
    public Column {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(label, "label");
      unit = unit == null ? "" : unit;
    }
  }

  /** Builds a table row by row. */
  public static Builder with(Column... columns) {
    return new Builder(List.of(columns));
  }

  public static Column col(String key, String label, String unit) {
    return new Column(key, label, unit);
  }

  public static Column col(String key, String label) {
    return new Column(key, label, "");
  }

  public static final class Builder {
    private final List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(List<Column> columns) {
      this.columns = columns;
    }

    public Builder row(Object... values) {
      rows.add(java.util.Arrays.asList(values));
      return this;
    }

    public Table build() {
      return new Table(columns, rows);
    }
  }
}
