package io.strandsetl.model.pipeline;

/** The file formats a sink can write. */
public enum SinkFormat {
  PARQUET,
  CSV,
  JSON,
  ORC;

  /** The name Spark's {@code DataFrameWriter.format} knows. */
  public String sparkName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
