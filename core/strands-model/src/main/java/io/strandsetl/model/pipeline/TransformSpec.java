package io.strandsetl.model.pipeline;

import java.util.Objects;

/**
 * One SQL step; its result is registered as a temporary view named {@code name}, so later steps and
 * sinks can use it.
 *
 * @param name view name (an SQL identifier)
 * @param sql one SELECT statement over the sources and earlier steps
 * @param cache true to cache the result because several later steps read it
 */
public record TransformSpec(String name, String sql, boolean cache) {
  public TransformSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
  }
}
