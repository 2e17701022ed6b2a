package io.strandsetl.model.pipeline;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.Map;
import java.util.Objects;

/**
 * One input, registered as a temporary view named {@code name}.
 *
 * @param name view name (an SQL identifier)
 * @param format how to read it
 * @param path file or directory (any Hadoop file system URI), or null when {@code table} is given
 * @param table catalog table, or the JDBC table ({@code dbtable}); null when {@code path} is given
 * @param options reader options passed to Spark as they are (e.g. {@code header}, {@code url})
 * @param incremental watermark settings, or null to read everything on every run
 */
public record SourceSpec(
    String name,
    SourceFormat format,
    String path,
    String table,
    Map<String, String> options,
    IncrementalSpec incremental) {
  public SourceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    if ((path == null) == (table == null)) {
      throw new StrandsException(
          ErrorCode.INVALID_PIPELINE,
          "Invalid source '" + name + "': give exactly one of path and table");
    }
    options = Sections.copyStrings(options);
  }
}
