package io.strandsetl.cli;

import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.server.erasure.ErasureReport;
import io.strandsetl.server.erasure.ErasureRequest;
import io.strandsetl.server.erasure.SubjectErasure;
import io.strandsetl.spark.compliance.ComplianceService;
import io.strandsetl.spark.compliance.ErasureResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The dashboard's erasure, done like {@code strands erase}: {@link ComplianceService} over a local
 * SparkSession started for the call and stopped after it (a server mostly idles; a session would
 * hold memory and threads), the audit entries appended to the server's store. Erasures run one at a
 * time.
 */
final class SparkSubjectErasure implements SubjectErasure {
  private final Settings settings;
  private final TrackingStore store;
  private final Path dataDir;
  private final String master;
  private final Clock clock;

  /**
   * @param dataDir where {@code state/compliance-salt} lives (as {@code strands erase --data-dir})
   * @param master Spark master of the erasure's session, e.g. {@code local[*]}
   */
  SparkSubjectErasure(
      Settings settings, TrackingStore store, Path dataDir, String master, Clock clock) {
    this.settings = settings;
    this.store = store;
    this.dataDir = dataDir;
    this.master = master;
    this.clock = clock;
  }

  @Override
  public synchronized ErasureReport erase(ErasureRequest request) {
    ComplianceService service = new ComplianceService(settings, clock);
    PipelineSpec spec =
        request.pipeline() == null ? null : PipelineParser.parse(Path.of(request.pipeline()));
    if (spec == null) {
      throw new io.strandsetl.model.StrandsException(
          io.strandsetl.model.ErrorCode.INVALID_ARGUMENT,
          "Cannot erase by job yet: give the pipeline file whose outputs hold the subject");
    }
    SparkSession spark =
        SparkSession.builder()
            .appName("strands-serve-erase")
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate();
    ErasureResult r;
    try {
      // The store is passed as null so that the entries are appended here, keeping their ids.
      r =
          service.eraseSubject(
              spark, spec, request.column(), request.value(), dataDir, null, request.actor());
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
    List<Long> sequences = new ArrayList<>();
    for (AuditEvent e : r.audit()) {
      sequences.add(store.appendAudit(e).sequence());
    }
    List<ErasureReport.Output> outputs = new ArrayList<>();
    for (ErasureResult.SinkErasure s : r.sinks()) {
      outputs.add(
          new ErasureReport.Output(
              spec.name(), s.sink(), s.path(), s.status(), s.rowsMatched(), s.rowsAfter()));
    }
    return new ErasureReport(r.column(), r.valueDigest(), outputs, r.verified(), sequences);
  }
}
