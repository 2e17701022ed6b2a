package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.mask.Masker;
import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.compliance.policy.ColumnPolicy;
import io.strandsetl.compliance.policy.CompliancePolicy;
import io.strandsetl.compliance.policy.PolicyParser;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.store.AuditEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * GDPR Art. 17 erasure and Art. 20 export of one data subject across a pipeline's registered
 * outputs (its sinks). Erasure rewrites each output that holds the subject without their rows, the
 * way the runner publishes: the new rows go to a hidden staging directory beside the output and
 * replace it only once fully written (the old output is kept as a hidden backup until the swap is
 * done), then the output is read again to verify that no row of the subject remains.
 *
 * <p>The subject's value is matched as it is written: in a column masked with hash or tokenise it
 * is masked the same way first (deterministic, same salt); in a column masked irreversibly (redact,
 * partial, generalise) the subject cannot be found and the output is reported as {@code
 * masked-column}. The audit trail gets a digest of the value, never the value.
 */
public final class SubjectEraser {
  private final SparkSession spark;
  private final Clock clock;
  private final byte[] salt;

  /**
   * @param salt the compliance salt (needed to find a subject in hashed / tokenised columns and to
   *     digest the value with HMAC); null digests with plain SHA-256
   */
  public SubjectEraser(SparkSession spark, Clock clock, byte[] salt) {
    this.spark = spark;
    this.clock = clock;
    this.salt = salt == null ? null : salt.clone();
  }

  /** Removes the subject's rows from every output of {@code spec}. */
  public ErasureResult erase(PipelineSpec spec, String column, String value, String actor) {
    return run(spec, column, value, actor, null);
  }

  /**
   * Writes the subject's rows of every output as JSON lines ({"sink":…,"row":{…}}) to {@code out}.
   */
  public ErasureResult export(
      PipelineSpec spec, String column, String value, String actor, Path out) {
    return run(spec, column, value, actor, out);
  }

  private ErasureResult run(
      PipelineSpec spec, String column, String value, String actor, Path exportTo) {
    if (column == null || column.isBlank() || value == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid subject: expected COLUMN=VALUE (e.g. customer_id=42)");
    }
    CompliancePolicy policy = PolicyParser.parse(spec.compliance());
    String digest = digest(value);
    List<ErasureResult.SinkErasure> results = new ArrayList<>();
    List<String> exported = new ArrayList<>();
    boolean verified = true;
    for (SinkSpec sink : spec.sinks()) {
      ErasureResult.SinkErasure r =
          exportTo == null
              ? eraseFrom(sink, policy, column, value)
              : exportFrom(sink, policy, column, value, exported);
      if (r.rowsAfter() > 0) {
        verified = false;
      }
      results.add(r);
    }
    if (exportTo != null) {
      try {
        Path parent = exportTo.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.write(exportTo, exported, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new StrandsException(
            ErrorCode.IO_ERROR, "Cannot write export " + exportTo + ": " + e.getMessage());
      }
    }
    Instant now = clock.instant();
    List<AuditEvent> audit = new ArrayList<>();
    String action = exportTo == null ? "subject-erased" : "subject-exported";
    for (ErasureResult.SinkErasure r : results) {
      audit.add(
          new AuditEvent(
              now,
              actor,
              action,
              spec.name() + "/sink/" + r.sink(),
              "key="
                  + column
                  + " value="
                  + digest
                  + " status="
                  + r.status()
                  + " rows="
                  + r.rowsMatched()
                  + (exportTo == null ? " remaining=" + r.rowsAfter() : "")));
    }
    return new ErasureResult(column, digest, results, verified, audit);
  }

  private ErasureResult.SinkErasure eraseFrom(
      SinkSpec sink, CompliancePolicy policy, String column, String value) {
    Dataset<Row> rows = read(sink);
    if (rows == null) {
      return new ErasureResult.SinkErasure(sink.name(), sink.path(), "missing", 0, 0);
    }
    Column match = matcher(rows, policy, column, value);
    if (match == null) {
      return new ErasureResult.SinkErasure(
          sink.name(), sink.path(), statusWithoutMatcher(rows, policy, column), 0, 0);
    }
    long matched = rows.filter(match).count();
    if (matched == 0) {
      return new ErasureResult.SinkErasure(sink.name(), sink.path(), "no-rows", 0, 0);
    }
    rewriteWithout(sink, rows, match);
    Dataset<Row> after = read(sink);
    long remaining =
        after == null ? 0 : after.filter(matcher(after, policy, column, value)).count();
    return new ErasureResult.SinkErasure(sink.name(), sink.path(), "erased", matched, remaining);
  }

  private ErasureResult.SinkErasure exportFrom(
      SinkSpec sink, CompliancePolicy policy, String column, String value, List<String> lines) {
    Dataset<Row> rows = read(sink);
    if (rows == null) {
      return new ErasureResult.SinkErasure(sink.name(), sink.path(), "missing", 0, 0);
    }
    Column match = matcher(rows, policy, column, value);
    if (match == null) {
      return new ErasureResult.SinkErasure(
          sink.name(), sink.path(), statusWithoutMatcher(rows, policy, column), 0, 0);
    }
    List<String> json = rows.filter(match).toJSON().collectAsList();
    String sinkName = sink.name().replace("\\", "\\\\").replace("\"", "\\\"");
    json.forEach(j -> lines.add("{\"sink\":\"" + sinkName + "\",\"row\":" + j + "}"));
    return new ErasureResult.SinkErasure(
        sink.name(), sink.path(), json.isEmpty() ? "no-rows" : "exported", json.size(), 0);
  }

  private static String statusWithoutMatcher(
      Dataset<Row> rows, CompliancePolicy policy, String column) {
    return List.of(rows.columns()).contains(column) ? "masked-column" : "no-column";
  }

  /** The filter of the subject's rows as written, or null when the column cannot be matched. */
  private Column matcher(Dataset<Row> rows, CompliancePolicy policy, String column, String value) {
    if (!List.of(rows.columns()).contains(column)) {
      return null;
    }
    String written = value;
    MaskingMethod mask = policy.column(column).map(ColumnPolicy::mask).orElse(null);
    if (mask != null) {
      if (!mask.needsSalt() || salt == null) {
        return null; // irreversible masking, or no salt to repeat it
      }
      written = Masker.of(mask, salt).apply(value);
    }
    return functions.col(PiiScan.quote(column)).cast("string").equalTo(functions.lit(written));
  }

  private Dataset<Row> read(SinkSpec sink) {
    try {
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(sink.path());
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(target)) {
        return null;
      }
      return spark
          .read()
          .format(sink.format().sparkName())
          .options(sink.options())
          .load(sink.path());
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot read output " + sink.path() + ": " + e.getMessage());
    }
  }

