package io.strandsetl.server.erasure;

import java.util.List;
import java.util.Objects;

/**
 * What an erasure did; free of the subject's value.
 *
 * @param column the subject's key column
 * @param valueDigest the salted hash of the value that the audit trail records ({@code
 *     hmac-sha256:<hex>}, or {@code sha256:<hex>} without a compliance salt)
 * @param outputs one line per output searched, in the pipelines' sink order
 * @param verified true when a re-read of every rewritten output found no row of the subject
 * @param auditSequences sequence numbers of the audit entries written, in order
 */
public record ErasureReport(
    String column,
    String valueDigest,
    List<Output> outputs,
    boolean verified,
    List<Long> auditSequences) {
  public ErasureReport {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(valueDigest, "valueDigest");
    outputs = List.copyOf(outputs);
    auditSequences = List.copyOf(auditSequences);
  }

  /** Rows removed over all outputs. */
  public long rowsRemoved() {
    return outputs.stream().mapToLong(Output::rowsRemoved).sum();
  }

  /**
   * One output.
   *
   * @param pipeline pipeline (job) name
   * @param output sink name
   * @param path published path
   * @param status {@code erased}, {@code no-rows}, {@code no-column}, {@code missing} or {@code
   *     masked-column} (see docs/compliance.md)
   * @param rowsRemoved rows of the subject found and removed
   * @param rowsRemaining rows of the subject found when reading the output again (0 when verified)
   */
  public record Output(
      String pipeline,
      String output,
      String path,
      String status,
      long rowsRemoved,
      long rowsRemaining) {
    public Output {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(status, "status");
    }
  }
}
