package io.strandsetl.model.finding;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to do about a finding, with code to paste.
 *
 * @param summary one or two sentences
 * @param pyspark a PySpark snippet, or null
 * @param sql a Spark SQL snippet, or null
 * @param scala a Scala snippet, or null
 * @param config Spark configuration to set, sorted (empty when none)
 */
public record Recommendation(
    String summary, String pyspark, String sql, String scala, Map<String, String> config) {
  public Recommendation {
    Objects.requireNonNull(summary, "summary");
    config =
        config == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(config));
  }
}
