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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * GDPR Art. 17 erasure, Art. 20 export and Art. 5(1)(e) storage limitation over registered outputs
 * (a pipeline's sinks, or the outputs runs registered in the audit trail, see {@link
 * OutputRegistry}). A rewrite is staged and verified for every output first — the rows to keep go
 * to a hidden staging directory beside the output, which is read back: no row to remove may be left
 * and the row count must be the old one minus the removed rows — and only when every output staged
 * and verified are the outputs swapped (old output moved to a hidden backup, staging moved in,
 * backup deleted). A failure before the swaps deletes the staging directories and leaves every
 * output as it was. After the swaps each output is read again ({@code remaining}, must be 0).
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

  /** An output to work on: how to read and rewrite it, and which columns are masked how. */
  record Target(String scope, SinkSpec sink, Map<String, MaskingMethod> masked) {}

  static List<Target> targets(PipelineSpec spec) {
    CompliancePolicy policy = PolicyParser.parse(spec.compliance());
    Map<String, MaskingMethod> masked = new LinkedHashMap<>();
    for (ColumnPolicy c : policy.maskedColumns().values()) {
      masked.put(c.column(), c.mask());
    }
    return spec.sinks().stream().map(s -> new Target(spec.name(), s, masked)).toList();
  }

  static List<Target> targets(List<RegisteredOutput> outputs) {
    return outputs.stream().map(o -> new Target(o.job(), o.asSink(), o.masked())).toList();
  }

  /** Removes the subject's rows from every output of {@code spec}. */
  public ErasureResult erase(PipelineSpec spec, String column, String value, String actor) {
    return eraseFrom(targets(spec), column, value, actor);
  }

  /** Removes the subject's rows from every registered output. */
  public ErasureResult erase(
      List<RegisteredOutput> outputs, String column, String value, String actor) {
    return eraseFrom(targets(outputs), column, value, actor);
  }

  /**
   * Writes the subject's rows of every output as JSON lines ({"sink":…,"row":{…}}) to {@code out}.
   */
  public ErasureResult export(
      PipelineSpec spec, String column, String value, String actor, Path out) {
    return exportFrom(targets(spec), column, value, actor, out);
  }

  /**
   * Export from registered outputs (see {@link #export(PipelineSpec, String, String, String,
   * Path)}).
   */
  public ErasureResult export(
      List<RegisteredOutput> outputs, String column, String value, String actor, Path out) {
    return exportFrom(targets(outputs), column, value, actor, out);
  }

  private static void checkSubject(String column, String value) {
    if (column == null || column.isBlank() || value == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid subject: expected COLUMN=VALUE (e.g. customer_id=42)");
    }
  }

  ErasureResult eraseFrom(List<Target> targets, String column, String value, String actor) {
    checkSubject(column, value);
    String digest = digest(value);
    List<ErasureResult.SinkErasure> results =
        rewrite(
            targets,
            new Selector() {
              @Override
              public Column remove(Target t, Dataset<Row> rows) {
                return matcher(rows, column, value, t.masked());
              }

              @Override
              public String unselectable(Target t, Dataset<Row> rows) {
                return statusWithoutMatcher(rows, column);
              }
            });
    return result(column, digest, results, actor, "subject-erased", true);
  }

  ErasureResult exportFrom(
      List<Target> targets, String column, String value, String actor, Path exportTo) {
    checkSubject(column, value);
    String digest = digest(value);
    List<ErasureResult.SinkErasure> results = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Target t : targets) {
      SinkSpec sink = t.sink();
      Dataset<Row> rows = read(sink);
      if (rows == null) {
        results.add(sinkResult(t, "missing", 0, 0));
        continue;
      }
      Column match = matcher(rows, column, value, t.masked());
      if (match == null) {
        results.add(sinkResult(t, statusWithoutMatcher(rows, column), 0, 0));
        continue;
      }
      List<String> json = rows.filter(match).toJSON().collectAsList();
      String sinkName = sink.name().replace("\\", "\\\\").replace("\"", "\\\"");
      json.forEach(j -> lines.add("{\"sink\":\"" + sinkName + "\",\"row\":" + j + "}"));
      results.add(sinkResult(t, json.isEmpty() ? "no-rows" : "exported", json.size(), 0));
    }
    try {
      Path parent = exportTo.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(exportTo, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot write export " + exportTo + ": " + e.getMessage());
    }
    return result(column, digest, results, actor, "subject-exported", false);
  }

  /**
   * Storage limitation: removes from every registered output with a retention and a retention
   * column the rows whose retention column is older than {@code now - retention} (null dates are
   * kept: their age is unknown). Outputs without a declared retention are reported {@code
   * no-retention}; a retention column masked on the way out, {@code masked-column}.
   */
  public ErasureResult eraseExpired(List<RegisteredOutput> outputs, String actor) {
    Instant now = clock.instant();
    List<Target> targets = new ArrayList<>();
    List<ErasureResult.SinkErasure> skipped = new ArrayList<>();
    Map<String, RegisteredOutput> byPath = new LinkedHashMap<>();
    for (RegisteredOutput o : outputs) {
      if (!o.hasRetention()) {
        skipped.add(
            new ErasureResult.SinkErasure(o.job(), o.sink(), o.path(), "no-retention", 0, 0));
      } else if (o.masked().containsKey(o.retentionColumn())) {
        skipped.add(
            new ErasureResult.SinkErasure(o.job(), o.sink(), o.path(), "masked-column", 0, 0));
      } else {
        targets.add(new Target(o.job(), o.asSink(), o.masked()));
        byPath.put(o.path(), o);
      }
    }
    List<ErasureResult.SinkErasure> results = new ArrayList<>(skipped);
    results.addAll(
        rewrite(
            targets,
            (t, rows) -> {
              RegisteredOutput o = byPath.get(t.sink().path());
              return expired(rows, o.retentionColumn(), now.minus(o.retention()));
            }));
    List<AuditEvent> audit = new ArrayList<>();
    boolean verified = results.stream().allMatch(r -> r.rowsAfter() == 0);
    for (ErasureResult.SinkErasure r : results) {
      RegisteredOutput o =
          outputs.stream().filter(x -> x.path().equals(r.path())).findFirst().get();
      audit.add(
          new AuditEvent(
              now,
              actor,
              "expired-erased",
              o.job() + "/sink/" + o.sink(),
              "status="
                  + r.status()
                  + (o.hasRetention()
                      ? " column="
                          + o.retentionColumn()
                          + " retention="
                          + o.retention()
                          + " cutoff="
                          + now.minus(o.retention())
                      : "")
                  + " rows="
                  + r.rowsMatched()
                  + " remaining="
                  + r.rowsAfter()));
    }
    return new ErasureResult("retention", "none", results, verified, audit);
  }

  /**
   * Rows whose retention {@code column} is before {@code cutoff}, by its type: a date or timestamp
   * as it is; a string parsed as a date or timestamp ({@code try_to_timestamp}: unparseable is
   * null); an integral column is a year, whose rows expire once 31 December of that year is before
   * the cutoff (a year column must not be read as seconds since 1970). Null (no value, unparseable,
   * another type) is not expired: its age is unknown.
   */
  static Column expired(Dataset<Row> rows, String column, Instant cutoff) {
    Column c = functions.col(PiiScan.quote(column));
    DataType type = rows.schema().apply(rows.schema().fieldIndex(column)).dataType();
    Column when;
    if (type instanceof DateType
        || type instanceof TimestampType
        || type instanceof TimestampNTZType) {
      when = c.cast("timestamp");
    } else if (type instanceof StringType) {
      when = functions.try_to_timestamp(c);
    } else if (type instanceof IntegerType
        || type instanceof ShortType
        || type instanceof LongType
        || type instanceof ByteType) {
      when =
          functions
              .make_date(c.cast("int"), functions.lit(12), functions.lit(31))
              .cast("timestamp");
    } else {
      return functions.lit(false);
    }
    return when.lt(functions.lit(Timestamp.from(cutoff)));
  }

  private ErasureResult result(
      String column,
      String digest,
      List<ErasureResult.SinkErasure> results,
      String actor,
      String action,
      boolean erase) {
    Instant now = clock.instant();
    List<AuditEvent> audit = new ArrayList<>();
    boolean verified = true;
    for (ErasureResult.SinkErasure r : results) {
      verified &= r.rowsAfter() == 0;
      audit.add(
          new AuditEvent(
              now,
              actor,
              action,
              r.scope() + "/sink/" + r.sink(),
              "key="
                  + column
                  + " value="
                  + digest
                  + " status="
                  + r.status()
                  + " rows="
                  + r.rowsMatched()
                  + (erase ? " remaining=" + r.rowsAfter() : "")));
    }
    return new ErasureResult(column, digest, results, verified, audit);
  }

  // --- staged, verified rewrite of several outputs ---

  /** Chooses the rows to remove from one output; null when they cannot be told apart. */
  interface Selector {
    Column remove(Target target, Dataset<Row> rows);

    /** The status of an output whose rows cannot be selected ({@code remove} gave null). */
    default String unselectable(Target target, Dataset<Row> rows) {
      return "no-column";
    }
  }

  private record Planned(
      Target target, Dataset<Row> rows, Column remove, long total, long matched) {}

  /**
   * Stages every output without the selected rows and verifies each staged copy; only then swaps
   * them in. Any failure before the swaps deletes the staging directories and throws: no output
   * changed.
   */
  List<ErasureResult.SinkErasure> rewrite(List<Target> targets, Selector selector) {
    List<ErasureResult.SinkErasure> results = new ArrayList<>();
    List<Planned> plans = new ArrayList<>();
    Map<Planned, org.apache.hadoop.fs.Path> staged = new LinkedHashMap<>();
    Target current = null;
    try {
      for (Target t : targets) {
        current = t;
        SinkSpec sink = t.sink();
        Dataset<Row> rows = read(sink);
        if (rows == null) {
          results.add(sinkResult(t, "missing", 0, 0));
          continue;
        }
        Column remove = selector.remove(t, rows);
        if (remove == null) {
          results.add(sinkResult(t, selector.unselectable(t, rows), 0, 0));
          continue;
        }
        Column safe = functions.coalesce(remove, functions.lit(false));
        Row counts =
            rows.agg(
                    functions.count(functions.lit(1)),
                    functions.sum(functions.when(safe, 1L).otherwise(0L)))
                .first();
        long total = counts.getLong(0);
        long matched = counts.isNullAt(1) ? 0 : counts.getLong(1);
        if (matched == 0) {
          results.add(sinkResult(t, "no-rows", 0, 0));
          continue;
        }
        Planned p = new Planned(t, rows, safe, total, matched);
        plans.add(p);
        results.add(null); // filled after the swap
        org.apache.hadoop.fs.Path staging = stage(p);
        staged.put(p, staging);
        verifyStaged(p, staging, selector);
      }
    } catch (Exception e) { // Spark throws checked exceptions undeclared
      staged.values().forEach(this::deleteQuietly);
      String what = current == null ? "" : " " + current.sink().path();
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot rewrite output"
              + what
              + ": "
              + oneLine(e)
              + " (no output was changed; staging copies removed)",
          e);
    }
    int next = 0;
    for (Planned p : plans) {
      swap(p.target().sink(), staged.get(p));
      Dataset<Row> after = read(p.target().sink());
      Column again = after == null ? null : selector.remove(p.target(), after);
      long remaining =
          again == null ? 0 : after.filter(functions.coalesce(again, functions.lit(false))).count();
      while (results.get(next) != null) {
        next++;
      }
      results.set(next, sinkResult(p.target(), "erased", p.matched(), remaining));
    }
    return results;
  }

  private static ErasureResult.SinkErasure sinkResult(
      Target t, String status, long matched, long after) {
    return new ErasureResult.SinkErasure(
        t.scope(), t.sink().name(), t.sink().path(), status, matched, after);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private org.apache.hadoop.fs.Path stage(Planned p) {
    SinkSpec sink = p.target().sink();
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
      // Rows are materialised from the current output before it moves: Spark reads lazily.
      DataFrameWriter<Row> writer =
          p.rows()
              .filter(functions.not(p.remove()))
              .write()
              .format(sink.format().sparkName())
              .mode(SaveMode.ErrorIfExists)
              .options(sink.options());
      if (!sink.partitionBy().isEmpty()) {
        writer = writer.partitionBy(sink.partitionBy().toArray(String[]::new));
      }
      writer.save(staging.toString());
      return staging;
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot stage output " + sink.path() + ": " + e.getMessage());
    }
  }

  /** The staged copy holds none of the removed rows and every other row. */
  private void verifyStaged(Planned p, org.apache.hadoop.fs.Path staging, Selector selector) {
    SinkSpec sink = p.target().sink();
    Dataset<Row> rows =
        spark
            .read()
            .format(sink.format().sparkName())
            .options(sink.options())
            .load(staging.toString());
    Column remove = selector.remove(p.target(), rows);
    Row counts =
        rows.agg(
                functions.count(functions.lit(1)),
                functions.sum(
                    functions
                        .when(functions.coalesce(remove, functions.lit(false)), 1L)
                        .otherwise(0L)))
            .first();
    long total = counts.getLong(0);
    long left = counts.isNullAt(1) ? 0 : counts.getLong(1);
    if (left != 0 || total != p.total() - p.matched()) {
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot verify the staged copy of "
              + sink.path()
              + ": "
              + total
              + " rows with "
              + left
              + " to remove (expected "
              + (p.total() - p.matched())
              + " with 0)");
    }
  }

  private void swap(SinkSpec sink, org.apache.hadoop.fs.Path staging) {
    try {
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(sink.path());
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      target = fs.makeQualified(target);
      org.apache.hadoop.fs.Path backup =
          new org.apache.hadoop.fs.Path(
              target.getParent(),
              staging.getName().replace(".strands-erase-", ".strands-erase-backup-"));
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

  private void deleteQuietly(org.apache.hadoop.fs.Path p) {
    try {
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
    } catch (IOException e) { // best effort: a hidden staging directory is harmless
      return;
    }
  }

  private static String statusWithoutMatcher(Dataset<Row> rows, String column) {
    return List.of(rows.columns()).contains(column) ? "masked-column" : "no-column";
  }

  /** The filter of the subject's rows as written, or null when the column cannot be matched. */
  private Column matcher(
      Dataset<Row> rows, String column, String value, Map<String, MaskingMethod> masked) {
    if (!List.of(rows.columns()).contains(column)) {
      return null;
    }
    String written = value;
    MaskingMethod mask = masked.get(column);
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
