package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.ComplianceEngine;
import io.strandsetl.compliance.ComplianceInput;
import io.strandsetl.compliance.SinkOutput;
import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.policy.ColumnPolicy;
import io.strandsetl.compliance.policy.CompliancePolicy;
import io.strandsetl.compliance.policy.PolicyParser;
import io.strandsetl.compliance.policy.Regulation;
import io.strandsetl.compliance.report.AuditReport;
import io.strandsetl.compliance.report.ComplianceAssessment;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.TrackingStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The compliance use cases behind the CLI and the Compliance agent's tools (detect_pii, check_gdpr,
 * check_hipaa, mask_columns, erase_subject, generate_audit_report, verify_audit_trail). Thin over
 * {@link PiiScan}, {@link ComplianceEngine}, {@link ColumnMasking}, {@link SubjectEraser} and the
 * tracking store; every result is PII-free except an export, which is the subject's own data
 * written where they asked.
 */
public final class ComplianceService {
  private final Settings settings;
  private final Clock clock;
  private final ScanSettings scan;
  private final SaltSource salt;

  public ComplianceService(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.scan = ScanSettings.from(settings);
    this.salt = new SaltSource(settings);
    settings.getBoolean("compliance.scan.sources", true); // a hook setting: known, unused here
    ComplianceHook.rejectUnknownKeys(settings);
  }

  public ScanSettings scanSettings() {
    return scan;
  }

  /** detect_pii: PII per column of a dataset (a sample of {@code compliance.scan.max-rows}). */
  public DatasetFindings detectPii(String name, Dataset<Row> rows) {
    return PiiScan.scan(name, rows, scan);
  }

  /** detect_pii on files: {@code format} is a Spark source name (parquet, csv, json, orc). */
  public DatasetFindings detectPii(
      SparkSession spark, String path, String format, Map<String, String> options) {
    return detectPii(path, spark.read().format(format).options(options).load(path));
  }

  /**
   * The checks of a pipeline over its published outputs: each sink's output is scanned, the columns
   * the policy masks count as masked (the hook masked them when it wrote them). Unpublished outputs
   * are skipped.
   */
  public ComplianceAssessment assess(SparkSession spark, PipelineSpec spec, boolean auditTrail) {
    CompliancePolicy policy = PolicyParser.parse(spec.compliance());
    List<SinkOutput> outputs = new ArrayList<>();
    for (SinkSpec sink : spec.sinks()) {
      if (!exists(spark, sink.path())) {
        continue;
      }
      Dataset<Row> rows =
          spark.read().format(sink.format().sparkName()).options(sink.options()).load(sink.path());
      Map<String, MaskingMethod> masked = new LinkedHashMap<>();
      for (ColumnPolicy c : policy.maskedColumns().values()) {
        if (List.of(rows.columns()).contains(c.column())) {
          masked.put(c.column(), c.mask());
        }
      }
      outputs.add(
          new SinkOutput(
                  sink.name(),
                  sink.format().sparkName(),
                  List.of(rows.columns()),
                  PiiScan.scan(sink.name(), rows, scan),
                  masked,
                  SinkOutput.encryptionOptions(sink.options()))
              .withEncryption(
                  EncryptionInspection.ofPath(spark, sink.path(), sink.format().sparkName())));
    }
    return new ComplianceEngine(clock)
        .assess(new ComplianceInput(spec.name(), policy, List.of(), Map.of(), outputs, auditTrail));
  }

  /** check_gdpr: the GDPR checks of {@link #assess}. */
  public List<CheckResult> checkGdpr(ComplianceAssessment assessment) {
    return assessment.checks().stream().filter(c -> c.regulation() == Regulation.GDPR).toList();
  }

  /** check_hipaa: the HIPAA checks of {@link #assess} (empty unless the policy lists hipaa). */
  public List<CheckResult> checkHipaa(ComplianceAssessment assessment) {
    return assessment.checks().stream().filter(c -> c.regulation() == Regulation.HIPAA).toList();
  }

  /** mask_columns: the rows with the given columns masked (hash / tokenise use the salt). */
  public ColumnMasking.Result maskColumns(
      Dataset<Row> rows, Map<String, MaskingMethod> methods, Path dataDir) {
    boolean needsSalt = methods.values().stream().anyMatch(MaskingMethod::needsSalt);
    return ColumnMasking.apply(rows, methods, needsSalt ? salt.salt(dataDir) : null);
  }

  /** erase_subject: removes {@code column = value} rows from the pipeline's outputs; audited. */
  public ErasureResult eraseSubject(
      SparkSession spark,
      PipelineSpec spec,
      String column,
      String value,
      Path dataDir,
      TrackingStore store,
      String actor) {
    ErasureResult r =
        new SubjectEraser(spark, clock, salt.salt(dataDir)).erase(spec, column, value, actor);
    if (store != null) {
      r.audit().forEach(store::appendAudit);
    }
    return r;
  }

  /** Portability: writes the subject's rows as JSON lines to {@code out}; audited. */
  public ErasureResult exportSubject(
      SparkSession spark,
      PipelineSpec spec,
      String column,
      String value,
      Path out,
      Path dataDir,
      TrackingStore store,
      String actor) {
    ErasureResult r =
        new SubjectEraser(spark, clock, salt.salt(dataDir)).export(spec, column, value, actor, out);
    if (store != null) {
      r.audit().forEach(store::appendAudit);
    }
    return r;
  }

