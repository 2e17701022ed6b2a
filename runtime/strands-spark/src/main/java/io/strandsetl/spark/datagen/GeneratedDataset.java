package io.strandsetl.spark.datagen;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a generator wrote.
 *
 * @param name the dataset ({@code retail} or {@code tpch})
 * @param directory the output directory; each table is a parquet folder directly under it
 * @param scale the scale parameter used (retail: 1.0 ≈ 1M fact rows; TPC-H: the scale factor)
 * @param seed the seed (retail only; TPC-H data is fixed by its specification, reported as 0)
 * @param rowCounts rows per table, in the order the tables were written
 * @param elapsedMillis wall time of the generation, in milliseconds
 */
public record GeneratedDataset(
    String name,
    Path directory,
    double scale,
    long seed,
    Map<String, Long> rowCounts,
    long elapsedMillis) {
  public GeneratedDataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(directory, "directory");
    rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    if (elapsedMillis < 0) {
      throw new IllegalArgumentException("elapsedMillis < 0: " + elapsedMillis);
    }
  }

  public long totalRows() {
    return rowCounts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The parquet folder of one table. */
  public Path table(String table) {
    if (!rowCounts.containsKey(table)) {
      throw new IllegalArgumentException(
          "Invalid table: '" + table + "' (known: " + rowCounts.keySet() + ")");
    }
    return directory.resolve(table);
  }
}
