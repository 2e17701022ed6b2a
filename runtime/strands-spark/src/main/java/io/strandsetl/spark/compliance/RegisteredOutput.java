package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.model.pipeline.SinkFormat;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.pipeline.WriteMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An output a run published, as registered in the audit trail ({@code output-registered} events,
 * see {@link OutputRegistry}): where it is, how to read it, and what the compliance hook knew about
 * it. Column names, entity ids and masking methods only; never a value.
 *
 * @param job pipeline (job) name
 * @param executionId the run that registered it
 * @param sink sink name
 * @param path published path (as the pipeline wrote it)
 * @param format Spark source name (parquet, csv, json, orc, …)
 * @param options reader/writer options, without any whose name looks like a secret
 * @param partitionBy partition columns, in order
 * @param columns columns as written, in order
 * @param pii column to entity id, for the columns the scan of the staged rows said hold PII
 * @param masked column to the masking method applied before writing
 * @param erasureKey the policy's erasure key, or null
 * @param retention the policy's retention, or null
 * @param retentionColumn the policy's retention column, or null
 * @param registeredAt when the run registered it (UTC)
 */
public record RegisteredOutput(
    String job,
    String executionId,
    String sink,
    String path,
    String format,
    Map<String, String> options,
    List<String> partitionBy,
    List<String> columns,
    Map<String, String> pii,
    Map<String, MaskingMethod> masked,
    String erasureKey,
    Duration retention,
    String retentionColumn,
    Instant registeredAt) {
  public RegisteredOutput {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(registeredAt, "registeredAt");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(withoutSecrets(options)));
    partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    columns = columns == null ? List.of() : List.copyOf(columns);
    pii = pii == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pii));
    masked = masked == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(masked));
  }

  /** The same output as a sink, so it can be read and rewritten like one. */
  SinkSpec asSink() {
    return new SinkSpec(
        sink,
        sink,
        SinkFormat.valueOf(format.toUpperCase(Locale.ROOT)),
        path,
        WriteMode.OVERWRITE,
        partitionBy,
        null,
        options);
  }

  /** True when the retention of this output can be enforced (both declared, column written). */
  public boolean hasRetention() {
    return retention != null && retentionColumn != null && columns.contains(retentionColumn);
  }

  /** Options whose values may be credentials are never registered (the trail is read by many). */
  static Map<String, String> withoutSecrets(Map<String, String> options) {
    Map<String, String> kept = new LinkedHashMap<>();
    if (options == null) {
      return kept;
    }
    options.forEach(
        (k, v) -> {
          if (!io.strandsetl.model.config.Secret.isSecretKey(k)) {
            kept.put(k, v);
          }
        });
    return kept;
  }
}
