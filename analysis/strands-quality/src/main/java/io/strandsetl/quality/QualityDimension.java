package io.strandsetl.quality;

import java.util.Locale;

/** The five quality dimensions, each scored as a fraction in [0, 1] or not measured. */
public enum QualityDimension {
  COMPLETENESS(0.25),
  ACCURACY(0.20),
  CONSISTENCY(0.20),
  TIMELINESS(0.15),
  VALIDITY(0.20);

  private final double defaultWeight;

  QualityDimension(double defaultWeight) {
    this.defaultWeight = defaultWeight;
  }

  /** The documented default weight in the overall score (the five sum to 1). */
  public double defaultWeight() {
    return defaultWeight;
  }

  /** The lower-case name used in YAML, settings and JSON, e.g. {@code completeness}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static QualityDimension fromKey(String key) {
    for (QualityDimension d : values()) {
      if (d.key().equals(key)) {
        return d;
      }
    }
    return null;
  }
}
