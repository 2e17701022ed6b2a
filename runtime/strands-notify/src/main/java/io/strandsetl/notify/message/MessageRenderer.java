package io.strandsetl.notify.message;

import static io.strandsetl.notify.message.Figures.bytes;
import static io.strandsetl.notify.message.Figures.count;
import static io.strandsetl.notify.message.Figures.duration;
import static io.strandsetl.notify.message.Figures.firstLine;
import static io.strandsetl.notify.message.Figures.percent;
import static io.strandsetl.notify.message.Figures.time;
import static io.strandsetl.notify.message.Figures.usd;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ErrorDetails;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.notify.message.MessageDocument.Tone;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the run message and the alerts, as text/plain and text/html with the same content.
 *
 * <p>Shows only what the records carry (counts, column names, scores, one-line summaries), so no
 * data value reaches an e-mail. Lists are capped so that the HTML stays far below 100 KB whatever
 * the run: {@value #MAX_ISSUES_PER_SEVERITY} issues per severity, {@value #MAX_RECOMMENDATIONS}
 * recommendations, {@value #MAX_STEPS} steps.
 */
public final class MessageRenderer {
  static final int MAX_ISSUES_PER_SEVERITY = 10;
  static final int MAX_RECOMMENDATIONS = 5;
  static final int MAX_STEPS = 20;

  /** Longest error message line shown, characters (the full error stays in the store). */
  static final int MAX_ERROR_CHARS = 300;

  private static final String PREFIX = "[Strands ETL] ";
  private static final String RUN_FOOTER =
      "Sent by Strands ETL after the run. Amounts in USD; times in UTC.";
  private static final String ALERT_FOOTER =
      "Sent by Strands ETL when the alert was raised. Amounts in USD; times in UTC.";

  private final String dashboardUrl;

  /**
   * @param dashboardUrl base URL of the dashboard ({@code notify.dashboard-url}), http or https;
   *     null when there is none (messages then say how to configure it)
   */
  public MessageRenderer(String dashboardUrl) {
    if (dashboardUrl != null) {
      String url = dashboardUrl.strip();
      if (!url.matches("(?i)https?://[^\\s\"'<>]+")) {
        throw new StrandsException(
            ErrorCode.INVALID_CONFIG,
            "Invalid notify.dashboard-url: '"
                + dashboardUrl
                + "' (expected an http:// or https:// URL such as http://localhost:8080)");
      }
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      dashboardUrl = url;
    }
    this.dashboardUrl = dashboardUrl;
  }

  /** The run page on the dashboard, {@code <dashboard-url>/runs/<executionId>}; empty if none. */
  public Optional<String> runPage(String executionId) {
    if (dashboardUrl == null) {
      return Optional.empty();
    }
    String segment = URLEncoder.encode(executionId, StandardCharsets.UTF_8).replace("+", "%20");
    return Optional.of(dashboardUrl + "/runs/" + segment);
  }

  /** Subject {@code [Strands ETL] Job <name> - <STATUS>}; the body depends on the status. */
  public MessageContent render(RunNotice notice) {
    ExecutionRecord run = notice.execution();
    String title = "Job " + run.jobName() + " - " + run.status();
    MessageDocument doc = new MessageDocument(title, tone(run.status()), RUN_FOOTER);

    doc.heading("Summary")
        .row("Status", run.status().toString(), tone(run.status()))
        .row("Job", run.jobName())
        .row("Execution", run.executionId())
        .row("Platform", run.platform())
        .row("Started", time(run.startedAt()))
        .row("Duration", duration(run.duration()));
    if (run.decision() != null) {
      doc.row(
          "Platform chosen by",
          "Decision agent: "
              + run.decision().platform()
              + " (confidence "
              + percent(run.decision().confidence())
              + ")");
    }
    ExecutionMetrics metrics = run.metrics();
    if (metrics != null) {
      doc.row("Data processed", bytes(metrics.dataProcessedBytes()))
          .row("Records", count(metrics.records()));
    }
    if (run.status() != ExecutionStatus.SUCCEEDED) {
      failure(doc, notice);
    }
    cost(doc, notice);
    quality(doc, run.quality());
    issues(doc, run.issues());
    recommendations(doc, notice);
    compliance(doc, run.compliance());
    links(doc, notice);
    return new MessageContent("run/" + run.executionId(), PREFIX + title, doc.text(), doc.html());
  }

  /** Subject {@code [Strands ETL] Alert: …}; one template per kind of alert. */
  public MessageContent render(Alert alert) {
    if (alert instanceof BudgetAlert budget) {
      return budget(budget);
    } else if (alert instanceof CostAnomalyAlert anomaly) {
      return costAnomaly(anomaly);
    } else if (alert instanceof QualityDropAlert drop) {
      return qualityDrop(drop);
    } else if (alert instanceof ComplianceViolationAlert violation) {
      return complianceViolation(violation);
    }
    throw new IllegalStateException("Alert is sealed; unexpected " + alert.getClass());
  }

  private static Tone tone(ExecutionStatus status) {
    return switch (status) {
      case SUCCEEDED -> Tone.GOOD;
      case FAILED -> Tone.BAD;
      case CANCELLED -> Tone.WARN;
    };
  }

  private static void failure(MessageDocument doc, RunNotice notice) {
    ExecutionRecord run = notice.execution();
    doc.heading(run.status() == ExecutionStatus.FAILED ? "Failure" : "Cancellation");
    ErrorDetails error = run.error();
    if (error != null) {
      String message = firstLine(error.message(), MAX_ERROR_CHARS);
      doc.row("Error", message.isEmpty() ? error.type() : error.type() + ": " + message, Tone.BAD);
      if (error.retries() > 0) {
        doc.row("Retries", Integer.toString(error.retries()));
      }
    } else {
      doc.row("Error", "not recorded");
    }
    doc.row("Failed step", notice.failedStep() == null ? "unknown" : notice.failedStep());
    doc.paragraph("What still ran:");
    List<String> steps = notice.completedSteps();
    if (steps.isEmpty()) {
      doc.bullet("no pipeline step finished before the failure");
    }
    for (int i = 0; i < Math.min(steps.size(), MAX_STEPS); i++) {
      doc.bullet("step " + steps.get(i) + " finished", Tone.GOOD);
    }
    if (steps.size() > MAX_STEPS) {
      doc.bullet("and " + (steps.size() - MAX_STEPS) + " more steps");
    }
    List<String> analyses = new ArrayList<>();
    if (run.metrics() != null) {
      analyses.add("metrics");
    }
    if (run.cost() != null) {
      analyses.add("cost");
    }
    if (run.quality() != null) {
      analyses.add("quality");
    }
    if (run.compliance() != null) {
      analyses.add("compliance");
    }
    doc.bullet(
        analyses.isEmpty()
            ? "no analysis could run on this execution"
            : "analysed after the failure: " + String.join(", ", analyses));
  }

  private static void cost(MessageDocument doc, RunNotice notice) {
    ExecutionRecord run = notice.execution();
    doc.heading("Cost");
    CostBreakdown cost = run.cost();
    if (cost == null) {
      doc.row("Total", "not computed");
    } else {
      doc.row("Total", usd(cost.totalUsd()))
          .row("Compute", usd(cost.computeUsd()))
          .row("Storage", usd(cost.storageUsd()))
          .row("Network", usd(cost.networkUsd()))
          .row("AI (language model)", usd(cost.aiUsd()))
          .row("Per GB processed", usd(cost.costPerGbUsd()));
      if (cost.dpuHours() > 0) {
        doc.row("Glue DPU-hours", String.format(Locale.ROOT, "%.3f", cost.dpuHours()));
      }
    }
    List<PlatformCost> platforms = notice.platformCosts();
    if (platforms.isEmpty()) {
      doc.row("Cheapest alternative", "not compared");
      return;
    }
    for (PlatformCost platform : platforms) {
      String label = "On " + platform.platform();
      String value = platform.feasible() ? usd(platform.estimatedUsd()) : "not feasible";
      if (platform.platform().equals(run.platform())) {
        value += " (this run's platform)";
      }
      doc.row(label, value);
    }
    Optional<PlatformCost> cheapest =
        platforms.stream()
            .filter(PlatformCost::feasible)
            .filter(p -> !p.platform().equals(run.platform()))
            .min(Comparator.comparingDouble(PlatformCost::estimatedUsd));
    if (cheapest.isEmpty()) {
      doc.row("Cheapest alternative", "none feasible");
    } else if (cost != null && cheapest.get().estimatedUsd() < cost.totalUsd()) {
      double saving = cost.totalUsd() - cheapest.get().estimatedUsd();
      doc.row(
          "Cheapest alternative",
          cheapest.get().platform()
              + " at "
              + usd(cheapest.get().estimatedUsd())
              + ", saves "
              + usd(saving)
              + " ("
              + percent(saving / cost.totalUsd())
              + ") per run",
          Tone.GOOD);
    } else {
      doc.row(
          "Cheapest alternative",
          cheapest.get().platform()
              + " at "
              + usd(cheapest.get().estimatedUsd())
              + (cost == null ? "" : " (not cheaper than this run)"));
    }
  }

  private static void quality(MessageDocument doc, QualitySummary quality) {
    doc.heading("Data quality");
    if (quality == null) {
      for (String dimension :
          List.of("Overall", "Completeness", "Accuracy", "Consistency", "Timeliness", "Validity")) {
        doc.row(dimension, "not measured");
      }
      return;
    }
    QualityScores s = quality.scores();
    score(doc, "Overall", s.overall());
    score(doc, "Completeness", s.completeness());
    score(doc, "Accuracy", s.accuracy());
    score(doc, "Consistency", s.consistency());
    score(doc, "Timeliness", s.timeliness());
    score(doc, "Validity", s.validity());
    doc.row(
        "Checks",
        quality.checksPassed() + " passed, " + quality.checksFailed() + " failed",
        quality.checksFailed() > 0 ? Tone.BAD : null);
    doc.row("Null cells", String.format(Locale.ROOT, "%.2f %%", quality.nullPercent()));
    doc.row("Duplicate rows", String.format(Locale.ROOT, "%.2f %%", quality.duplicatePercent()));
  }

  private static void score(MessageDocument doc, String label, Double fraction) {
    if (fraction == null) {
      // No check of this dimension ran: never shown as a number (not 0, not 100).
      doc.row(label, "not measured");
      return;
    }
    Tone tone = fraction >= 0.95 ? Tone.GOOD : fraction >= 0.8 ? Tone.WARN : Tone.BAD;
    doc.row(label, percent(fraction), tone);
  }

  private static void issues(MessageDocument doc, List<DetectedIssue> issues) {
    StringBuilder counts = new StringBuilder();
    for (Severity severity : Severity.values()) {
      long n = issues.stream().filter(issue -> issue.severity() == severity).count();
      if (n > 0) {
        counts.append(counts.isEmpty() ? ": " : ", ");
        counts.append(n).append(' ').append(severity.name().toLowerCase(Locale.ROOT));
      }
    }
    doc.heading("Issues (" + issues.size() + counts + ")");
    if (issues.isEmpty()) {
      doc.paragraph("No issues detected.");
      return;
    }
    for (Severity severity : Severity.values()) {
      List<DetectedIssue> matching =
          issues.stream().filter(issue -> issue.severity() == severity).toList();
      if (matching.isEmpty()) {
        continue;
      }
      Tone tone =
          switch (severity) {
            case CRITICAL, HIGH -> Tone.BAD;
            case MEDIUM -> Tone.WARN;
            case LOW -> Tone.INFO;
          };
      for (int i = 0; i < Math.min(matching.size(), MAX_ISSUES_PER_SEVERITY); i++) {
        DetectedIssue issue = matching.get(i);
        doc.bullet(
            severity
                + " "
                + issue.type()
                + (issue.summary().isBlank() ? "" : ": " + firstLine(issue.summary(), 300)),
            tone);
      }
      if (matching.size() > MAX_ISSUES_PER_SEVERITY) {
        doc.bullet(
            "and "
                + (matching.size() - MAX_ISSUES_PER_SEVERITY)
                + " more "
                + severity
                + " issues (see the run page)",
            tone);
      }
    }
  }

  private static void recommendations(MessageDocument doc, RunNotice notice) {
    List<SavingRecommendation> ranked = notice.recommendations();
    if (ranked.isEmpty()) {
      ranked =
          notice.execution().recommendations().stream()
              .map(text -> new SavingRecommendation(text, null))
              .toList();
    }
    doc.heading("Top recommendations");
    if (ranked.isEmpty()) {
      doc.paragraph("None for this run.");
      return;
    }
    for (int i = 0; i < Math.min(ranked.size(), MAX_RECOMMENDATIONS); i++) {
      SavingRecommendation r = ranked.get(i);
      doc.bullet(
          firstLine(r.text(), 300)
              + (r.estimatedSavingsUsd() == null
                  ? ""
                  : " (estimated savings " + usd(r.estimatedSavingsUsd()) + " per run)"));
    }
  }

  private static void compliance(MessageDocument doc, ComplianceSummary compliance) {
    doc.heading("Compliance");
    if (compliance == null) {
      doc.row("Status", "not checked");
      return;
    }
    doc.row(
            "GDPR",
            compliance.gdprCompliant() ? "compliant" : "NOT compliant",
            compliance.gdprCompliant() ? Tone.GOOD : Tone.BAD)
        .row(
            "HIPAA",
            compliance.hipaaCompliant() ? "compliant" : "NOT compliant",
            compliance.hipaaCompliant() ? Tone.GOOD : Tone.BAD)
        .row(
            "PII columns",
            compliance.piiColumnsDetected()
                + " detected, "
                + compliance.piiColumnsMasked()
                + " masked",
            compliance.piiColumnsMasked() < compliance.piiColumnsDetected() ? Tone.BAD : null)
        .row("Classification", compliance.classification())
        .row(
            "Encryption",
            (compliance.encryptedAtRest() ? "at rest" : "not at rest")
                + ", "
                + (compliance.encryptedInTransit() ? "in transit" : "not in transit"))
        .row("Audit trail", compliance.auditLogged() ? "recorded" : "not recorded");
  }

  private void links(MessageDocument doc, RunNotice notice) {
    doc.heading("Details");
    if (notice.runDirectory() != null) {
      doc.row("Run directory", notice.runDirectory().toString());
    }
    Optional<String> page = runPage(notice.execution().executionId());
    if (page.isPresent()) {
      doc.link("Open the run on the dashboard", page.get());
    } else {
      doc.paragraph("Dashboard: not configured (set notify.dashboard-url to link the run page).");
    }
  }

  private MessageContent budget(BudgetAlert alert) {
    boolean exceeded = alert.level() == BudgetAlert.Level.EXCEEDED_100;
    String title =
        (exceeded ? "Alert: budget exceeded for " : "Alert: 80 % of budget used by ")
            + alert.scope()
            + " ("
            + alert.period()
            + ")";
    MessageDocument doc =
        new MessageDocument(title, exceeded ? Tone.BAD : Tone.WARN, ALERT_FOOTER)
            .heading("Budget")
            .row("Scope", alert.scope())
            .row("Period", alert.period())
            .row("Budget", usd(alert.budgetUsd()))
            .row("Spent", usd(alert.spentUsd()), exceeded ? Tone.BAD : Tone.WARN)
            .row("Used", percent(alert.usedFraction()))
            .row(
                exceeded ? "Over budget by" : "Remaining",
                usd(Math.abs(alert.budgetUsd() - alert.spentUsd())),
                exceeded ? Tone.BAD : null);
    if (alert.forecastUsd() != null) {
      doc.row("Forecast for the period", usd(alert.forecastUsd()));
    }
    doc.paragraph(
        exceeded
            ? "Spending has reached the budget. Review the most expensive jobs and their"
                + " recommendations."
            : "Spending has passed 80 % of the budget. This alert is sent once per period.");
    dashboard(doc, dashboardUrl);
    return new MessageContent(alert.key(), PREFIX + title, doc.text(), doc.html());
  }

  private MessageContent costAnomaly(CostAnomalyAlert alert) {
    String title = "Alert: cost anomaly in job " + alert.jobName();
    double difference = alert.actualUsd() - alert.expectedUsd();
    MessageDocument doc =
        new MessageDocument(title, Tone.WARN, ALERT_FOOTER)
            .heading("Cost anomaly")
            .row("Job", alert.jobName())
            .row("Execution", alert.executionId())
            .row("Cost", usd(alert.actualUsd()), Tone.BAD)
            .row("Expected", usd(alert.expectedUsd()))
            .row(
                "Difference",
                (difference >= 0 ? "+" : "-")
                    + usd(Math.abs(difference))
                    + (alert.expectedUsd() > 0
                        ? " ("
                            + (difference >= 0 ? "+" : "")
                            + percent(difference / alert.expectedUsd())
                            + ")"
                        : ""));
    if (!alert.explanation().isBlank()) {
      doc.paragraph(firstLine(alert.explanation(), 300));
    }
    runLink(doc, alert.executionId());
    return new MessageContent(alert.key(), PREFIX + title, doc.text(), doc.html());
  }

  private MessageContent qualityDrop(QualityDropAlert alert) {
    String title = "Alert: quality drop in job " + alert.jobName() + " (" + alert.dataset() + ")";
    QualityScores b = alert.baseline();
    QualityScores c = alert.current();
    MessageDocument doc =
        new MessageDocument(title, Tone.WARN, ALERT_FOOTER)
            .heading("Quality")
            .row("Job", alert.jobName())
            .row("Execution", alert.executionId())
            .row("Dataset", alert.dataset());
    doc.heading("Scores (baseline → this run)");
    change(doc, "Overall", b.overall(), c.overall());
    change(doc, "Completeness", b.completeness(), c.completeness());
    change(doc, "Accuracy", b.accuracy(), c.accuracy());
    change(doc, "Consistency", b.consistency(), c.consistency());
    change(doc, "Timeliness", b.timeliness(), c.timeliness());
    change(doc, "Validity", b.validity(), c.validity());
    runLink(doc, alert.executionId());
    return new MessageContent(alert.key(), PREFIX + title, doc.text(), doc.html());
  }

  private static void change(MessageDocument doc, String label, Double before, Double now) {
    if (before == null || now == null) {
      doc.row(
          label,
          (before == null ? "not measured" : percent(before))
              + " → "
              + (now == null ? "not measured" : percent(now)));
      return;
    }
    double points = (now - before) * 100;
    doc.row(
        label,
        percent(before)
            + " → "
            + percent(now)
            + String.format(Locale.ROOT, " (%+.1f points)", points),
        points <= -0.05 ? Tone.BAD : null);
  }

  private MessageContent complianceViolation(ComplianceViolationAlert alert) {
    String title = "Alert: compliance violation in job " + alert.jobName();
    MessageDocument doc =
        new MessageDocument(title, Tone.BAD, ALERT_FOOTER)
            .heading("Violations")
            .row("Job", alert.jobName())
            .row("Execution", alert.executionId())
            .row(
                "Output",
                alert.blocked()
                    ? "not published (blocked by policy; the previous output is intact)"
                    : "published",
                alert.blocked() ? Tone.WARN : Tone.BAD);
    if (alert.violations().isEmpty()) {
      doc.paragraph("No violation detail was recorded.");
    }
    for (int i = 0; i < Math.min(alert.violations().size(), MAX_ISSUES_PER_SEVERITY * 2); i++) {
      doc.bullet(firstLine(alert.violations().get(i), 300), Tone.BAD);
    }
    if (alert.violations().size() > MAX_ISSUES_PER_SEVERITY * 2) {
      doc.bullet("and " + (alert.violations().size() - MAX_ISSUES_PER_SEVERITY * 2) + " more");
    }
    compliance(doc, alert.summary());
    runLink(doc, alert.executionId());
    return new MessageContent(alert.key(), PREFIX + title, doc.text(), doc.html());
  }

  private void runLink(MessageDocument doc, String executionId) {
    Optional<String> page = runPage(executionId);
    if (page.isPresent()) {
      doc.link("Open the run on the dashboard", page.get());
    } else {
      doc.paragraph("Dashboard: not configured (set notify.dashboard-url to link the run page).");
    }
  }

  private static void dashboard(MessageDocument doc, String url) {
    if (url != null) {
      doc.link("Open the dashboard", url);
    } else {
      doc.paragraph("Dashboard: not configured (set notify.dashboard-url).");
    }
  }
}
