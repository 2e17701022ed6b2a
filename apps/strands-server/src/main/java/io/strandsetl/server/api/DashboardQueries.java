package io.strandsetl.server.api;

import static io.strandsetl.server.api.Table.col;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueStatus;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.TrackingStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The data behind every chart and table of the dashboard, read through the {@link TrackingStore}
 * SPI only. Each method takes the global filter and returns a {@link Table}.
 *
 * <p>Aggregates are computed here over the executions that match the filter, read with {@link
 * TrackingStore#listExecutions} (at most {@code scanLimit}, newest first). Units: money in USD,
 * durations in seconds, scores and rates in percent (0–100), sizes in bytes.
 */
public final class DashboardQueries {
  /** Quality below this overall score (fraction) raises an alert on the Quality page. */
  private final double qualityAlertBelow;

  private final TrackingStore store;
  private final Clock clock;
  private final int scanLimit;
  private final double monthlyBudgetUsd;

  public DashboardQueries(
      TrackingStore store,
      Clock clock,
      int scanLimit,
      double monthlyBudgetUsd,
      double qualityAlertBelow) {
    this.store = store;
    this.clock = clock;
    this.scanLimit = scanLimit;
    this.monthlyBudgetUsd = monthlyBudgetUsd;
    this.qualityAlertBelow = qualityAlertBelow;
  }

  public TrackingStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  /** Executions that pass the filter, newest start first. */
  List<ExecutionRecord> scan(DashboardFilter f) {
    List<ExecutionRecord> listed =
        store.listExecutions(new ExecutionQuery(f.job(), f.status(), f.fromInstant(), scanLimit));
    List<ExecutionRecord> kept = new ArrayList<>(listed.size());
    for (ExecutionRecord e : listed) {
      if (f.matches(e)) {
        kept.add(e);
      }
    }
    return kept;
  }

  // ---- 1 Overview ------------------------------------------------------------------------------

  /** Executions per status in the window and in the last 24 hours. */
  public Table statusCounts(DashboardFilter f) {
    Map<ExecutionStatus, long[]> counts = new EnumMap<>(ExecutionStatus.class);
    for (ExecutionStatus s : ExecutionStatus.values()) {
      counts.put(s, new long[2]);
    }
    Instant dayAgo = clock.instant().minusSeconds(86_400);
    for (ExecutionRecord e : scan(f)) {
      long[] c = counts.get(e.status());
      c[0]++;
      if (!e.startedAt().isBefore(dayAgo)) {
        c[1]++;
      }
    }
    Table.Builder t =
        Table.with(
            col("status", "Status"),
            col("executions", "Executions", "runs"),
            col("last_24h", "Last 24 h", "runs"));
    counts.forEach((s, c) -> t.row(s.name(), c[0], c[1]));
    return t.build();
  }

  /** Headline numbers: executions, success rate, cost, duration, quality. */
  public Table quickMetrics(DashboardFilter f) {
    List<ExecutionRecord> runs = scan(f);
    long succeeded = runs.stream().filter(e -> e.status() == ExecutionStatus.SUCCEEDED).count();
    double cost = runs.stream().mapToDouble(ExecutionRecord::totalCostUsd).sum();
    double avgSeconds =
        runs.stream().mapToLong(e -> e.duration().toMillis()).average().orElse(0) / 1000.0;
    double quality =
        runs.stream()
            .filter(e -> e.quality() != null)
            .mapToDouble(e -> e.quality().scores().overall())
            .average()
            .orElse(Double.NaN);
    return Table.with(
            col("metric", "Metric"), col("value", "Value"), col("unit", "Unit"), col("key", "Key"))
        .row("Executions", runs.size(), "runs", "executions")
        .row("Success rate", pct(succeeded, runs.size()), "%", "success_rate")
        .row("Total cost", round(cost, 2), "USD", "total_cost")
        .row("Average cost", round(runs.isEmpty() ? 0 : cost / runs.size(), 4), "USD", "avg_cost")
        .row("Average duration", round(avgSeconds, 1), "s", "avg_duration")
        .row(
            "Average quality",
            Double.isNaN(quality) ? null : round(quality * 100, 1),
            "%",
            "avg_quality")
        .build();
  }

  /** The newest executions, at most {@code limit}. */
  public Table latestExecutions(DashboardFilter f, int limit) {
    Table.Builder t =
        Table.with(
            col("execution_id", "Execution"),
            col("job", "Job"),
            col("job_type", "Type"),
            col("platform", "Platform"),
            col("status", "Status"),
            col("started_at", "Started (UTC)"),
            col("duration_s", "Duration", "s"),
            col("cost_usd", "Cost", "USD"),
            col("quality_pct", "Quality", "%"),
            col("issues", "Issues", "count"));
    List<ExecutionRecord> runs =
        store.listExecutions(
            new ExecutionQuery(f.job(), f.status(), f.fromInstant(), Math.max(1, limit) * 4));
    int n = 0;
    for (ExecutionRecord e : runs) {
      if (n >= limit) {
        break;
      }
      if (f.matches(e)) {
        n++;
        t.row(
            e.executionId(),
            e.jobName(),
            e.jobType().name(),
            e.platform(),
            e.status().name(),
            e.startedAt().toString(),
            round(e.duration().toMillis() / 1000.0, 1),
            e.cost() == null ? null : round(e.cost().totalUsd(), 4),
            e.quality() == null ? null : round(e.quality().scores().overall() * 100, 1),
            e.issues().size());
      }
    }
    return t.build();
  }

  // ---- 2 Timeline ------------------------------------------------------------------------------

  /** Runs with start and end, oldest first, for the Gantt chart (at most {@code limit}, newest). */
  public Table timeline(DashboardFilter f, int limit) {
    List<ExecutionRecord> runs = scan(f);
    List<ExecutionRecord> shown = new ArrayList<>(runs.subList(0, Math.min(limit, runs.size())));
    shown.sort(Comparator.comparing(ExecutionRecord::startedAt));
    Table.Builder t =
        Table.with(
            col("execution_id", "Execution"),
            col("job", "Job"),
            col("status", "Status"),
            col("platform", "Platform"),
            col("started_at", "Started (UTC)"),
            col("ended_at", "Ended (UTC)"),
            col("duration_s", "Duration", "s"));
    for (ExecutionRecord e : shown) {
      t.row(
          e.executionId(),
          e.jobName(),
          e.status().name(),
          e.platform(),
          e.startedAt().toString(),
          e.endedAt().toString(),
          round(e.duration().toMillis() / 1000.0, 1));
    }
    return t.build();
  }

  // ---- 3 Cost ----------------------------------------------------------------------------------

  /** Cost per UTC day, ISO week (Monday) or month. */
  public Table costTrend(DashboardFilter f, String period) {
    Function<LocalDate, LocalDate> bucket =
        switch (period == null ? "day" : period.toLowerCase(Locale.ROOT)) {
          case "day" -> d -> d;
          case "week" -> d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case "month" -> d -> d.withDayOfMonth(1);
          default ->
              throw new StrandsException(
                  ErrorCode.INVALID_ARGUMENT,
                  "Invalid period: '" + period + "' (known: day, week, month)");
        };
    TreeMap<LocalDate, double[]> sums = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      double[] s =
          sums.computeIfAbsent(
              bucket.apply(LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC)), k -> new double[2]);
      s[0] += e.totalCostUsd();
      s[1]++;
    }
    Table.Builder t =
        Table.with(
            col("period_start", "Period start"),
            col("cost_usd", "Cost", "USD"),
            col("runs", "Runs", "runs"));
    sums.forEach((day, s) -> t.row(day.toString(), round(s[0], 2), (long) s[1]));
    return t.build();
  }

  /** Cost per job, most expensive first; at most {@code limit} rows. */
  public Table costByJob(DashboardFilter f, int limit) {
    Map<String, double[]> byJob = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      double[] s = byJob.computeIfAbsent(e.jobName(), k -> new double[3]);
      s[0] += e.totalCostUsd();
      s[1]++;
      s[2] += e.duration().toMillis() / 1000.0;
    }
    List<Map.Entry<String, double[]>> sorted = new ArrayList<>(byJob.entrySet());
    sorted.sort(
        Comparator.comparing((Map.Entry<String, double[]> en) -> -en.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("cost_usd", "Cost", "USD"),
            col("runs", "Runs", "runs"),
            col("avg_cost_usd", "Average cost", "USD"),
            col("avg_duration_s", "Average duration", "s"));
    for (Map.Entry<String, double[]> en : sorted.subList(0, Math.min(limit, sorted.size()))) {
      double[] s = en.getValue();
      t.row(en.getKey(), round(s[0], 2), (long) s[1], round(s[0] / s[1], 4), round(s[2] / s[1], 1));
    }
    return t.build();
  }

  /** Cost per job type (pipeline run by Strands or imported event log). */
  public Table costByJobType(DashboardFilter f) {
    Map<String, double[]> byType = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      double[] s = byType.computeIfAbsent(e.jobType().name(), k -> new double[2]);
      s[0] += e.totalCostUsd();
      s[1]++;
    }
    Table.Builder t =
        Table.with(
            col("job_type", "Job type"),
            col("cost_usd", "Cost", "USD"),
            col("runs", "Runs", "runs"));
    byType.forEach((type, s) -> t.row(type, round(s[0], 2), (long) s[1]));
    return t.build();
  }

  /** Daily cost over the window, then {@code days} forecast days with a 95% interval. */
  public Table costForecast(DashboardFilter f, int days) {
    TreeMap<LocalDate, Double> daily = new TreeMap<>();
    LocalDate first = f.from();
    LocalDate last = f.to();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      daily.put(d, 0.0);
    }
    for (ExecutionRecord e : scan(f)) {
      daily.merge(
          LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC), e.totalCostUsd(), Double::sum);
    }
    Table.Builder t =
        Table.with(
            col("day", "Day"),
            col("actual_usd", "Actual", "USD"),
            col("forecast_usd", "Forecast", "USD"),
            col("low_usd", "Low (95%)", "USD"),
            col("high_usd", "High (95%)", "USD"));
    daily.forEach((d, usd) -> t.row(d.toString(), round(usd, 2), null, null, null));
    for (Forecast.Point p : Forecast.ahead(new ArrayList<>(daily.values()), days)) {
      t.row(
          last.plusDays(p.dayOffset()).toString(),
          null,
          round(p.expectedUsd(), 2),
          round(p.lowUsd(), 2),
          round(p.highUsd(), 2));
    }
    return t.build();
  }

  /**
   * This month's spend against the monthly budget: actual so far, burn rate (USD per day so far)
   * and the month-end projection at that rate. Reads the month of the filter's end.
   */
  public Table budget(DashboardFilter f) {
    LocalDate today = f.to();
    LocalDate monthStart = today.withDayOfMonth(1);
    DashboardFilter month = f.withDays(monthStart, today);
    double actual = scan(month).stream().mapToDouble(ExecutionRecord::totalCostUsd).sum();
    int daysSoFar = today.getDayOfMonth();
    double burn = actual / daysSoFar;
    double projected = burn * today.lengthOfMonth();
    return Table.with(
            col("month", "Month"),
            col("budget_usd", "Budget", "USD"),
            col("actual_usd", "Actual", "USD"),
            col("used_pct", "Used", "%"),
            col("burn_rate_usd_per_day", "Burn rate", "USD/day"),
            col("projected_usd", "Projected month end", "USD"))
        .row(
            monthStart.toString().substring(0, 7),
            monthlyBudgetUsd > 0 ? round(monthlyBudgetUsd, 2) : null,
            round(actual, 2),
            monthlyBudgetUsd > 0 ? round(actual / monthlyBudgetUsd * 100, 1) : null,
            round(burn, 2),
            round(projected, 2))
        .build();
  }

  /** Recommendations recorded on runs in the window, most frequent first (top 20). */
  public Table costSuggestions(DashboardFilter f) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Double> costOfRuns = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      for (String r : e.recommendations()) {
        counts.computeIfAbsent(r, k -> new long[1])[0]++;
        costOfRuns.merge(r, e.totalCostUsd(), Double::sum);
      }
    }
    List<String> sorted = new ArrayList<>(counts.keySet());
    sorted.sort(Comparator.comparing((String r) -> -counts.get(r)[0]).thenComparing(r -> r));
    Table.Builder t =
        Table.with(
            col("suggestion", "Suggestion"),
            col("runs", "Runs it applies to", "runs"),
            col("cost_of_runs_usd", "Cost of those runs", "USD"));
    for (String r : sorted.subList(0, Math.min(20, sorted.size()))) {
      t.row(r, counts.get(r)[0], round(costOfRuns.get(r), 2));
    }
    return t.build();
  }

  // ---- 4 Quality -------------------------------------------------------------------------------

  /** Average overall and per-dimension quality per UTC day. */
  public Table qualityTrend(DashboardFilter f) {
    TreeMap<LocalDate, double[]> sums = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      if (e.quality() == null) {
        continue;
      }
      QualityScores q = e.quality().scores();
      double[] s =
          sums.computeIfAbsent(
              LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC), k -> new double[7]);
      s[0] += q.overall();
      s[1] += q.completeness();
      s[2] += q.accuracy();
      s[3] += q.consistency();
      s[4] += q.timeliness();
      s[5] += q.validity();
      s[6]++;
    }
    Table.Builder t =
        Table.with(
            col("day", "Day"),
            col("overall_pct", "Overall", "%"),
            col("completeness_pct", "Completeness", "%"),
            col("accuracy_pct", "Accuracy", "%"),
            col("consistency_pct", "Consistency", "%"),
            col("timeliness_pct", "Timeliness", "%"),
            col("validity_pct", "Validity", "%"),
            col("runs", "Runs measured", "runs"));
    sums.forEach(
        (d, s) ->
            t.row(
                d.toString(),
                round(s[0] / s[6] * 100, 1),
                round(s[1] / s[6] * 100, 1),
                round(s[2] / s[6] * 100, 1),
                round(s[3] / s[6] * 100, 1),
                round(s[4] / s[6] * 100, 1),
                round(s[5] / s[6] * 100, 1),
                (long) s[6]));
    return t.build();
  }

  /** Average of each of the five dimensions over the window. */
  public Table qualityDimensions(DashboardFilter f) {
    double[] s = new double[6];
    for (ExecutionRecord e : scan(f)) {
      if (e.quality() == null) {
        continue;
      }
      QualityScores q = e.quality().scores();
      s[0] += q.completeness();
      s[1] += q.accuracy();
      s[2] += q.consistency();
      s[3] += q.timeliness();
      s[4] += q.validity();
      s[5]++;
    }
    Table.Builder t = Table.with(col("dimension", "Dimension"), col("score_pct", "Score", "%"));
    String[] names = {"completeness", "accuracy", "consistency", "timeliness", "validity"};
    for (int i = 0; i < names.length; i++) {
      t.row(names[i], s[5] == 0 ? null : round(s[i] / s[5] * 100, 1));
    }
    return t.build();
  }

  /** Runs whose overall quality is below the alert threshold, newest first (at most 100). */
  public Table qualityAlerts(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("execution_id", "Execution"),
            col("job", "Job"),
            col("started_at", "Started (UTC)"),
            col("overall_pct", "Overall", "%"),
            col("checks_failed", "Checks failed", "count"),
            col("threshold_pct", "Threshold", "%"));
    int n = 0;
    for (ExecutionRecord e : scan(f)) {
      if (e.quality() != null && e.quality().scores().overall() < qualityAlertBelow && n++ < 100) {
        t.row(
            e.executionId(),
            e.jobName(),
            e.startedAt().toString(),
            round(e.quality().scores().overall() * 100, 1),
            e.quality().checksFailed(),
            round(qualityAlertBelow * 100, 1));
      }
    }
    return t.build();
  }

  /** Quality anomalies recorded in the quality history of the window's jobs, newest first. */
  public Table qualityAnomalies(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("execution_id", "Execution"),
            col("job", "Job"),
            col("dataset", "Dataset"),
            col("at", "Measured (UTC)"),
            col("anomaly", "Anomaly"));
    List<String[]> rows = new ArrayList<>();
    for (ExecutionRecord e : scan(f)) {
      if (e.quality() == null || e.quality().scores().overall() >= qualityAlertBelow) {
        continue;
      }
      // The SPI lists quality history per (job, dataset) only; the runs' own anomalies are the
      // issues recorded with a quality type.
      for (DetectedIssue issue : e.issues()) {
        if (issue.type().startsWith("quality")) {
          rows.add(
              new String[] {
                e.executionId(), e.jobName(), "", e.startedAt().toString(), issue.summary()
              });
        }
      }
      if (rows.size() >= 100) {
        break;
      }
    }
    rows.forEach(r -> t.row((Object[]) r));
    return t.build();
  }

  /** Profiling results per job: latest run's null and duplicate percentages and check counts. */
  public Table qualityProfiles(DashboardFilter f) {
    Map<String, ExecutionRecord> latest = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      if (e.quality() != null) {
        latest.putIfAbsent(e.jobName(), e);
      }
    }
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("execution_id", "Latest run"),
            col("overall_pct", "Overall", "%"),
            col("null_pct", "Nulls", "%"),
            col("duplicate_pct", "Duplicates", "%"),
            col("schema_violations", "Schema violations", "rows"),
            col("rule_violations", "Rule violations", "rows"),
            col("checks_passed", "Checks passed", "count"),
            col("checks_failed", "Checks failed", "count"));
    latest.forEach(
        (job, e) ->
            t.row(
                job,
                e.executionId(),
                round(e.quality().scores().overall() * 100, 1),
                round(e.quality().nullPercent(), 2),
                round(e.quality().duplicatePercent(), 2),
                e.quality().schemaViolations(),
                e.quality().businessRuleViolations(),
                e.quality().checksPassed(),
                e.quality().checksFailed()));
    return t.build();
  }

  // ---- 5 Issues --------------------------------------------------------------------------------

  private List<IssueEntry> issues(DashboardFilter f) {
    List<IssueEntry> kept = new ArrayList<>();
    for (IssueEntry i : store.issues()) {
      if ((f.job() == null || f.job().equals(i.key().jobName()))
          && !i.lastSeen().isBefore(f.fromInstant())
          && i.firstSeen().isBefore(f.toExclusive())) {
        kept.add(i);
      }
    }
    return kept;
  }

  /** Occurrences per (issue type, job), for the heat map. */
  public Table issueHeatmap(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("issue_type", "Issue type"),
            col("job", "Job"),
            col("occurrences", "Occurrences", "runs"));
    issues(f).stream()
        .sorted(
            Comparator.comparing((IssueEntry i) -> i.key().issueType())
                .thenComparing(i -> i.key().jobName()))
        .forEach(i -> t.row(i.key().issueType(), i.key().jobName(), i.occurrences()));
    return t.build();
  }

  /** Issues and occurrences per severity, most severe first. */
  public Table issuesBySeverity(DashboardFilter f) {
    Map<Severity, long[]> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, new long[3]);
    }
    for (IssueEntry i : issues(f)) {
      long[] c = counts.get(i.severity());
      c[0]++;
      c[1] += i.occurrences();
      if (i.status().isActive()) {
        c[2]++;
      }
    }
    Table.Builder t =
        Table.with(
            col("severity", "Severity"),
            col("issues", "Issues", "count"),
            col("occurrences", "Occurrences", "runs"),
            col("active", "Open or reopened", "count"));
    counts.forEach((s, c) -> t.row(s.name(), c[0], c[1], c[2]));
    return t.build();
  }

  /** Every registry entry in the window, most occurrences first; at most {@code limit}. */
  public Table topIssues(DashboardFilter f, int limit, boolean activeOnly) {
    List<IssueEntry> sorted = new ArrayList<>(issues(f));
    if (activeOnly) {
      sorted.removeIf(i -> !i.status().isActive());
    }
    sorted.sort(
        Comparator.comparingLong((IssueEntry i) -> -i.occurrences())
            .thenComparing(IssueEntry::key));
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("issue_type", "Issue type"),
            col("severity", "Severity"),
            col("occurrences", "Occurrences", "runs"),
            col("status", "Status"),
            col("first_seen", "First seen (UTC)"),
            col("last_seen", "Last seen (UTC)"),
            col("resolved_by", "Resolved by"));
    for (IssueEntry i : sorted.subList(0, Math.min(limit, sorted.size()))) {
      t.row(
          i.key().jobName(),
          i.key().issueType(),
          i.severity().name(),
          i.occurrences(),
          i.status().name(),
          i.firstSeen().toString(),
          i.lastSeen().toString(),
          i.resolvedBy());
    }
    return t.build();
  }

  /** Registry entries per status. */
  public Table issueStatus(DashboardFilter f) {
    Map<IssueStatus, Long> counts = new EnumMap<>(IssueStatus.class);
    for (IssueStatus s : IssueStatus.values()) {
      counts.put(s, 0L);
    }
    issues(f).forEach(i -> counts.merge(i.status(), 1L, Long::sum));
    Table.Builder t = Table.with(col("status", "Status"), col("issues", "Issues", "count"));
    counts.forEach((s, n) -> t.row(s.name(), n));
    return t.build();
  }

  /** Issues detected per UTC day, by severity (from the runs' own issue lists). */
  public Table issueTrend(DashboardFilter f) {
    TreeMap<LocalDate, long[]> perDay = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      if (e.issues().isEmpty()) {
        continue;
      }
      long[] c =
          perDay.computeIfAbsent(
              LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC),
              k -> new long[Severity.values().length]);
      for (DetectedIssue i : e.issues()) {
        c[i.severity().ordinal()]++;
      }
    }
    Table.Builder t =
        Table.with(
            col("day", "Day"),
            col("critical", "Critical", "count"),
            col("high", "High", "count"),
            col("medium", "Medium", "count"),
            col("low", "Low", "count"));
    perDay.forEach((d, c) -> t.row(d.toString(), c[0], c[1], c[2], c[3]));
    return t.build();
  }

  // ---- 6 Compliance ----------------------------------------------------------------------------

  /** GDPR score, HIPAA status, PII counts and audit-chain state as metric rows. */
  public Table complianceSummary(DashboardFilter f) {
    long assessed = 0;
    long gdpr = 0;
    long hipaa = 0;
    long piiRuns = 0;
    long detected = 0;
    long masked = 0;
    for (ExecutionRecord e : scan(f)) {
      ComplianceSummary c = e.compliance();
      if (c == null) {
        continue;
      }
      assessed++;
      gdpr += c.gdprCompliant() ? 1 : 0;
      hipaa += c.hipaaCompliant() ? 1 : 0;
      piiRuns += c.piiColumnsDetected() > 0 ? 1 : 0;
      detected += c.piiColumnsDetected();
      masked += c.piiColumnsMasked();
    }
    AuditVerification v = store.verifyAudit();
    return Table.with(
            col("metric", "Metric"), col("value", "Value"), col("unit", "Unit"), col("key", "Key"))
        .row("Runs assessed", assessed, "runs", "assessed")
        .row("GDPR score (compliant runs)", pct(gdpr, assessed), "%", "gdpr_score")
        .row("HIPAA compliant runs", pct(hipaa, assessed), "%", "hipaa_score")
        .row("Runs with PII", piiRuns, "runs", "pii_runs")
        .row("PII columns detected", detected, "columns", "pii_detected")
        .row("PII columns masked", masked, "columns", "pii_masked")
        .row("Audit entries checked", v.entriesChecked(), "entries", "audit_entries")
        .row("Audit chain", v.intact() ? "intact" : "BROKEN", "", "audit_chain")
        .build();
  }

  /** PII per job: columns only, never values. */
  public Table piiByJob(DashboardFilter f) {
    Map<String, long[]> byJob = new TreeMap<>();
    Map<String, String> classification = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      ComplianceSummary c = e.compliance();
      if (c == null) {
        continue;
      }
      long[] s = byJob.computeIfAbsent(e.jobName(), k -> new long[3]);
      s[0]++;
      s[1] = Math.max(s[1], c.piiColumnsDetected());
      s[2] = Math.max(s[2], c.piiColumnsMasked());
      classification.putIfAbsent(e.jobName(), c.classification());
    }
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("runs", "Runs assessed", "runs"),
            col("pii_columns", "PII columns (max)", "columns"),
            col("masked_columns", "Masked (max)", "columns"),
            col("classification", "Classification"));
    byJob.forEach((job, s) -> t.row(job, s[0], s[1], s[2], classification.get(job)));
    return t.build();
  }

  /** Runs that failed a GDPR or HIPAA check or left PII columns unmasked, newest first. */
  public Table complianceViolations(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("execution_id", "Execution"),
            col("job", "Job"),
            col("started_at", "Started (UTC)"),
            col("gdpr", "GDPR"),
            col("hipaa", "HIPAA"),
            col("unmasked_columns", "Unmasked PII", "columns"),
            col("encrypted", "Encrypted at rest"));
    int n = 0;
    for (ExecutionRecord e : scan(f)) {
      ComplianceSummary c = e.compliance();
      if (c == null) {
        continue;
      }
      int unmasked = Math.max(0, c.piiColumnsDetected() - c.piiColumnsMasked());
      if ((!c.gdprCompliant() || !c.hipaaCompliant() || unmasked > 0) && n++ < 200) {
        t.row(
            e.executionId(),
            e.jobName(),
            e.startedAt().toString(),
            c.gdprCompliant() ? "compliant" : "violation",
            c.hipaaCompliant() ? "compliant" : "violation",
            unmasked,
            c.encryptedAtRest() ? "yes" : "no");
      }
    }
    return t.build();
  }

  /** The newest audit entries (at most {@code limit}), newest first. */
  public Table auditTrail(int limit) {
    List<AuditEntry> all = store.auditTrail();
    Table.Builder t =
        Table.with(
            col("sequence", "#"),
            col("at", "At (UTC)"),
            col("actor", "Actor"),
            col("action", "Action"),
            col("subject", "Subject"),
            col("details", "Details"),
            col("hash", "Hash (first 12)"));
    for (int i = all.size() - 1; i >= Math.max(0, all.size() - limit); i--) {
      AuditEntry a = all.get(i);
      t.row(
          a.sequence(),
          a.event().at().toString(),
          a.event().actor(),
          a.event().action(),
          a.event().subject(),
          a.event().details(),
          a.hash().substring(0, 12));
    }
    return t.build();
  }

  /** The whole audit chain in sequence order, with full hashes (admin export). */
  public Table auditExport() {
    Table.Builder t =
        Table.with(
            col("sequence", "#"),
            col("at", "At (UTC)"),
            col("actor", "Actor"),
            col("action", "Action"),
            col("subject", "Subject"),
            col("details", "Details"),
            col("previous_hash", "Previous hash"),
            col("hash", "Hash"));
    for (AuditEntry a : store.auditTrail()) {
      t.row(
          a.sequence(),
          a.event().at().toString(),
          a.event().actor(),
          a.event().action(),
          a.event().subject(),
          a.event().details(),
          a.previousHash(),
          a.hash());
    }
    return t.build();
  }

  /** The result of walking the audit hash chain. */
  public Table auditVerification() {
    AuditVerification v = store.verifyAudit();
    return Table.with(
            col("intact", "Intact"),
            col("entries_checked", "Entries checked", "entries"),
            col("first_bad_sequence", "First bad entry"),
            col("problem", "Problem"))
        .row(v.intact(), v.entriesChecked(), v.firstBadSequence(), v.problem())
        .build();
  }

  // ---- 7 Platforms -----------------------------------------------------------------------------

  /** Runs, success rate, cost and performance per platform. */
  public Table platforms(DashboardFilter f) {
    Map<String, double[]> byPlatform = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      double[] s = byPlatform.computeIfAbsent(e.platform(), k -> new double[6]);
      s[0]++;
      s[1] += e.status() == ExecutionStatus.SUCCEEDED ? 1 : 0;
      s[2] += e.totalCostUsd();
      s[3] += e.duration().toMillis() / 1000.0;
      s[4] += e.dataProcessedBytes();
      ExecutionMetrics m = e.metrics();
      s[5] += m == null ? 0 : m.recordsPerSecond();
    }
    Table.Builder t =
        Table.with(
            col("platform", "Platform"),
            col("runs", "Runs", "runs"),
            col("success_rate_pct", "Success rate", "%"),
            col("avg_cost_usd", "Average cost", "USD"),
            col("avg_duration_s", "Average duration", "s"),
            col("cost_per_gb_usd", "Cost per GB", "USD/GB"),
            col("avg_records_per_s", "Throughput", "records/s"));
    byPlatform.forEach(
        (p, s) ->
            t.row(
                p,
                (long) s[0],
                round(s[1] / s[0] * 100, 1),
                round(s[2] / s[0], 4),
                round(s[3] / s[0], 1),
                s[4] == 0 ? null : round(s[2] / (s[4] / 1e9), 4),
                round(s[5] / s[0], 0)));
    return t.build();
  }

  /** The Decision agent's choices in the window: chosen platform, how often, average confidence. */
  public Table platformDecisions(DashboardFilter f) {
    Map<String, double[]> byChoice = new TreeMap<>();
    for (ExecutionRecord e : scan(f)) {
      if (e.decision() == null) {
        continue;
      }
      String useCase = e.workload() == null ? "unknown" : sizeClass(e.workload().inputBytes());
      double[] s =
          byChoice.computeIfAbsent(
              useCase + "\u0000" + e.decision().platform(), k -> new double[3]);
      s[0]++;
      s[1] += e.decision().confidence();
      s[2] += e.totalCostUsd();
    }
    Table.Builder t =
        Table.with(
            col("use_case", "Input size"),
            col("platform", "Recommended platform"),
            col("runs", "Runs", "runs"),
            col("avg_confidence_pct", "Average confidence", "%"),
            col("avg_cost_usd", "Average cost", "USD"));
    byChoice.forEach(
        (k, s) -> {
          String[] parts = k.split("\u0000", 2);
          t.row(
              parts[0], parts[1], (long) s[0], round(s[1] / s[0] * 100, 1), round(s[2] / s[0], 4));
        });
    return t.build();
  }

  private static String sizeClass(long bytes) {
    if (bytes < 1L << 30) {
      return "a < 1 GiB";
    }
    if (bytes < 100L << 30) {
      return "b 1-100 GiB";
    }
    return "c >= 100 GiB";
  }

  // ---- 8 Agents --------------------------------------------------------------------------------

  /** Invocations per agent over the window's newest runs (at most {@code runLimit} runs). */
  public Table agents(DashboardFilter f, int runLimit) {
    Map<String, double[]> byAgent = new TreeMap<>();
    int n = 0;
    for (ExecutionRecord e : scan(f)) {
      if (n++ >= runLimit) {
        break;
      }
      for (AgentInvocation i : store.invocations(e.executionId())) {
        double[] s = byAgent.computeIfAbsent(i.agent(), k -> new double[6]);
        s[0]++;
        s[1] += i.durationMs();
        s[2] += i.success() ? 1 : 0;
        s[3] += i.tokensIn();
        s[4] += i.tokensOut();
        s[5] += i.tokenCostUsd();
      }
    }
    Table.Builder t =
        Table.with(
            col("agent", "Agent"),
            col("invocations", "Invocations", "calls"),
            col("avg_response_ms", "Average response", "ms"),
            col("success_rate_pct", "Success rate", "%"),
            col("tokens", "Tokens (in + out)", "tokens"),
            col("cost_per_invocation_usd", "Cost per invocation", "USD"));
    byAgent.forEach(
        (a, s) ->
            t.row(
                a,
                (long) s[0],
                round(s[1] / s[0], 1),
                round(s[2] / s[0] * 100, 1),
                (long) (s[3] + s[4]),
                round(s[5] / s[0], 6)));
    return t.build();
  }

  // ---- Run page --------------------------------------------------------------------------------

  public ExecutionRecord run(String id) {
    return store
        .findExecution(id)
        .orElseThrow(
            () ->
                new StrandsException(
                    ErrorCode.PATH_NOT_FOUND, "Cannot find execution: " + id + " (unknown id)"));
  }

  /** Metric rows of one run. */
  public Table runMetrics(String id) {
    ExecutionRecord e = run(id);
    Table.Builder t =
        Table.with(
            col("metric", "Metric"), col("value", "Value"), col("unit", "Unit"), col("key", "Key"));
    t.row("Job", e.jobName(), "", "job")
        .row("Status", e.status().name(), "", "status")
        .row("Platform", e.platform(), "", "platform")
        .row("Started (UTC)", e.startedAt().toString(), "", "started_at")
        .row("Duration", round(e.duration().toMillis() / 1000.0, 1), "s", "duration")
        .row("Cost", e.cost() == null ? null : round(e.cost().totalUsd(), 4), "USD", "cost");
    ExecutionMetrics m = e.metrics();
    if (m != null) {
      t.row("Data processed", m.dataProcessedBytes(), "bytes", "data_processed")
          .row("Data read", m.dataReadBytes(), "bytes", "data_read")
          .row("Data written", m.dataWrittenBytes(), "bytes", "data_written")
          .row("Shuffle read", m.shuffleReadBytes(), "bytes", "shuffle_read")
          .row("Shuffle write", m.shuffleWriteBytes(), "bytes", "shuffle_write")
          .row("Records", m.records(), "records", "records")
          .row("Throughput", round(m.recordsPerSecond(), 0), "records/s", "records_per_s")
          .row("Peak memory", m.memoryMaxBytes(), "bytes", "memory_max")
          .row("Memory utilisation", round(m.memoryUtilisation() * 100, 1), "%", "memory_util")
          .row("CPU utilisation", round(m.cpuUtilisation() * 100, 1), "%", "cpu_util");
    }
    if (e.error() != null) {
      t.row("Error", e.error().type() + ": " + e.error().message(), "", "error")
          .row("Retries", e.error().retries(), "", "retries");
    }
    if (e.decision() != null) {
      t.row("Platform decision", e.decision().platform(), "", "decision")
          .row("Decision confidence", round(e.decision().confidence() * 100, 1), "%", "confidence")
          .row("Decision reasoning", e.decision().reasoning(), "", "reasoning");
    }
    return t.build();
  }

  /** The run's findings with severity, summary and the run's recommendations (fixes). */
  public Table runFindings(String id) {
    ExecutionRecord e = run(id);
    Table.Builder t =
        Table.with(
            col("issue_type", "Issue type"),
            col("severity", "Severity"),
            col("summary", "What was seen"),
            col("fix", "Suggested fix"));
    List<String> fixes = e.recommendations();
    for (int i = 0; i < e.issues().size(); i++) {
      DetectedIssue issue = e.issues().get(i);
      t.row(
          issue.type(),
          issue.severity().name(),
          issue.summary(),
          i < fixes.size() ? fixes.get(i) : "");
    }
    for (int i = e.issues().size(); i < fixes.size(); i++) {
      t.row("recommendation", "", "", fixes.get(i));
    }
    return t.build();
  }

  /** The run's cost breakdown. */
  public Table runCost(String id) {
    CostBreakdown c = run(id).cost();
    Table.Builder t = Table.with(col("part", "Part"), col("cost_usd", "Cost", "USD"));
    if (c != null) {
      t.row("compute", round(c.computeUsd(), 4))
          .row("storage", round(c.storageUsd(), 4))
          .row("network", round(c.networkUsd(), 4))
          .row("ai", round(c.aiUsd(), 4))
          .row("total", round(c.totalUsd(), 4));
    }
    return t.build();
  }

  /**
   * What the same job cost per platform over its runs in the last 90 days (average per run), with
   * this run's platform marked: the measured comparison the store can give.
   */
  public Table runPlatforms(String id) {
    ExecutionRecord e = run(id);
    LocalDate day = LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC);
    DashboardFilter f = new DashboardFilter(day.minusDays(89), day, e.jobName(), null, null, null);
    Table all = platforms(f);
    Table.Builder t =
        Table.with(
            col("platform", "Platform"),
            col("runs", "Runs of this job", "runs"),
            col("avg_cost_usd", "Average cost", "USD"),
            col("avg_duration_s", "Average duration", "s"),
            col("success_rate_pct", "Success rate", "%"),
            col("this_run", "This run"));
    for (List<Object> r : all.rows()) {
      t.row(
          r.get(0),
          r.get(1),
          r.get(3),
          r.get(4),
          r.get(2),
          e.platform().equals(r.get(0)) ? "yes" : "");
    }
    return t.build();
  }

  /** Quality dimensions of one run. */
  public Table runQuality(String id) {
    ExecutionRecord e = run(id);
    Table.Builder t = Table.with(col("dimension", "Dimension"), col("score_pct", "Score", "%"));
    if (e.quality() != null) {
      QualityScores q = e.quality().scores();
      t.row("overall", round(q.overall() * 100, 1))
          .row("completeness", round(q.completeness() * 100, 1))
          .row("accuracy", round(q.accuracy() * 100, 1))
          .row("consistency", round(q.consistency() * 100, 1))
          .row("timeliness", round(q.timeliness() * 100, 1))
          .row("validity", round(q.validity() * 100, 1));
    }
    return t.build();
  }

  /** Compliance checks of one run. */
  public Table runCompliance(String id) {
    ComplianceSummary c = run(id).compliance();
    Table.Builder t = Table.with(col("check", "Check"), col("result", "Result"));
    if (c != null) {
      t.row("GDPR", c.gdprCompliant() ? "compliant" : "violation")
          .row("HIPAA", c.hipaaCompliant() ? "compliant" : "violation")
          .row("PII columns detected", c.piiColumnsDetected())
          .row("PII columns masked", c.piiColumnsMasked())
          .row("Retention applied", c.retentionApplied() ? "yes" : "no")
          .row("Encrypted at rest", c.encryptedAtRest() ? "yes" : "no")
          .row("Encrypted in transit", c.encryptedInTransit() ? "yes" : "no")
          .row("Audit logged", c.auditLogged() ? "yes" : "no")
          .row("Classification", c.classification());
    }
    return t.build();
  }

  /** The agents' invocations of one run, by time. */
  public Table runAgents(String id) {
    run(id);
    Table.Builder t =
        Table.with(
            col("agent", "Agent"),
            col("tool", "Tool"),
            col("at", "Started (UTC)"),
            col("duration_ms", "Duration", "ms"),
            col("success", "Success"),
            col("tokens", "Tokens", "tokens"),
            col("cost_usd", "Token cost", "USD"),
            col("output", "Output"));
    for (AgentInvocation i : store.invocations(id)) {
      t.row(
          i.agent(),
          i.tool(),
          i.at().toString(),
          i.durationMs(),
          i.success(),
          i.tokensIn() + i.tokensOut(),
          round(i.tokenCostUsd(), 6),
          i.success() ? i.outputSummary() : i.error());
    }
    return t.build();
  }

  /** Distinct jobs, platforms and teams seen in the newest runs, for the filter bar. */
  public Map<String, List<String>> filterChoices() {
    Set<String> jobs = new java.util.TreeSet<>();
    Set<String> platforms = new java.util.TreeSet<>();
    Set<String> teams = new java.util.TreeSet<>();
    for (ExecutionRecord e :
        store.listExecutions(new ExecutionQuery(null, null, null, Math.min(scanLimit, 5000)))) {
      jobs.add(e.jobName());
      platforms.add(e.platform());
      String team = e.tags().get("team");
      if (team != null) {
        teams.add(team);
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("job", List.copyOf(jobs));
    out.put("team", List.copyOf(teams));
    out.put("platform", List.copyOf(platforms));
    out.put("status", java.util.Arrays.stream(ExecutionStatus.values()).map(Enum::name).toList());
    return out;
  }

  static double pct(long part, long whole) {
    return whole == 0 ? 0 : round(part * 100.0 / whole, 1);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
