package io.strandsetl.cli;

import io.strandsetl.compliance.EncryptionEvidence;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.spark.compliance.ComplianceService;
import io.strandsetl.spark.compliance.EncryptionInspection;
import io.strandsetl.spark.compliance.ErasureResult;
import io.strandsetl.spark.compliance.RegisteredOutput;
import io.strandsetl.spark.compliance.SubjectNotFoundException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strands erase --subject COLUMN=VALUE [--pipeline P.yaml | --job J]}: GDPR erasure (or,
 * with {@code --export}, portability) of one data subject across a pipeline's outputs or, without
 * {@code --pipeline}, across the outputs runs registered in the tracking store; {@code strands
 * erase --expired [--job J]} deletes rows older than each registered output's retention. Audited
 * with a digest of the value.
 */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = {
      "Removes a data subject's rows from every output (sink) of the pipeline, or without",
      "--pipeline from every output that runs registered in the tracking store (--job narrows it):",
      "each output holding the subject is rewritten without them through a staging directory; all",
      "are staged and verified before any is swapped in, then read again to verify nothing remains.",
      "With --export FILE the subject's rows are written as JSON lines instead and nothing is",
      "removed. --expired deletes the rows older than each registered output's retention instead.",
      "Every output's result goes to the audit trail with a digest of the value, never the value",
      "(docs/compliance.md).",
      "Exit 0: done and verified; 1: rows remain or a failure (no output changed); 2: usage error;",
      "4: no registered output has the column or a row of the subject."
    })
