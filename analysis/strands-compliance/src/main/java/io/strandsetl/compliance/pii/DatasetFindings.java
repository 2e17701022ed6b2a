package io.strandsetl.compliance.pii;

import java.util.List;
import java.util.Objects;

/**
 * The PII scan of one dataset (a source or a sink's output).
 *
 * @param dataset dataset name (source or sink name)
 * @param rowsScanned rows read by the scan
 * @param sampled true when the scan stopped at the row cap ({@code compliance.scan.max-rows})
 * @param columns one finding per scanned column, in the dataset's column order
 */
public record DatasetFindings(
    String dataset, long rowsScanned, boolean sampled, List<ColumnFinding> columns) {
  public DatasetFindings {
    Objects.requireNonNull(dataset, "dataset");
    columns = List.copyOf(columns);
  }

  /** Columns that hold PII (a detected entity). */
  public List<ColumnFinding> piiColumns() {
    return columns.stream().filter(ColumnFinding::holdsPii).toList();
  }
}
