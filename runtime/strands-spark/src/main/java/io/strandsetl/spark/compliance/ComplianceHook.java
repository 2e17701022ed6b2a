package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.ComplianceEngine;
import io.strandsetl.compliance.ComplianceInput;
import io.strandsetl.compliance.SinkOutput;
import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.policy.ColumnPolicy;
import io.strandsetl.compliance.policy.CompliancePolicy;
import io.strandsetl.compliance.policy.PolicyParser;
import io.strandsetl.compliance.report.ComplianceAssessment;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.pipeline.TransformSpec;
import io.strandsetl.spark.run.Gate;
import io.strandsetl.spark.run.RunContext;
import io.strandsetl.spark.run.RunHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The runner hook {@code compliance}: scans the sources for PII before the run (a sample), masks
 * the columns the policy names just before each sink is written, scans what was staged, runs the
 * GDPR / HIPAA checks, writes {@code compliance.json} into the run directory and, under {@code
 * on-violation: block}, stops publishing when a check fails. Only column names, counts and masked
 * samples leave the data.
 *
 * <p>One hook serves one run; {@link #outcome()} holds its verdict afterwards.
 */
public final class ComplianceHook implements RunHook {
  public static final String NAME = "compliance";
  public static final String REPORT_FILE = "compliance.json";

  private final CompliancePolicy policy;
  private final ScanSettings scan;
  private final boolean scanSources;
  private final SaltSource salt;
  private final Clock clock;
  private boolean auditTrail;

  private final List<DatasetFindings> sources = new ArrayList<>();
  private final Map<String, Map<String, MaskingMethod>> masked = new LinkedHashMap<>();
  private final Map<String, Observation> expired = new LinkedHashMap<>();
  private Instant retentionCutoff;
  private volatile ComplianceOutcome outcome;

  private ComplianceHook(
      CompliancePolicy policy,
      ScanSettings scan,
      boolean scanSources,
      SaltSource salt,
      Clock clock) {
    this.policy = policy;
    this.scan = scan;
    this.scanSources = scanSources;
    this.salt = salt;
    this.clock = clock;
  }

  /**
   * The hook for {@code spec}: its {@code compliance:} section and the {@code compliance.*}
   * settings ({@code salt}, {@code salt-file}, {@code scan.max-rows}, {@code scan.sources}, {@code
   * min-confidence}, {@code min-column-ratio}, {@code phone-regions}).
   *
   * @throws StrandsException INVALID_PIPELINE naming the key when the section is wrong,
   *     INVALID_CONFIG for a wrong setting
   */
  public static ComplianceHook forPipeline(PipelineSpec spec, Settings settings) {
    return forPipeline(spec, settings, Clock.systemUTC());
  }

  public static ComplianceHook forPipeline(PipelineSpec spec, Settings settings, Clock clock) {
    CompliancePolicy policy = PolicyParser.parse(spec.compliance());
    ComplianceHook hook =
        new ComplianceHook(
            policy,
            ScanSettings.from(settings),
            settings.getBoolean("compliance.scan.sources", true),
            new SaltSource(settings),
            clock);
    rejectUnknownKeys(settings);
    return hook;
  }

  /** Every {@code compliance.*} key that nothing read, at once (a typo must not pass silently). */
  static void rejectUnknownKeys(Settings settings) {
    var unknown = settings.unknownKeys("compliance.");
    if (!unknown.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid settings: unknown key(s) "
              + unknown
              + " (known: compliance.salt, compliance.salt-file, compliance.scan.max-rows,"
              + " compliance.scan.sources, compliance.min-confidence, compliance.min-column-ratio,"
              + " compliance.phone-regions)");
    }
  }

  /**
   * Says that the run's audit events go to a tracking store (the caller appends {@link
   * ComplianceOutcome#auditEvents()} with the run), which the HIPAA audit-logging check reads.
   */
  public ComplianceHook withAuditTrail(boolean recorded) {
    this.auditTrail = recorded;
    return this;
  }

  public CompliancePolicy policy() {
    return policy;
  }

  /** The verdict, once {@code beforePublish} has run. */
  public Optional<ComplianceOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Gate beforeRun(RunContext context, Map<String, Dataset<Row>> sourceRows) {
    sources.clear(); // a hook reused for a second run starts afresh
    masked.clear();
    expired.clear();
    retentionCutoff = policy.retention() == null ? null : clock.instant().minus(policy.retention());
    outcome = null;
    if (scanSources) {
      sourceRows.forEach((name, rows) -> sources.add(PiiScan.scan(name, rows, scan)));
    }
    return Gate.pass();
  }

  @Override
  public Dataset<Row> beforeWrite(RunContext context, SinkSpec sink, Dataset<Row> rows) {
    Map<String, MaskingMethod> methods = new LinkedHashMap<>();
    for (ColumnPolicy c : policy.maskedColumns().values()) {
      methods.put(c.column(), c.mask());
    }
    boolean needsSalt =
        methods.values().stream().anyMatch(MaskingMethod::needsSalt)
            && methods.keySet().stream().anyMatch(c -> List.of(rows.columns()).contains(c));
    byte[] key = needsSalt ? salt.salt(dataDir(context.runDir())) : null;
    ColumnMasking.Result result = ColumnMasking.apply(dropExpired(sink, rows), methods, key);
    masked.put(sink.name(), result.masked());
    return result.rows();
  }

  /**
   * Storage limitation enforced: rows whose retention column is older than the retention are not
   * written (before masking, which may generalise the date). They are counted while the sink is
   * written (a Spark observation, no extra pass) and reported in {@link ComplianceOutcome}.
   */
  private Dataset<Row> dropExpired(SinkSpec sink, Dataset<Row> rows) {
    String column = policy.retentionColumn();
    if (retentionCutoff == null || column == null || !List.of(rows.columns()).contains(column)) {
      return rows;
    }
    Column old =
        functions.coalesce(
            SubjectEraser.expired(rows, column, retentionCutoff), functions.lit(false));
    Observation seen = new Observation("strands-retention-" + expired.size());
    expired.put(sink.name(), seen);
    return rows.observe(seen, functions.sum(functions.when(old, 1L).otherwise(0L)).as("expired"))
        .filter(functions.not(old));
  }

  /** Rows dropped as expired per sink, once the sinks are written. */
  private Map<String, Long> expiredCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    expired.forEach(
        (sink, seen) -> {
          try {
            Row r =
                scala.concurrent.Await.result(
                    seen.future(), scala.concurrent.duration.Duration.create(60, "s"));
            counts.put(sink, r.isNullAt(0) ? 0L : ((Number) r.get(0)).longValue());
          } catch (Exception e) { // not observed (the write did not run): unknown
            throw new StrandsException(
                ErrorCode.INTERNAL_ERROR,
                "Cannot count expired rows of " + sink + ": " + e.getMessage());
          }
        });
    return counts;
  }

  @Override
  public Gate beforePublish(RunContext context, Map<String, Dataset<Row>> staged) {
    PipelineSpec spec = context.spec();
    Map<String, List<String>> views = new LinkedHashMap<>();
    for (TransformSpec t : spec.transforms()) {
      try {
        views.put(t.name(), List.of(context.spark().table(t.name()).columns()));
      } catch (Exception e) { // a view dropped by a later step: nothing to learn from it
        continue;
      }
    }
    Map<String, Long> dropped = expiredCounts();
    List<SinkOutput> outputs = new ArrayList<>();
    List<RegisteredOutput> registered = new ArrayList<>();
    for (SinkSpec sink : spec.sinks()) {
      Dataset<Row> rows = staged.get(sink.name());
      if (rows == null) {
        continue;
      }
      DatasetFindings findings = PiiScan.scan(sink.name(), rows, scan);
      SinkOutput output =
          new SinkOutput(
                  sink.name(),
                  sink.format().sparkName(),
                  List.of(rows.columns()),
                  findings,
                  masked.getOrDefault(sink.name(), Map.of()),
                  SinkOutput.encryptionOptions(sink.options()))
              .withExpiredDropped(dropped.get(sink.name()))
              .withEncryption(EncryptionInspection.ofStaged(context.spark(), sink, rows));
      outputs.add(output);
      Map<String, String> pii = new LinkedHashMap<>();
      findings
          .piiColumns()
          .forEach(c -> pii.put(c.column(), c.primary().orElseThrow().entity().id()));
      output.masked().forEach((c, m) -> pii.putIfAbsent(c, "masked"));
      registered.add(
          new RegisteredOutput(
              spec.name(),
              context.executionId(),
              sink.name(),
              sink.path(),
              sink.format().sparkName(),
              sink.options(),
              sink.partitionBy(),
              List.of(rows.columns()),
              pii,
              output.masked(),
              policy.erasureKey(),
              policy.retention(),
              policy.retentionColumn(),
              clock.instant()));
    }
    ComplianceAssessment assessment =
        new ComplianceEngine(clock)
            .assess(new ComplianceInput(spec.name(), policy, sources, views, outputs, auditTrail));
    boolean halt = assessment.blocksPublishing();
    String reason =
        halt
            ? "on-violation block: "
                + assessment.violations().stream().map(c -> c.id()).toList()
                + " ("
                + assessment.headline()
                + ")"
            : null;
    outcome =
        new ComplianceOutcome(
            context.executionId(),
            assessment,
            halt,
            reason,
            halt ? List.of() : registered,
            retentionCutoff);
    write(context.runDir().resolve(REPORT_FILE), outcome.json());
    return halt ? Gate.halt(reason) : Gate.pass();
  }

  /** The data directory of a run directory {@code <data>/runs/<id>}; else {@code strands-data}. */
  static Path dataDir(Path runDir) {
    Path parent = runDir.toAbsolutePath().getParent();
    if (parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("runs")) {
      return parent.getParent();
    }
    return Path.of("strands-data");
  }

  private static void write(Path file, String json) {
    try {
      Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot write " + file + ": " + e.getMessage());
    }
  }
}
