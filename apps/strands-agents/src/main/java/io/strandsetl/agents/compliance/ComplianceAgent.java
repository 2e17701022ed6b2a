package io.strandsetl.agents.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.Json;
import io.strandsetl.agents.runtime.LocalSpark;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.spark.compliance.ComplianceService;
import io.strandsetl.spark.compliance.ErasureResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Compliance: PII detection, GDPR and HIPAA checks, masking, erasure of a data subject and the
 * audit trail. Thin tools over strands-compliance and strands-spark's {@link ComplianceService};
 * inside a run the same scan runs as the compliance hook. No raw PII is returned: column names,
 * counts and masked samples only; the subject of an erasure is stored as a digest.
 */
public final class ComplianceAgent implements Agent {
  public static final String NAME = "compliance";

  private final Settings settings;
  private final Supplier<TrackingStore> store;
  private final Clock clock;

  public ComplianceAgent(Settings settings, Supplier<TrackingStore> store, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String purpose() {
    return "Finds personal data, checks GDPR and HIPAA rules, masks columns, erases a data subject"
        + " and keeps the hash-chained audit trail.";
  }

  private ComplianceService service() {
    return new ComplianceService(settings, clock);
  }

  @Override
  public List<Tool<?, ?>> tools() {
    return List.of(
        Tool.of(
            "detect_pii",
            "Scans a dataset's columns for personal data (column names, counts and masked samples"
                + " only).",
            DatasetInput.class,
            DatasetFindings.class,
            in ->
                LocalSpark.with(
                    settings,
                    "strands agents: detect_pii",
                    spark ->
                        service()
                            .detectPii(
                                spark,
                                required(in.path(), "path"),
                                format(in.format()),
                                Map.of()))),
        Tool.of(
            "check_gdpr",
            "Checks a pipeline's published outputs against the GDPR rules of its compliance section"
                + " (purpose, legal basis, retention, minimisation, masking).",
            PipelineInput.class,
            ChecksOutput.class,
            in -> checks(in, true)),
        Tool.of(
            "check_hipaa",
            "Checks a pipeline's published outputs for the HIPAA Safe Harbor identifiers and the"
                + " safeguards its policy requires.",
            PipelineInput.class,
            ChecksOutput.class,
            in -> checks(in, false)),
        Tool.of(
                "mask_columns",
                "Writes a masked copy of a dataset as parquet (hash, tokenise, redact, partial, …"
                    + " per column); the original is not changed.",
                MaskInput.class,
                MaskOutput.class,
                this::mask)
            .changingState(),
        Tool.of(
                "erase_subject",
                "Erases one data subject's rows from every output of a pipeline — or, without a"
                    + " pipeline, from every output runs registered in the tracking store (of a job"
                    + " when given) — (GDPR art. 17), checks by re-reading, and appends the erasure to"
                    + " the audit trail (digest, never the value).",
                EraseInput.class,
                ErasureResult.class,
                in ->
                    LocalSpark.with(
                        settings,
                        "strands agents: erase_subject",
                        spark ->
                            in.pipeline() == null || in.pipeline().isBlank()
                                ? service()
                                    .eraseRegistered(
                                        spark,
                                        store.get(),
                                        required(in.subjectColumn(), "subjectColumn"),
                                        required(in.subjectValue(), "subjectValue"),
                                        in.job(),
                                        dataDir(in.dataDir()),
                                        "strands agents")
                                : service()
                                    .eraseSubject(
                                        spark,
                                        pipeline(in.pipeline()),
                                        required(in.subjectColumn(), "subjectColumn"),
                                        required(in.subjectValue(), "subjectValue"),
                                        dataDir(in.dataDir()),
                                        store.get(),
                                        "strands agents")))
            .changingState(),
        Tool.of(
            "generate_audit_report",
            "The audit trail of a period (UTC days, inclusive) as a report, with the chain check.",
            AuditInput.class,
            AuditReportOutput.class,
            this::auditReport),
        Tool.of(
            "verify_audit_trail",
            "Walks the audit hash chain and names the first entry that was changed, removed or"
                + " reordered.",
            NoInput.class,
            AuditVerification.class,
            in -> service().verifyAuditTrail(store.get())));
  }

  public record NoInput() {}

  public record DatasetInput(
      @Description("file or directory of the dataset") String path,
      @Description(value = "parquet (default), csv, json, orc", optional = true) String format) {}

  public record PipelineInput(
      @Description("the pipeline YAML whose compliance section and outputs are checked")
          String pipeline) {}

  public record ChecksOutput(
      @Description("GDPR or HIPAA") String regulation,
      @Description("PASS, FAIL, … per check") List<CheckResult> checks) {}

  public record MaskInput(
      String path,
      @Description(value = "parquet (default), csv, json, orc", optional = true) String format,
      @Description("column -> method (hash, tokenise, redact, partial, …)")
          Map<String, String> columns,
      @Description("directory the masked copy is written to (parquet)") String outputPath,
      @Description(
              value = "data directory holding the masking salt, default strands-data",
              optional = true)
          String dataDir) {}

  public record MaskOutput(
      String outputPath, @Description("column -> method applied") Map<String, String> masked) {}

  public record EraseInput(
      @Description(
              value =
                  "the pipeline whose outputs hold the subject; omit to use the outputs registered"
                      + " in the tracking store",
              optional = true)
          String pipeline,
      @Description("column that identifies the subject") String subjectColumn,
      @Description(value = "the subject's value in that column", sensitive = true)
          String subjectValue,
      @Description(value = "data directory holding the salt, default strands-data", optional = true)
          String dataDir,
      @Description(
              value = "only the registered outputs of this job (without a pipeline)",
              optional = true)
          String job) {}

  public record AuditInput(
      @Description(value = "first day, ISO date (UTC)", optional = true) LocalDate from,
      @Description(value = "last day, ISO date (UTC)", optional = true) LocalDate to) {}

  public record AuditReportOutput(
      @Description("the audit report (docs/compliance.md)") JsonNode report) {}

  ChecksOutput checks(PipelineInput in, boolean gdpr) {
    PipelineSpec spec = pipeline(in.pipeline());
    return LocalSpark.with(
        settings,
        "strands agents: compliance checks",
        spark -> {
          ComplianceService s = service();
          var assessment = s.assess(spark, spec, true);
          return new ChecksOutput(
              gdpr ? "GDPR" : "HIPAA", gdpr ? s.checkGdpr(assessment) : s.checkHipaa(assessment));
        });
  }

  MaskOutput mask(MaskInput in) {
    Map<String, MaskingMethod> methods = new LinkedHashMap<>();
    if (in.columns() == null || in.columns().isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid columns: none given (name at least one)");
    }
    in.columns().forEach((c, m) -> methods.put(c, MaskingMethod.parse("columns." + c, m)));
    String out = required(in.outputPath(), "outputPath");
    return LocalSpark.with(
        settings,
        "strands agents: mask_columns",
        spark -> {
          var rows = spark.read().format(format(in.format())).load(required(in.path(), "path"));
          var result = service().maskColumns(rows, methods, dataDir(in.dataDir()));
          result.rows().write().mode("errorifexists").parquet(out);
          Map<String, String> masked = new LinkedHashMap<>();
          result.masked().forEach((c, m) -> masked.put(c, m.id()));
          return new MaskOutput(out, masked);
        });
  }

  AuditReportOutput auditReport(AuditInput in) {
    Instant from = in.from() == null ? null : in.from().atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to =
        in.to() == null ? null : in.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    String json = service().auditReport(store.get(), from, to).json();
    try {
      return new AuditReportOutput(Json.mapper().readTree(json));
    } catch (java.io.IOException e) {
      throw new StrandsException(ErrorCode.INTERNAL_ERROR, "Cannot read the audit report: " + e);
    }
  }

  static PipelineSpec pipeline(String path) {
    return PipelineParser.parse(Path.of(required(path, "pipeline")));
  }

  /** The data directory a tool names, or the runner's default ({@code strands-data}). */
  private static Path dataDir(String named) {
    return named == null ? io.strandsetl.spark.run.RunOptions.defaults().dataDir() : Path.of(named);
  }

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid " + field + ": '' (required)");
    }
    return value;
  }

  static String format(String format) {
    return format == null || format.isBlank() ? "parquet" : format;
  }
}
