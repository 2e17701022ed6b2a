package io.strandsetl.quality;

import java.time.Duration;
import java.util.List;

/** What a quality rule checks; one record per rule type of the {@code quality:} section. */
public sealed interface Check {

  /** The YAML {@code type} of this check. */
  String type();

  /** The dimension the check counts in unless the rule overrides it. */
  QualityDimension defaultDimension();

  /** Columns of the rule's own dataset the check reads, in declaration order. */
  List<String> columns();

  /** Each listed column holds a value (not null, not NaN, not a missing token). */
  record NotNull(List<String> columns) implements Check {
    public NotNull {
      columns = List.copyOf(columns);
    }

    public String type() {
      return "not_null";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.COMPLETENESS;
    }
  }

  /** No two rows share the same values of {@code columns} (rows with a null key are skipped). */
  record Unique(List<String> columns) implements Check {
    public Unique {
      columns = List.copyOf(columns);
    }

    public String type() {
      return "unique";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.CONSISTENCY;
    }
  }

  /** Present values, read as numbers, lie in [min, max]; a value that is not a number violates. */
  record Range(String column, Double min, Double max) implements Check {
    public String type() {
      return "range";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.VALIDITY;
    }

    public List<String> columns() {
      return List.of(column);
    }
  }

  /** Present values match {@code pattern} as a whole (Java regular expression syntax). */
  record Regex(String column, String pattern) implements Check {
    public String type() {
      return "regex";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.VALIDITY;
    }

    public List<String> columns() {
      return List.of(column);
    }
  }

  /** Present values are one of {@code values} (compared as strings, exactly). */
  record AllowedValues(String column, List<String> values) implements Check {
    public AllowedValues {
      values = List.copyOf(values);
    }

    public String type() {
      return "allowed_values";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.VALIDITY;
    }

    public List<String> columns() {
      return List.of(column);
    }
  }

  /** The newest value of a date/timestamp column is at most {@code maxAge} old at scoring time. */
  record Freshness(String column, Duration maxAge) implements Check {
    public String type() {
      return "freshness";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.TIMELINESS;
    }

    public List<String> columns() {
      return List.of(column);
    }
  }

  /** Every non-null key of {@code columns} exists in {@code refColumns} of {@code refDataset}. */
  record References(List<String> columns, String refDataset, List<String> refColumns)
      implements Check {
    public References {
      columns = List.copyOf(columns);
      refColumns = List.copyOf(refColumns);
    }

    public String type() {
      return "references";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.CONSISTENCY;
    }
  }

  /**
   * The row count lies in [min, max] and, when {@code maxChangePercent} is set, within that many
   * percent of the median row count of the dataset's recent history.
   */
  record RowCount(Long min, Long max, Double maxChangePercent) implements Check {
    public String type() {
      return "row_count";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.COMPLETENESS;
    }

    public List<String> columns() {
      return List.of();
    }
  }

  /**
   * {@code determinant} determines {@code dependent}: rows with equal determinant values have equal
   * dependent values. Violations are the rows whose dependent value differs from the most frequent
   * one of their determinant group (the fewest cells to change for the dependency to hold).
   */
  record FunctionalDependency(List<String> determinant, String dependent) implements Check {
    public FunctionalDependency {
      determinant = List.copyOf(determinant);
    }

    public String type() {
      return "functional_dependency";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.CONSISTENCY;
    }

    public List<String> columns() {
      var all = new java.util.ArrayList<>(determinant);
      all.add(dependent);
      return List.copyOf(all);
    }
  }

  /**
   * A Spark SQL boolean expression over one row; a row where it is false violates (null passes).
   */
  record SqlPredicate(String predicate) implements Check {
    public String type() {
      return "sql";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.CONSISTENCY;
    }

    public List<String> columns() {
      return List.of();
    }
  }

  /**
   * Input to output reconciliation: aggregate {@code measure} over the output equals aggregate
   * {@code sourceMeasure} over source {@code against}, within {@code tolerancePercent}.
   */
  record Reconcile(String against, String sourceMeasure, String measure, double tolerancePercent)
      implements Check {
    public String type() {
      return "reconcile";
    }

    public QualityDimension defaultDimension() {
      return QualityDimension.ACCURACY;
    }

    public List<String> columns() {
      return List.of();
    }
  }
}
