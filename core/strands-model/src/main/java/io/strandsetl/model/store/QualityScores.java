package io.strandsetl.model.store;

/**
 * The five quality dimensions and the overall score, each a fraction in [0, 1]. A dimension is null
 * when it was not measured (no check of that dimension ran): it is never stored as 0, 1 or the
 * overall score. The overall score is required: the weighted mean of the measured dimensions.
 */
public record QualityScores(
    Double completeness,
    Double accuracy,
    Double consistency,
    Double timeliness,
    Double validity,
    double overall) {
  public QualityScores {
    optionalFraction(completeness, "quality completeness");
    optionalFraction(accuracy, "quality accuracy");
    optionalFraction(consistency, "quality consistency");
    optionalFraction(timeliness, "quality timeliness");
    optionalFraction(validity, "quality validity");
    Checks.fraction(overall, "quality overall");
  }

  private static void optionalFraction(Double value, String field) {
    if (value != null) {
      Checks.fraction(value, field);
    }
  }
}
