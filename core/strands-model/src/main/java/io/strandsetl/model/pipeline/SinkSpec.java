package io.strandsetl.model.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One output. It is written to a staging directory beside {@code path} and published only when
 * every step and every sink of the run succeeded.
 *
 * @param name sink name (defaults to the view name)
 * @param from view written (a source or a transform)
 * @param format file format
 * @param path target directory (any Hadoop file system URI)
 * @param mode overwrite or append
 * @param partitionBy partition columns, in order
 * @param targetFileSizeBytes desired size of each written file in bytes, or null to let Spark
 *     decide
 * @param options writer options passed to Spark as they are (e.g. {@code compression})
 */
public record SinkSpec(
    String name,
    String from,
    SinkFormat format,
    String path,
    WriteMode mode,
    List<String> partitionBy,
    Long targetFileSizeBytes,
    Map<String, String> options) {
  public SinkSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mode, "mode");
    partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    if (targetFileSizeBytes != null && targetFileSizeBytes <= 0) {
      throw new IllegalArgumentException("targetFileSizeBytes must be positive");
    }
    options = Sections.copyStrings(options);
  }
}
