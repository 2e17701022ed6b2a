package io.strandsetl.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pipeline declares about one dataset outside of rules.
 *
 * @param key columns that identify a row (their duplicates are counted as a uniqueness check)
 * @param schema declared column types (Spark SQL type names such as {@code bigint}, {@code
 *     decimal(12,2)}), compared with the actual schema; insertion-ordered
 */
public record DatasetDeclaration(List<String> key, Map<String, String> schema) {
  public DatasetDeclaration {
    key = List.copyOf(key);
    schema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schema));
  }

  public static DatasetDeclaration none() {
    return new DatasetDeclaration(List.of(), Map.of());
  }
}
