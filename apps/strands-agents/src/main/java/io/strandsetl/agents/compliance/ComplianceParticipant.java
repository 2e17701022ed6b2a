package io.strandsetl.agents.compliance;

import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.runtime.Json;
import io.strandsetl.agents.supervisor.Contribution;
import io.strandsetl.agents.supervisor.RunParticipant;
import io.strandsetl.agents.supervisor.RunState;
import io.strandsetl.compliance.CheckStatus;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.spark.compliance.ComplianceHook;
import io.strandsetl.spark.compliance.ComplianceOutcome;
import io.strandsetl.spark.run.RunHook;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Compliance agent's policy for a run: the compliance hook masks, scans and (under {@code
 * on-violation: block}) blocks inside the run; afterwards the agent reads its verdict and, when the
 * run adds audit events, first verifies the stored audit chain they will extend. Runs are
 * sequential in one JVM, so one hook at a time is kept.
 */
public final class ComplianceParticipant implements RunParticipant {
  private final Settings settings;
  private final Clock clock;
  private volatile ComplianceHook hook;

  public ComplianceParticipant(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String name() {
    return ComplianceAgent.NAME;
  }

  @Override
  public List<RunHook> hooks(PipelineSpec spec) {
    hook = ComplianceHook.forPipeline(spec, settings, clock).withAuditTrail(true);
    return List.of(hook);
  }

  @Override
  public Contribution onRun(RunState run, AgentInvoker tools) {
    ComplianceHook h = hook;
    Optional<ComplianceOutcome> outcome = h == null ? Optional.empty() : h.outcome();
    if (outcome.isEmpty()) {
      return Contribution.of(
          new Conclusion(
              name(),
              Conclusion.Status.SKIPPED,
              "nothing was assessed (the run stopped before its outputs were staged)",
              Map.of(),
              0));
    }
    ComplianceOutcome o = outcome.get();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", o.assessment().status());
    details.put("score", o.assessment().score());
    details.put("checks", o.assessment().checks());
    try {
      // The hook's own JSON (compliance.json): PII by column, masking, checks; no raw values.
      details.put("assessment", Json.mapper().readTree(o.json()));
    } catch (java.io.IOException e) {
      details.put("assessment", "unreadable: " + e.getMessage());
    }
    details.put(Conclusion.LINES, o.text().lines().filter(l -> !l.isBlank()).toList());
    if (!o.auditEvents().isEmpty()) {
      AuditVerification chain =
          tools.call(
              name(), "verify_audit_trail", new ComplianceAgent.NoInput(), AuditVerification.class);
      details.put("auditChain", chain);
    }
    long failed =
        o.assessment().checks().stream().filter(c -> c.status() == CheckStatus.FAIL).count();
    var summary = o.summary();
    String line =
        String.format(
            java.util.Locale.ROOT,
            "%s (score %d): GDPR %s, HIPAA %s, PII columns %d detected / %d masked, %d failed"
                + " check(s)%s",
            o.assessment().status(),
            o.assessment().score(),
            summary.gdprCompliant() ? "ok" : "NOT compliant",
            summary.hipaaCompliant() ? "ok" : "NOT compliant",
            summary.piiColumnsDetected(),
            summary.piiColumnsMasked(),
            failed,
            o.halted() ? "; BLOCKED: " + o.reason() : "");
    return new Contribution(
        Conclusion.done(name(), line, details),
        null,
        null,
        summary,
        List.of(),
        o.auditEvents(),
        Map.of());
  }
}
