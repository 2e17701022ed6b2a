package io.strandsetl.cli;

import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueKey;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.TrackingStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strands show EXECUTION_ID}: everything the store has on one run. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Shows everything the store has on one run: metrics, cost, quality, compliance, issues,",
      "recommendations, agent invocations and the audit entries about it.",
      "Exit 0 when found, 2 when the id is not in the store."
    })
final class ShowCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Parameters(paramLabel = "EXECUTION_ID", description = "As listed by 'strands history'.")
  String executionId;

  @Override
  public Integer call() {
    boolean json = store.json();
    Settings settings = store.settings();
    ExecutionRecord e;
    List<AgentInvocation> invocations;
    List<AuditEntry> audit;
    Map<IssueKey, IssueEntry> registry = new LinkedHashMap<>();
    try (TrackingStore s = TrackingStores.open(settings)) {
      e =
          s.findExecution(executionId)
              .orElseThrow(
                  () ->
                      new StrandsException(
                          ErrorCode.INVALID_ARGUMENT,
                          "Invalid execution id: '"
                              + executionId
                              + "' (not in the store at "
                              + TrackingStores.location(settings)
                              + "; 'strands history' lists the recorded runs)"));
      invocations = s.invocations(executionId);
      audit = s.auditTrail().stream().filter(a -> a.event().subject().equals(executionId)).toList();
      for (IssueEntry issue : s.issues()) {
        if (issue.key().jobName().equals(e.jobName())) {
          registry.put(issue.key(), issue);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("execution", e);
      doc.put("invocations", invocations);
      doc.put("audit", audit);
      out.print(StoreOptions.toJson(doc));
    } else {
      out.print(text(e, invocations, audit, registry));
    }
    out.flush();
    return 0;
  }

  private static String text(
      ExecutionRecord e,
      List<AgentInvocation> invocations,
      List<AuditEntry> audit,
      Map<IssueKey, IssueEntry> registry) {
    StringBuilder b = new StringBuilder();
    line(b, "Execution", e.executionId());
    line(b, "Job", e.jobName() + " (" + e.jobType().name().toLowerCase(Locale.ROOT) + ")");
    line(b, "Platform", e.platform());
    line(b, "Status", e.status().name());
    line(
        b,
        "Started",
        StoreFormats.instant(e.startedAt())
            + "   ended "
            + StoreFormats.instant(e.endedAt())
            + "   ("
            + StoreFormats.duration(e.duration())
            + ")");
    if (e.error() != null) {
      line(b, "Error", e.error().type() + ": " + e.error().message());
    }
    if (!e.stakeholders().isEmpty()) {
      line(b, "Stakeholders", String.join(", ", e.stakeholders()));
    }
    if (!e.tags().isEmpty()) {
      StringBuilder tags = new StringBuilder();
      e.tags()
          .forEach(
              (k, v) ->
                  tags.append(tags.length() == 0 ? "" : ", ").append(k).append('=').append(v));
      line(b, "Tags", tags.toString());
    }
    if (e.workload() != null) {
      var w = e.workload();
      line(
          b,
          "Workload",
          "input "
              + StoreFormats.bytes(w.inputBytes())
              + ", "
              + w.sourceCount()
              + " sources, "
              + w.transformCount()
              + " transforms, "
              + w.joinCount()
              + " joins"
              + (w.incremental() ? ", incremental" : ""));
    }
    if (e.decision() != null) {
      var d = e.decision();
      line(
          b,
          "Decision",
          d.platform()
              + " (confidence "
              + StoreFormats.fraction(d.confidence())
              + ") "
              + d.reasoning()
              + (d.alternatives().isEmpty() ? "" : " alternatives: " + d.alternatives()));
    }
    b.append(System.lineSeparator()).append("Metrics").append(System.lineSeparator());
    ExecutionMetrics m = e.metrics();
    if (m == null) {
      b.append("  not measured").append(System.lineSeparator());
    } else {
      String unmeasured = e.tags().getOrDefault("strands.unmeasured", "");
      TextTable t = new TextTable("  METRIC", "VALUE>");
      t.row("  data processed", StoreFormats.bytes(m.dataProcessedBytes()));
      t.row("  data read", StoreFormats.bytes(m.dataReadBytes()));
      t.row("  data written", StoreFormats.bytes(m.dataWrittenBytes()));
      t.row("  shuffle read", StoreFormats.bytes(m.shuffleReadBytes()));
      t.row("  shuffle write", StoreFormats.bytes(m.shuffleWriteBytes()));
      t.row("  records", m.records());
      t.row(
          "  records/s",
          unmeasured.contains("recordsPerSecond")
              ? null
              : String.format(Locale.ROOT, "%.0f", m.recordsPerSecond()));
      t.row(
          "  memory avg (peak heap)",
          unmeasured.contains("memoryAvgBytes") ? null : StoreFormats.bytes(m.memoryAvgBytes()));
      t.row(
          "  memory max (peak heap)",
          unmeasured.contains("memoryMaxBytes") ? null : StoreFormats.bytes(m.memoryMaxBytes()));
      t.row(
          "  memory allocated",
          unmeasured.contains("memoryAllocatedBytes")
              ? null
              : StoreFormats.bytes(m.memoryAllocatedBytes()));
      t.row(
          "  memory utilisation",
          unmeasured.contains("memoryUtilisation")
              ? null
              : StoreFormats.fraction(m.memoryUtilisation()));
      t.row(
          "  CPU utilisation",
          unmeasured.contains("cpuUtilisation") ? null : StoreFormats.fraction(m.cpuUtilisation()));
      b.append(t.render());
    }
    section(b, "Cost", cost(e.cost()));
    section(b, "Quality", quality(e.quality()));
    section(b, "Compliance", compliance(e.compliance()));
    b.append(System.lineSeparator()).append("Issues").append(System.lineSeparator());
    if (e.issues().isEmpty()) {
      b.append("  none detected").append(System.lineSeparator());
    } else {
      TextTable t = new TextTable("  TYPE", "SEVERITY", "REGISTRY", "SUMMARY");
      for (DetectedIssue i : e.issues()) {
        IssueEntry entry = registry.get(new IssueKey(e.jobName(), i.type()));
        t.row(
            "  " + i.type(),
            i.severity(),
            entry == null ? null : entry.status() + " x" + entry.occurrences(),
            i.summary());
      }
      b.append(t.render());
    }
    b.append(System.lineSeparator()).append("Recommendations").append(System.lineSeparator());
    if (e.recommendations().isEmpty()) {
      b.append("  none").append(System.lineSeparator());
    }
    for (int i = 0; i < e.recommendations().size(); i++) {
      b.append("  ").append(i + 1).append(". ").append(e.recommendations().get(i));
      b.append(System.lineSeparator());
    }
    if (!e.optimisationsApplied().isEmpty()) {
      b.append(System.lineSeparator())
          .append("Optimisations applied")
          .append(System.lineSeparator());
      e.optimisationsApplied()
          .forEach(o -> b.append("  - ").append(o).append(System.lineSeparator()));
    }
    var n = e.notification();
    line(
        b.append(System.lineSeparator()),
        "Notification",
        n.sent()
            ? "sent "
                + StoreFormats.instant(n.sentAt())
                + " to "
                + n.recipients().size()
                + " recipients"
            : "not sent");
    b.append(System.lineSeparator()).append("Agent invocations").append(System.lineSeparator());
    if (invocations.isEmpty()) {
      b.append("  none").append(System.lineSeparator());
    } else {
      TextTable t = new TextTable("  AT (UTC)", "AGENT", "TOOL", "DURATION>", "OK", "TOKENS>");
      for (AgentInvocation i : invocations) {
        t.row(
            "  " + StoreFormats.instant(i.at()),
            i.agent(),
            i.tool(),
            i.durationMs() + " ms",
            i.success() ? "yes" : "no: " + i.error(),
            i.tokensIn() + i.tokensOut());
      }
      b.append(t.render());
    }
    b.append(System.lineSeparator()).append("Audit entries").append(System.lineSeparator());
    if (audit.isEmpty()) {
      b.append("  none").append(System.lineSeparator());
    } else {
      TextTable t = new TextTable("  SEQ>", "AT (UTC)", "ACTOR", "ACTION", "DETAILS");
      for (AuditEntry a : audit) {
        t.row(
            "  " + a.sequence(),
            StoreFormats.instant(a.event().at()),
            a.event().actor(),
            a.event().action(),
            a.event().details());
      }
      b.append(t.render());
    }
    return b.toString();
  }

  private static String cost(CostBreakdown c) {
    if (c == null) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "total %s (compute %s, storage %s, network %s, AI %s), %s per GB, %.2f DPU-hours",
        StoreFormats.usd(c.totalUsd()),
        StoreFormats.usd(c.computeUsd()),
        StoreFormats.usd(c.storageUsd()),
        StoreFormats.usd(c.networkUsd()),
        StoreFormats.usd(c.aiUsd()),
        StoreFormats.usd(c.costPerGbUsd()),
        c.dpuHours());
  }

  private static String quality(QualitySummary q) {
    if (q == null) {
      return null;
    }
    var s = q.scores();
    return String.format(
        Locale.ROOT,
        "overall %s (completeness %s, accuracy %s, consistency %s, timeliness %s, validity %s);"
            + " nulls %.1f%%, duplicates %.1f%%, schema violations %d, rule violations %d,"
            + " checks %d passed / %d failed",
        StoreFormats.fraction(s.overall()),
        StoreFormats.fraction(s.completeness()),
        StoreFormats.fraction(s.accuracy()),
        StoreFormats.fraction(s.consistency()),
        StoreFormats.fraction(s.timeliness()),
        StoreFormats.fraction(s.validity()),
        q.nullPercent(),
        q.duplicatePercent(),
        q.schemaViolations(),
        q.businessRuleViolations(),
        q.checksPassed(),
        q.checksFailed());
  }

  private static String compliance(ComplianceSummary c) {
    if (c == null) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "GDPR %s, HIPAA %s, PII columns %d detected / %d masked, retention %s, encryption at rest"
            + " %s / in transit %s, audit logged %s, classification %s",
        yes(c.gdprCompliant()),
        yes(c.hipaaCompliant()),
        c.piiColumnsDetected(),
        c.piiColumnsMasked(),
        c.retentionApplied() ? "applied" : "not applied",
        yes(c.encryptedAtRest()),
        yes(c.encryptedInTransit()),
        yes(c.auditLogged()),
        c.classification());
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }

  private static void section(StringBuilder b, String title, String body) {
    b.append(System.lineSeparator()).append(title).append(System.lineSeparator());
    b.append("  ").append(body == null ? "not recorded" : body).append(System.lineSeparator());
  }

  private static StringBuilder line(StringBuilder b, String label, String value) {
    b.append(String.format(Locale.ROOT, "%-13s %s%n", label, value));
    return b;
  }
}
