package io.strandsetl.cli;

import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.server.erasure.ErasureReport;
import io.strandsetl.server.erasure.ErasureRequest;
import io.strandsetl.server.erasure.SubjectErasure;
import io.strandsetl.spark.compliance.ComplianceService;
import io.strandsetl.spark.compliance.ErasureResult;
import io.strandsetl.spark.compliance.SubjectNotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The dashboard's erasure, done like {@code strands erase}: of a pipeline file's outputs, or of the
 * outputs a job's runs registered in the store ({@code eraseRegistered}); {@link ComplianceService}
 * over a local SparkSession started for the call and stopped after it (a server mostly idles; a
 * session would hold memory and threads), the audit entries appended to the server's store.
 * Erasures and the agents' Spark tools run one at a time (one Spark context per JVM).
 */
final class SparkSubjectErasure implements SubjectErasure {
  private final Settings settings;
  private final TrackingStore store;
  private final Path dataDir;
  private final String master;
  private final Clock clock;
  private final Object sparkLock;

  /**
   * @param dataDir where {@code state/compliance-salt} lives (as {@code strands erase --data-dir})
   * @param master Spark master of the erasure's session, e.g. {@code local[*]}
   * @param sparkLock held while the erasure's session lives; shared with the agents' Spark tools
   */
  SparkSubjectErasure(
      Settings settings,
      TrackingStore store,
      Path dataDir,
      String master,
      Clock clock,
      Object sparkLock) {
    this.settings = settings;
    this.store = store;
    this.dataDir = dataDir;
    this.master = master;
    this.clock = clock;
    this.sparkLock = sparkLock;
  }

  @Override
  public ErasureReport erase(ErasureRequest request) {
    synchronized (sparkLock) {
      return eraseNow(request);
    }
  }

  private ErasureReport eraseNow(ErasureRequest request) {
    ComplianceService service = new ComplianceService(settings, clock);
    PipelineSpec spec =
        request.pipeline() == null ? null : PipelineParser.parse(Path.of(request.pipeline()));
    SparkSession spark =
        SparkSession.builder()
            .appName("strands-serve-erase")
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate();
    ErasureResult r;
    List<Long> sequences = new ArrayList<>();
    try {
      if (spec != null) {
        // The store is passed as null so that the entries are appended here, keeping their ids.
        r =
            service.eraseSubject(
                spark, spec, request.column(), request.value(), dataDir, null, request.actor());
        for (AuditEvent e : r.audit()) {
          sequences.add(store.appendAudit(e).sequence());
        }
      } else {
        // The outputs the job's runs registered in the store; the service appends the entries.
        r =
            service.eraseRegistered(
                spark,
                store,
                request.column(),
                request.value(),
                request.job(),
                dataDir,
                request.actor());
        sequences.addAll(sequencesOf(r.audit()));
      }
    } catch (SubjectNotFoundException e) {
      // Nothing holds the subject (or the column): "not found" for the dashboard (HTTP 404).
      throw new StrandsException(ErrorCode.PATH_NOT_FOUND, e.getMessage());
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
    List<ErasureReport.Output> outputs = new ArrayList<>();
    for (ErasureResult.SinkErasure s : r.sinks()) {
      outputs.add(
          new ErasureReport.Output(
              s.scope(), s.sink(), s.path(), s.status(), s.rowsMatched(), s.rowsAfter()));
    }
    return new ErasureReport(r.column(), r.valueDigest(), outputs, r.verified(), sequences);
  }

  /** The sequence numbers of events the service appended just now (erasures run one at a time). */
  private List<Long> sequencesOf(List<AuditEvent> events) {
    List<AuditEntry> recent = store.recentAudit(Math.max(64, events.size() * 4));
    List<Long> out = new ArrayList<>();
    for (AuditEvent e : events) {
      recent.stream()
          .filter(a -> a.event().equals(e))
          .mapToLong(AuditEntry::sequence)
          .max()
          .ifPresent(out::add);
    }
    out.sort(null);
    return out;
  }
}
