package io.strandsetl.cli;

import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.PurgeResult;
import io.strandsetl.model.store.RetentionPolicy;
import io.strandsetl.model.store.TrackingStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strands store purge}: deletes rows older than the configured retention. */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes rows older than the retention policy (store.retention.*-days; defaults: executions 90 days,",
      "invocations 30, cost trends and quality history 365, audit 7 years and never less).",
      "The issue registry is kept. --dry-run counts what would go and deletes nothing.",
      "Exit 0, 2 for a bad setting."
    })
final class StorePurgeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = "--dry-run", description = "Count what would be deleted; delete nothing.")
  boolean dryRun;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    boolean json = store.json();
    Settings settings = store.settings();
    RetentionPolicy policy = RetentionPolicy.fromSettings(settings);
    Map<String, Long> counts = new LinkedHashMap<>();
    try (TrackingStore s = TrackingStores.open(settings)) {
      Instant now = clock.instant();
      PurgeResult r = dryRun ? s.wouldPurge(policy, clock) : s.purge(policy, clock);
      counts.put("job_executions", r.executions());
      counts.put("agent_invocations", r.invocations());
      counts.put("cost_trends", r.trends());
      counts.put("data_quality_history", r.qualityHistory());
      counts.put("compliance_audit", r.audit());
      if (!dryRun && r.total() > 0) {
        s.appendAudit(
            new AuditEvent(
                now,
                "strands store purge",
                "store-purged",
                "tracking-store",
                "deleted rows: " + counts));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("dryRun", dryRun);
      Map<String, Object> retention = new LinkedHashMap<>();
      retention.put("executionsDays", policy.executions().toDays());
      retention.put("invocationsDays", policy.invocations().toDays());
      retention.put("trendsDays", policy.trends().toDays());
      retention.put("qualityHistoryDays", policy.qualityHistory().toDays());
      retention.put("auditDays", policy.audit().toDays());
      doc.put("retention", retention);
      doc.put(dryRun ? "wouldDelete" : "deleted", counts);
      out.print(StoreOptions.toJson(doc));
    } else {
      TextTable t = new TextTable("TABLE", "KEPT FOR>", dryRun ? "WOULD DELETE>" : "DELETED>");
      t.row("job_executions", policy.executions().toDays() + " days", counts.get("job_executions"));
      t.row(
          "agent_invocations",
          policy.invocations().toDays() + " days",
          counts.get("agent_invocations"));
      t.row("cost_trends", policy.trends().toDays() + " days", counts.get("cost_trends"));
      t.row(
          "data_quality_history",
          policy.qualityHistory().toDays() + " days",
          counts.get("data_quality_history"));
      t.row("compliance_audit", policy.audit().toDays() + " days", counts.get("compliance_audit"));
      t.row("issue_registry", "always", 0);
      out.print(t.render());
      if (dryRun) {
        out.println("Dry run: nothing was deleted.");
      }
    }
    out.flush();
    return 0;
  }
}
