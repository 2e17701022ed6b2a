package io.strandsetl.quality;

import java.util.Objects;

/**
 * One declared rule.
 *
 * @param number position in the {@code rules:} list, from 1 (errors name it)
 * @param name the rule's name, or a generated one ({@code orders.amount range})
 * @param dataset the source or sink it applies to
 * @param threshold the least fraction of evaluated rows (or units) that must pass, in [0, 1]
 */
public record QualityRule(
    int number,
    String name,
    String dataset,
    Check check,
    QualityDimension dimension,
    double threshold,
    RuleSeverity severity) {
  public QualityRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(severity, "severity");
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
    }
  }

  /** {@code Invalid quality rule 3 (orders.amount range): } — the start of an error message. */
  public String errorPrefix() {
    return "Invalid quality rule " + number + " (" + name + "): ";
  }
}
