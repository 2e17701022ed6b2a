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
 */
public record SinkOutput(
    String sink,
    String format,
    List<String> columns,
    DatasetFindings findings,
    Map<String, MaskingMethod> masked,
    boolean encryptedByOptions) {
  public SinkOutput {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(format, "format");
    columns = List.copyOf(columns);
    Objects.requireNonNull(findings, "findings");
    masked = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(masked));
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
