package io.strandsetl.model.pipeline;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/**
 * Read only rows newer than the last successful run: {@code watermarkColumn > watermark}.
 *
 * @param watermarkColumn a column that grows with new data (a timestamp, a date or an id)
 * @param initialValue the watermark before the first run, as text Spark casts to the column's type;
 *     null reads everything on the first run
 */
public record IncrementalSpec(String watermarkColumn, String initialValue) {
  public IncrementalSpec {
    if (watermarkColumn == null || watermarkColumn.isBlank()) {
      throw new StrandsException(
          ErrorCode.INVALID_PIPELINE, "Invalid incremental: watermark_column is required");
    }
  }
}