  /**
   * The outputs runs registered in the store's audit trail ({@link OutputRegistry}), newest
   * registration per path; only {@code job}'s when it is not null.
   */
  public List<RegisteredOutput> registeredOutputs(TrackingStore store, String job) {
    return OutputRegistry.registered(store, job);
  }

  /**
   * Right to erasure without a pipeline file: removes {@code column = value} rows from every output
   * registered in {@code store} (only {@code job}'s when not null), staged and verified for all
   * outputs before any is replaced; the result (or the failure) is appended to the audit trail.
   *
   * @throws SubjectNotFoundException when no registered output has {@code column}, or none holds a
   *     row of the subject (audited as {@code subject-not-found})
   * @throws StrandsException INVALID_ARGUMENT when nothing is registered; IO_ERROR when an output
   *     cannot be rewritten (no output changed; audited as {@code subject-erase-failed})
   */
  public ErasureResult eraseRegistered(
      SparkSession spark,
      TrackingStore store,
      String column,
      String value,
      String job,
      Path dataDir,
      String actor) {
    List<RegisteredOutput> outputs = registeredOrFail(store, job);
    SubjectEraser eraser = new SubjectEraser(spark, clock, salt.salt(dataDir));
    String digest = eraser.digest(value == null ? "" : value);
    String scope = job == null ? "registered-outputs" : job;
    List<RegisteredOutput> withColumn =
        outputs.stream().filter(o -> o.columns().contains(column)).toList();
    if (withColumn.isEmpty()) {
      store.appendAudit(
          new AuditEvent(
              clock.instant(),
              actor,
              "subject-not-found",
              scope,
              "key=" + column + " value=" + digest + " reason=no-column"));
      throw new SubjectNotFoundException(
          "Cannot erase: no registered output has a column '"
              + column
              + "' ("
              + outputs.size()
              + " output(s) registered"
              + (job == null ? "" : " for job " + job)
              + "; see 'strands erase --list')");
    }
    ErasureResult r;
    try {
      r = eraser.erase(withColumn, column, value, actor);
    } catch (StrandsException e) {
      store.appendAudit(
          new AuditEvent(
              clock.instant(),
              actor,
              "subject-erase-failed",
              scope,
              "key=" + column + " value=" + digest + " outputs unchanged: " + e.getMessage()));
      throw e;
    }
    if (r.rowsRemoved() == 0
        && r.sinks().stream().noneMatch(s -> s.status().equals("masked-column"))) {
      store.appendAudit(
          new AuditEvent(
              clock.instant(),
              actor,
              "subject-not-found",
              scope,
              "key=" + column + " value=" + r.valueDigest() + " reason=no-rows"));
      throw new SubjectNotFoundException(
          "Cannot erase: no row with that "
              + column
              + " in the "
              + withColumn.size()
              + " registered output(s) having the column (the value is not echoed)");
    }
    r.audit().forEach(store::appendAudit);
    return r;
  }

  /** Portability from the registered outputs: the subject's rows as JSON lines; audited. */
  public ErasureResult exportRegistered(
      SparkSession spark,
      TrackingStore store,
      String column,
      String value,
      String job,
      Path out,
      Path dataDir,
      String actor) {
    List<RegisteredOutput> outputs = registeredOrFail(store, job);
    ErasureResult r =
        new SubjectEraser(spark, clock, salt.salt(dataDir))
            .export(outputs, column, value, actor, out);
    r.audit().forEach(store::appendAudit);
    return r;
  }

  /**
   * Storage limitation on what is already published: deletes from every registered output (of
   * {@code job} when not null) the rows older than its retention, by its retention column, with the
   * same staged and verified rewrite as erasure; audited ({@code expired-erased} per output).
   */
  public ErasureResult eraseExpired(
      SparkSession spark, TrackingStore store, String job, String actor) {
    List<RegisteredOutput> outputs = registeredOrFail(store, job);
    ErasureResult r = new SubjectEraser(spark, clock, null).eraseExpired(outputs, actor);
    r.audit().forEach(store::appendAudit);
    return r;
  }

  private static List<RegisteredOutput> registeredOrFail(TrackingStore store, String job) {
    if (store == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Cannot find registered outputs without a tracking store (drop --no-track, or pass"
              + " --pipeline P.yaml)");
    }
    List<RegisteredOutput> outputs = OutputRegistry.registered(store, job);
    if (outputs.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Cannot erase: no output is registered in the tracking store"
              + (job == null ? "" : " for job " + job)
              + " (runs recorded with a store register their outputs; or pass --pipeline P.yaml)");
    }
    return outputs;
  }

  /** generate_audit_report: the audit entries of [from, to) with the chain's verification. */
  public AuditReport auditReport(TrackingStore store, Instant from, Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid period: --from " + from + " is not before --to " + to);
    }
    List<AuditEntry> trail = store.auditTrail();
    return AuditReport.of(trail, from, to, AuditVerification.of(trail), clock.instant());
  }

  /** verify_audit_trail: walks the stored hash chain. */
  public AuditVerification verifyAuditTrail(TrackingStore store) {
    return store.verifyAudit();
  }

  public Settings settings() {
    return settings;
  }

  private static boolean exists(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p);
    } catch (IOException e) {
      throw new StrandsException(ErrorCode.IO_ERROR, "Cannot read " + path + ": " + e.getMessage());
    }
  }
}