final class EraseCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Exit code when the subject (or its column) is in no registered output. */
  static final int NOT_FOUND = 4;

  @Option(
      names = "--subject",
      paramLabel = "COLUMN=VALUE",
      description = "The subject's key, e.g. customer_id=42 or email=ana@example.com.")
  String subject;

  @Option(
      names = "--pipeline",
      paramLabel = "P.yaml",
      description =
          "Pipeline whose outputs to search (repeat for several); default: the outputs registered"
              + " in the tracking store.")
  List<Path> pipelines = new ArrayList<>();

  @Option(
      names = "--job",
      paramLabel = "JOB",
      description = "Only the registered outputs of this job (pipeline name).")
  String job;

  @Option(
      names = "--expired",
      description =
          "Delete rows older than each registered output's retention (by its retention column).")
  boolean expired;

  @Option(
      names = "--list",
      description =
          "List the outputs registered in the tracking store (of --job when given); erase nothing.")
  boolean list;

  @Option(
      names = "--export",
      paramLabel = "FILE",
      description = "Portability: write the subject's rows as JSON lines to FILE; erase nothing.")
  Path export;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "strands-data",
      description = "Where state/compliance-salt lives (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--master",
      paramLabel = "URL",
      defaultValue = "local[*]",
      description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting.")
  List<String> overrides = List.of();

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json; default ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--no-track", description = "Do not append to the tracking store's audit trail.")
  boolean noTrack;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid --format: '" + format + "' (use text or json)");
    }
    if (list) {
      return list();
    }
    if (expired == (subject != null)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid arguments: give either --subject COLUMN=VALUE, --expired or --list");
    }
    if (expired && (!pipelines.isEmpty() || export != null)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid arguments: --expired works on registered outputs (use --job, not --pipeline or"
              + " --export)");
    }
    if (job != null && !pipelines.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid arguments: give --pipeline or --job, not both");
    }
    String column = null;
    String value = null;
    if (subject != null) {
      int eq = subject.indexOf('=');
      if (eq <= 0) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid --subject: no '=' (expected COLUMN=VALUE, e.g. customer_id=42; the value is"
                + " not echoed, it may be personal data)");
      }
      column = subject.substring(0, eq).trim();
      value = subject.substring(eq + 1);
    }
    boolean registered = pipelines.isEmpty();
    if (registered && noTrack) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid arguments: without --pipeline the outputs come from the tracking store; drop"
              + " --no-track");
    }
    List<PipelineSpec> specs = pipelines.stream().map(PipelineParser::parse).toList();
    Settings settings = StoreOptions.load(config, overrides);
    ComplianceService service = new ComplianceService(settings, Clock.systemUTC());
    String actor = "strands erase (" + System.getProperty("user.name", "unknown") + ")";
    List<ErasureResult> results = new ArrayList<>();
    List<String> scopes = new ArrayList<>();
    SparkSession spark =
        SparkSession.builder()
            .appName("strands-erase")
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate();
    try (TrackingStore store = noTrack ? null : TrackingStores.open(settings)) {
      if (expired) {
        results.add(service.eraseExpired(spark, store, job, actor));
        scopes.add(job == null ? "registered outputs" : "job " + job);
      } else if (registered) {
        results.add(
            export == null
                ? service.eraseRegistered(spark, store, column, value, job, dataDir, actor)
                : service.exportRegistered(
                    spark, store, column, value, job, export, dataDir, actor));
        scopes.add(job == null ? "registered outputs" : "job " + job);
      } else {
        for (PipelineSpec p : specs) {
          results.add(
              export == null
                  ? service.eraseSubject(spark, p, column, value, dataDir, store, actor)
                  : service.exportSubject(spark, p, column, value, export, dataDir, store, actor));
          scopes.add("pipeline " + p.name());
        }
      }
    } catch (SubjectNotFoundException e) {
      spec.commandLine().getErr().println("strands: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return NOT_FOUND;
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean verified = results.stream().allMatch(ErasureResult::verified);
    if (format.equals("json")) {
      List<Object> docs = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        ErasureResult r = results.get(i);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scope", scopes.get(i));
        doc.put("action", expired ? "erase-expired" : export == null ? "erase" : "export");
        doc.put("column", r.column());
        doc.put("valueDigest", r.valueDigest());
        doc.put("verified", r.verified());
        doc.put("rows", r.rowsRemoved());
        doc.put("outputs", r.sinks());
        docs.add(doc);
      }
      out.print(StoreOptions.toJson(docs));
    } else {
      for (int i = 0; i < results.size(); i++) {
        ErasureResult r = results.get(i);
        out.println(
            expired
                ? "Expired rows in " + scopes.get(i) + ":"
                : (export == null ? "Erasure" : "Export")
                    + " of "
                    + column
                    + " ("
                    + r.valueDigest().substring(0, Math.min(24, r.valueDigest().length()))
                    + "…) in "
                    + scopes.get(i)
                    + ":");
        for (ErasureResult.SinkErasure s : r.sinks()) {
          out.println(
              "  "
                  + (registered ? s.scope() + "/" : "")
                  + s.sink()
                  + ": "
                  + s.status()
                  + ", "
                  + s.rowsMatched()
                  + " row(s)"
                  + (export == null && s.rowsMatched() > 0
                      ? ", " + s.rowsAfter() + " remaining"
                      : ""));
        }
      }
      if (export != null) {
        out.println("Exported to " + export.toAbsolutePath());
      } else {
        out.println(
            verified
                ? (expired
                    ? "Verified: no expired row remains."
                    : "Verified: no row of the subject remains.")
                : "NOT verified: rows remain (see above).");
      }
      out.println(noTrack ? "Not recorded (--no-track)." : "Recorded in the audit trail.");
    }
    out.flush();
    return verified ? 0 : 1;
  }

  /** {@code --list}: the registered outputs, newest registration per path; no Spark needed. */
  private int list() {
    Settings settings = StoreOptions.load(config, overrides);
    List<RegisteredOutput> outputs;
    try (TrackingStore store = TrackingStores.open(settings)) {
      outputs = new ComplianceService(settings, Clock.systemUTC()).registeredOutputs(store, job);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      List<Map<String, Object>> docs = new ArrayList<>();
      for (RegisteredOutput o : outputs) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("job", o.job());
        d.put("executionId", o.executionId());
        d.put("sink", o.sink());
        d.put("path", o.path());
        d.put("format", o.format());
        d.put("options", o.options());
        d.put("partitionBy", o.partitionBy());
        d.put("columns", o.columns());
        d.put("pii", o.pii());
        Map<String, String> masked = new LinkedHashMap<>();
        o.masked().forEach((c, m) -> masked.put(c, m.id()));
        d.put("masked", masked);
        d.put("erasureKey", o.erasureKey());
        d.put("retention", o.retention() == null ? null : o.retention().toString());
        d.put("retentionColumn", o.retentionColumn());
        d.put("registeredAt", o.registeredAt().toString());
        EncryptionEvidence e = encryption(o);
        Map<String, Object> enc = new LinkedHashMap<>();
        enc.put("method", e.method());
        enc.put("files", e.files());
        enc.put("encryptedFooter", e.encryptedFooter());
        enc.put("plaintextFooter", e.plaintextFooter());
        enc.put("encrypted", e.encrypted());
        d.put("encryption", enc);
        docs.add(d);
      }
      out.print(StoreOptions.toJson(docs));
    } else if (outputs.isEmpty()) {
      out.println(
          "No output is registered"
              + (job == null ? "" : " for job " + job)
              + " (runs recorded in a tracking store register what they publish).");
    } else {
      TextTable t =
          new TextTable(
              "JOB",
              "SINK",
              "FORMAT",
              "PATH",
              "PII COLUMNS",
              "ERASURE KEY",
              "RETENTION",
              "ENCRYPTED AT REST",
              "REGISTERED");
      for (RegisteredOutput o : outputs) {
        t.row(
            o.job(),
            o.sink(),
            o.format(),
            o.path(),
            o.pii().isEmpty() ? "-" : String.join(",", o.pii().keySet()),
            o.erasureKey() == null ? "-" : o.erasureKey(),
            o.hasRetention() ? o.retention().toDays() + "d by " + o.retentionColumn() : "-",
            encryption(o).line(),
            o.registeredAt());
      }
      out.print(t.render());
    }
    out.flush();
    return 0;
  }

  /**
   * What the output's files show about encryption at rest (Parquet footers, read with the default
   * Hadoop configuration: local and HDFS paths; object stores need their settings in Spark).
   */
  private static EncryptionEvidence encryption(RegisteredOutput o) {
    try {
      return EncryptionInspection.ofPath(
          new org.apache.hadoop.conf.Configuration(), o.path(), o.format());
    } catch (StrandsException e) { // unreadable (damaged, no access): not inspectable here
      return EncryptionEvidence.notInspected();
    }
  }
}
