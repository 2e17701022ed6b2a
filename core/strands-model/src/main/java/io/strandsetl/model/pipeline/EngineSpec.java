package io.strandsetl.model.pipeline;

import java.util.Map;

/**
 * Where and how Spark runs the pipeline. The command line ({@code --master}, {@code --conf}) wins
 * over these.
 *
 * @param master Spark master URL, or null for the default ({@code local[*]})
 * @param conf Spark properties, in file order
 */
public record EngineSpec(String master, Map<String, String> conf) {
  public EngineSpec {
    conf = Sections.copyStrings(conf);
  }

  public static EngineSpec defaults() {
    return new EngineSpec(null, Map.of());
  }
}
