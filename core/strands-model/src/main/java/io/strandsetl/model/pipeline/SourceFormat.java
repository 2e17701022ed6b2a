package io.strandsetl.model.pipeline;

/** The formats a source can be read from. */
public enum SourceFormat {
  PARQUET,
  CSV,
  JSON,
  ORC,
  JDBC;

  /** The name Spark's {@code DataFrameReader.format} knows. */
  public String sparkName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
