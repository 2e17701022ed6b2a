package io.strandsetl.spark.compliance;

import io.strandsetl.model.store.AuditEvent;
import java.util.List;
import java.util.Objects;

/**
 * What an erasure (or export) did.
 *
 * @param column the subject key column
 * @param valueDigest digest of the subject's value ({@code hmac-sha256:<hex>} with the compliance
 *     salt, else {@code sha256:<hex>}); the value itself is never kept
 * @param sinks one line per registered output
 * @param verified true when a re-read of every rewritten output found no row of the subject
 * @param audit the audit events written (or to write)
 */
public record ErasureResult(
    String column,
    String valueDigest,
    List<SinkErasure> sinks,
    boolean verified,
    List<AuditEvent> audit) {
  public ErasureResult {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(valueDigest, "valueDigest");
    sinks = List.copyOf(sinks);
    audit = List.copyOf(audit);
  }

  public long rowsRemoved() {
    return sinks.stream().mapToLong(SinkErasure::rowsMatched).sum();
  }

  /**
   * One output.
   *
   * @param scope the pipeline (job) the output belongs to
   * @param sink sink name
   * @param path published path
   * @param status {@code erased}, {@code exported}, {@code no-rows}, {@code no-column}, {@code
   *     missing} (nothing published yet), {@code masked-column} (the key is masked irreversibly
   *     there) or, for expired rows, {@code no-retention} (none declared)
   * @param rowsMatched rows of the subject found
   * @param rowsAfter rows of the subject found after the rewrite (0 when verified)
   */
  public record SinkErasure(
      String scope, String sink, String path, String status, long rowsMatched, long rowsAfter) {}
}
