package io.strandsetl.quality;

import java.util.EnumMap;
import java.util.Map;

/**
 * The five dimensions and the overall score, each a fraction in [0, 1], or null when not measured
 * (no check in that dimension evaluated anything). The overall score is the weighted mean over the
 * measured dimensions only; it is null when none is measured.
 */
public record DimensionScores(
    Double completeness,
    Double accuracy,
    Double consistency,
    Double timeliness,
    Double validity,
    Double overall) {

  public static DimensionScores notMeasured() {
    return new DimensionScores(null, null, null, null, null, null);
  }

  /** Scores from per-dimension values (absent = not measured) and the weights of the overall. */
  public static DimensionScores of(
      Map<QualityDimension, Double> scores, Map<QualityDimension, Double> weights) {
    double sum = 0;
    double weight = 0;
    for (var e : scores.entrySet()) {
      if (e.getValue() != null) {
        double w = weights.getOrDefault(e.getKey(), 0.0);
        sum += w * e.getValue();
        weight += w;
      }
    }
    Double overall = weight > 0 ? clamp(sum / weight) : null;
    return new DimensionScores(
        scores.get(QualityDimension.COMPLETENESS),
        scores.get(QualityDimension.ACCURACY),
        scores.get(QualityDimension.CONSISTENCY),
        scores.get(QualityDimension.TIMELINESS),
        scores.get(QualityDimension.VALIDITY),
        overall);
  }

  public Double get(QualityDimension d) {
    return switch (d) {
      case COMPLETENESS -> completeness;
      case ACCURACY -> accuracy;
      case CONSISTENCY -> consistency;
      case TIMELINESS -> timeliness;
      case VALIDITY -> validity;
    };
  }

  /** The measured dimensions, in enum order. */
  public Map<QualityDimension, Double> measured() {
    Map<QualityDimension, Double> out = new EnumMap<>(QualityDimension.class);
    for (QualityDimension d : QualityDimension.values()) {
      if (get(d) != null) {
        out.put(d, get(d));
      }
    }
    return out;
  }

  static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
