package io.strandsetl.model.store;

/**
 * Data quality of one execution's output. Dimensions and overall are fractions in [0, 1].
 *
 * @param nullPercent null cells, percent in [0, 100]
 * @param duplicatePercent duplicate rows, percent in [0, 100]
 */
public record QualitySummary(
    QualityScores scores,
    double nullPercent,
    double duplicatePercent,
    long schemaViolations,
    long businessRuleViolations,
    int checksPassed,
    int checksFailed) {
  public QualitySummary {
    java.util.Objects.requireNonNull(scores, "scores");
    Checks.percent(nullPercent, "quality nullPercent");
    Checks.percent(duplicatePercent, "quality duplicatePercent");
    Checks.nonNegative(schemaViolations, "quality schemaViolations");
    Checks.nonNegative(businessRuleViolations, "quality businessRuleViolations");
    Checks.nonNegative(checksPassed, "quality checksPassed");
    Checks.nonNegative(checksFailed, "quality checksFailed");
  }
}
