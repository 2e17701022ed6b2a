package io.strandsetl.quality;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code quality.*} configuration keys (documented in {@code docs/configuration.md}); a
 * pipeline's {@code quality:} section overrides them per pipeline.
 *
 * @param missingTokens strings counted as missing values, compared case-insensitively after trim
 * @param weights weight of each dimension in the overall score (not normalised here)
 * @param preRunMinScore least overall score of every checked source, or null for no pre-run gate
 * @param postRunMinScore least overall score of every output, or null for no post-run gate
 * @param approxDistinct whether the profile computes approximate distinct counts per column (off by
 *     default: Spark's HyperLogLog++ is not code-generated and makes the whole profiling
 *     aggregation about 3.6x slower than without them, see bench/README.md)
 * @param historyDir where the file history of scores and row counts is kept, or null for the
 *     default ({@code <data dir>/state/quality})
 */
public record QualitySettings(
    List<String> missingTokens,
    Map<QualityDimension, Double> weights,
    Double preRunMinScore,
    Double postRunMinScore,
    AnomalyPolicy anomaly,
    boolean approxDistinct,
    String historyDir) {
  public static final List<String> DEFAULT_MISSING_TOKENS = List.of("", "empty", "N/A");

  public QualitySettings {
    missingTokens = List.copyOf(missingTokens);
    weights = Map.copyOf(weights);
    if (weights.size() != QualityDimension.values().length) {
      throw new IllegalArgumentException("a weight for each of the five dimensions");
    }
    java.util.Objects.requireNonNull(anomaly, "anomaly");
  }

  public static QualitySettings defaults() {
    return from(Settings.empty());
  }

  /** Reads {@code quality.*}; an invalid value is reported with its key. */
  public static QualitySettings from(Settings settings) {
    List<String> tokens =
        settings.string("quality.missing-tokens").map(QualitySettings::tokens).orElse(null);
    Map<QualityDimension, Double> weights = new EnumMap<>(QualityDimension.class);
    for (QualityDimension d : QualityDimension.values()) {
      String key = "quality.weights." + d.key();
      double w = settings.getDouble(key, d.defaultWeight());
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new StrandsException(
            ErrorCode.INVALID_CONFIG, "Invalid " + key + ": " + w + " (must be a number >= 0)");
      }
      weights.put(d, w);
    }
    Double pre = score(settings, "quality.pre-run.min-score");
    Double post = score(settings, "quality.post-run.min-score");
    AnomalyPolicy d = AnomalyPolicy.defaults();
    AnomalyPolicy anomaly;
    try {
      anomaly =
          new AnomalyPolicy(
              settings.getInt("quality.anomaly.window", d.window()),
              settings.getDouble("quality.anomaly.k", d.k()),
              settings.getDouble("quality.anomaly.max-drop", d.maxDrop()),
              settings.getInt("quality.anomaly.min-history", d.minHistory()));
    } catch (IllegalArgumentException e) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG, "Invalid quality.anomaly.*: " + e.getMessage());
    }
    return new QualitySettings(
        tokens == null ? DEFAULT_MISSING_TOKENS : tokens,
        weights,
        pre,
        post,
        anomaly,
        settings.getBoolean("quality.profile.approx-distinct", false),
        settings.string("quality.history-dir").orElse(null));
  }

  private static Double score(Settings settings, String key) {
    if (settings.string(key).isEmpty()) {
      return null;
    }
    double v = settings.getDouble(key, 0);
    if (!(v >= 0 && v <= 1)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid " + key + ": " + v + " (must be a fraction in [0, 1])");
    }
    return v;
  }

  /** {@code "", empty, N/A}: comma separated; {@code ""} (or nothing) is the empty string. */
  static List<String> tokens(String raw) {
    List<String> out = new ArrayList<>();
    for (String part : raw.split(",", -1)) {
      String t = part.trim();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
