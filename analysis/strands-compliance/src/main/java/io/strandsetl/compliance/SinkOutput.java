package io.strandsetl.compliance;

import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.compliance.pii.DatasetFindings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the checks know about one output: its columns, the PII scan of what was (or would be)
 * written, and the masking applied before writing.
 *
 * @param sink sink name
 * @param format file format (parquet, csv, …)
 * @param columns output columns in order
 * @param findings PII scan of the written rows (after masking)
 * @param masked column to the masking method applied to it
 * @param encryptedByOptions true when the sink's writer options configure encryption (e.g. Parquet
 *     modular encryption keys, S3 server-side encryption)
 * @param expiredDropped rows dropped before writing because they were older than the retention, or
 *     null when retention was not enforced on this output
 * @param encryption what reading the written files showed (Parquet footers)
 */
public record SinkOutput(
    String sink,
    String format,
    List<String> columns,
    DatasetFindings findings,
    Map<String, MaskingMethod> masked,
    boolean encryptedByOptions,
    Long expiredDropped,
    EncryptionEvidence encryption) {
  public SinkOutput {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(format, "format");
    columns = List.copyOf(columns);
    Objects.requireNonNull(findings, "findings");
    masked = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(masked));
    encryption = encryption == null ? EncryptionEvidence.notInspected() : encryption;
  }

  /** An output whose retention was not enforced and whose files were not inspected. */
  public SinkOutput(
      String sink,
      String format,
      List<String> columns,
      DatasetFindings findings,
      Map<String, MaskingMethod> masked,
      boolean encryptedByOptions) {
    this(sink, format, columns, findings, masked, encryptedByOptions, null, null);
  }

  public SinkOutput withExpiredDropped(Long rows) {
    return new SinkOutput(
        sink, format, columns, findings, masked, encryptedByOptions, rows, encryption);
  }

  public SinkOutput withEncryption(EncryptionEvidence evidence) {
    return new SinkOutput(
        sink, format, columns, findings, masked, encryptedByOptions, expiredDropped, evidence);
  }

  /**
   * Encrypted at rest as far as can be told: the files' own evidence when they could be inspected,
   * else the writer options.
   */
  public boolean encryptedAtRest() {
    Boolean found = encryption.encrypted();
    return found != null ? found : encryptedByOptions;
  }

  /** True when the writer options name an encryption setting. */
  public static boolean encryptionOptions(Map<String, String> options) {
    return options.keySet().stream()
        .map(k -> k.toLowerCase(java.util.Locale.ROOT))
        .anyMatch(
            k ->
                k.startsWith("parquet.encryption")
                    || k.contains("server-side-encryption")
                    || k.contains("encryption.key")
                    || k.equals("orc.encrypt"));
  }
}
