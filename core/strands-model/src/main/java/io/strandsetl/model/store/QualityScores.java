package io.strandsetl.model.store;

/** The five quality dimensions and the overall score, each a fraction in [0, 1]. */
public record QualityScores(
    double completeness,
    double accuracy,
    double consistency,
    double timeliness,
    double validity,
    double overall) {
  public QualityScores {
    Checks.fraction(completeness, "quality completeness");
    Checks.fraction(accuracy, "quality accuracy");
    Checks.fraction(consistency, "quality consistency");
    Checks.fraction(timeliness, "quality timeliness");
    Checks.fraction(validity, "quality validity");
    Checks.fraction(overall, "quality overall");
  }
}