  /** Stage the rows without the subject beside the output, then swap it in. */
  private void rewriteWithout(SinkSpec sink, Dataset<Row> rows, Column match) {
    String id =
        Long.toHexString(clock.millis())
            + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    try {
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(sink.path());
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      target = fs.makeQualified(target);
      org.apache.hadoop.fs.Path staging =
          new org.apache.hadoop.fs.Path(
              target.getParent(), "." + target.getName() + ".strands-erase-" + id);
      org.apache.hadoop.fs.Path backup =
          new org.apache.hadoop.fs.Path(
              target.getParent(), "." + target.getName() + ".strands-erase-backup-" + id);
      // Rows are materialised from the current output before it moves: Spark reads lazily.
      DataFrameWriter<Row> writer =
          rows.filter(functions.not(functions.coalesce(match, functions.lit(false))))
              .write()
              .format(sink.format().sparkName())
              .mode(SaveMode.ErrorIfExists)
              .options(sink.options());
      if (!sink.partitionBy().isEmpty()) {
        writer = writer.partitionBy(sink.partitionBy().toArray(String[]::new));
      }
      writer.save(staging.toString());
      if (!fs.rename(target, backup)) {
        fs.delete(staging, true);
        throw new StrandsException(
            ErrorCode.IO_ERROR, "Cannot move " + target + " aside for the rewrite");
      }
      if (!fs.rename(staging, target)) {
        fs.rename(backup, target); // put the original back
        throw new StrandsException(ErrorCode.IO_ERROR, "Cannot publish the rewritten " + target);
      }
      fs.delete(backup, true);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot rewrite output " + sink.path() + ": " + e.getMessage());
    }
  }

  /** {@code hmac-sha256:<hex>} with the salt, else {@code sha256:<hex>}. */
  String digest(String value) {
    try {
      if (salt != null) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return "hmac-sha256:"
            + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
      }
      return "sha256:"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot digest: JDK lacks SHA-256", e);
    }
  }
}
