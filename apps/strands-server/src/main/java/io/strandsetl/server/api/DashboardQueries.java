package io.strandsetl.server.api;

import static io.strandsetl.server.api.Table.col;

import io.strandsetl.cost.CostEngine;
import io.strandsetl.cost.forecast.Forecast;
import io.strandsetl.cost.forecast.ForecastPoint;
import io.strandsetl.cost.trend.CostPoint;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AgentStats;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.Dimension;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.ExecutionSummary;
import io.strandsetl.model.store.IssueCount;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueStatus;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.RunFilter;
import io.strandsetl.model.store.RunStats;
import io.strandsetl.model.store.RunningExecution;
import io.strandsetl.model.store.StageSummary;
import io.strandsetl.model.store.TimeBucket;
import io.strandsetl.model.store.TrackingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The data behind every chart and table of the dashboard, read through the {@link TrackingStore}
 * SPI only: the store's filtered read queries ({@link TrackingStore#runsBy}, {@link
 * TrackingStore#runsOverTime}, {@link TrackingStore#issueCounts}, {@link TrackingStore#agentStats},
 * {@link TrackingStore#executions}, ...), which read rollups and indexes, so a request does not
 * grow with the number of stored executions. Each method takes the global filter and returns a
 * {@link Table}.
 *
 * <p>Units: money in USD, durations in seconds (ms where stated), scores and rates in percent
 * (0–100), sizes in bytes.
 */
public final class DashboardQueries {
  /** Full records read for lists that need more than the summaries (suggestions). */
  static final int SAMPLE_RECORDS = 100;

  /** Newest quality measurements read for the Quality page's alerts and anomalies. */
  static final int QUALITY_WINDOW = 2000;

  /** Most jobs listed by per-job tables that read one query per job. */
  static final int MAX_JOBS = 30;

  /** How old the cached audit-chain verification may get before it is redone in the background. */
  static final Duration AUDIT_RECHECK = Duration.ofHours(1);

  private final TrackingStore store;
  private final Clock clock;
  private final double monthlyBudgetUsd;
  private final double qualityAlertBelow;
  private final Executor background;
  private final CostEngine costEngine;
  private volatile CompletableFuture<Checked> audit;

  /** A verification and when it finished. */
  record Checked(AuditVerification verification, Instant at) {}

  /**
   * @param monthlyBudgetUsd monthly budget, USD; 0 = none
   * @param qualityAlertBelow overall quality (fraction) under which a measurement is an alert
   * @param background runs the audit-chain verification (a walk over the whole chain)
   * @param costEngine makes the cost forecast
   */
  public DashboardQueries(
      TrackingStore store,
      Clock clock,
      double monthlyBudgetUsd,
      double qualityAlertBelow,
      Executor background,
      CostEngine costEngine) {
    this.store = store;
    this.clock = clock;
    this.monthlyBudgetUsd = monthlyBudgetUsd;
    this.qualityAlertBelow = qualityAlertBelow;
    this.background = background;
    this.costEngine = costEngine;
  }

  public TrackingStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  static RunFilter runFilter(DashboardFilter f) {
    return new RunFilter(f.from(), f.to(), f.job(), f.team(), f.platform(), f.status());
  }

  /** Totals over everything that matches the filter. */
  RunStats totals(DashboardFilter f) {
    RunStats sum = RunStats.empty("all");
    for (RunStats s : store.runsBy(runFilter(f), Dimension.STATUS, 10)) {
      sum = sum.plus(s);
    }
    return sum;
  }

  // ---- 1 Overview ------------------------------------------------------------------------------

  /** Executions per status in the window and on its last day. */
  public Table statusCounts(DashboardFilter f) {
    Map<String, Long> window = statusCountsOf(f);
    Map<String, Long> lastDay = statusCountsOf(f.withDays(f.to(), f.to()));
    Table.Builder t =
        Table.with(
            col("status", "Status"),
            col("executions", "Executions", "runs"),
            col("last_day", "On " + f.to(), "runs"));
    for (ExecutionStatus s : ExecutionStatus.values()) {
      t.row(s.name(), window.getOrDefault(s.name(), 0L), lastDay.getOrDefault(s.name(), 0L));
    }
    return t.build();
  }

  /**
   * Runs per status name. Without a team, platform or status filter, from the daily cost trends
   * (runs, successes, failures per day: cancelled = the rest) of the job or of all jobs: a row per
   * day instead of the window's run rollups.
   */
  private Map<String, Long> statusCountsOf(DashboardFilter f) {
    if (f.team() != null || f.platform() != null || f.status() != null) {
      return byKey(store.runsBy(runFilter(f), Dimension.STATUS, 10));
    }
    long runs = 0;
    long succeeded = 0;
    long failed = 0;
    String job = f.job() == null ? io.strandsetl.model.store.CostTrend.ALL_JOBS : f.job();
    for (io.strandsetl.model.store.CostTrend c :
        store.costTrends(io.strandsetl.model.store.Period.DAY, job, f.from(), f.to())) {
      runs += c.runs();
      succeeded += c.successes();
      failed += c.failures();
    }
    Map<String, Long> counts = new TreeMap<>();
    counts.put(ExecutionStatus.SUCCEEDED.name(), succeeded);
    counts.put(ExecutionStatus.FAILED.name(), failed);
    counts.put(ExecutionStatus.CANCELLED.name(), runs - succeeded - failed);
    return counts;
  }

  private static Map<String, Long> byKey(List<RunStats> stats) {
    Map<String, Long> runs = new TreeMap<>();
    stats.forEach(s -> runs.put(s.key(), s.runs()));
    return runs;
  }

  /** Headline numbers: executions, success rate, cost, duration, quality. */
  public Table quickMetrics(DashboardFilter f) {
    RunStats all = totals(f);
    QualityScores quality = all.averageQuality();
    return Table.with(
            col("metric", "Metric"), col("value", "Value"), col("unit", "Unit"), col("key", "Key"))
        .row("Executions", all.runs(), "runs", "executions")
        .row("Success rate", round(all.successRate() * 100, 1), "%", "success_rate")
        .row("Failed", all.failures(), "runs", "failed")
        .row("Total cost", round(all.costUsd(), 2), "USD", "total_cost")
        .row("Average cost", round(all.averageCostUsd(), 4), "USD", "avg_cost")
        .row("Average duration", round(all.averageDurationMs() / 1000.0, 1), "s", "avg_duration")
        .row(
            "Average quality",
            quality == null ? null : round(quality.overall() * 100, 1),
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
            col("team", "Team"),
            col("platform", "Platform"),
            col("status", "Status"),
            col("started_at", "Started (UTC)"),
            col("duration_s", "Duration", "s"),
            col("cost_usd", "Cost", "USD"),
            col("quality_pct", "Quality", "%"));
    for (ExecutionSummary e : store.executions(runFilter(f), limit)) {
      t.row(
          e.executionId(),
          e.jobName(),
          e.jobType().name(),
          e.team(),
          e.platform(),
          e.status().name(),
          e.startedAt().toString(),
          round(e.durationMs() / 1000.0, 1),
          e.costUsd() == null ? null : round(e.costUsd(), 4),
          e.qualityOverall() == null ? null : round(e.qualityOverall() * 100, 1));
    }
    return t.build();
  }

  /**
   * Runs started and not yet recorded that pass the job, team and platform filters (days and status
   * do not apply: this is "now"), oldest first, each RUNNING or ABANDONED (its process is gone, or
   * it is older than {@link RunningExecution#MAX_AGE}).
   */
  public Table running(DashboardFilter f) {
    Instant now = clock.instant();
    Table.Builder t =
        Table.with(
            col("running_id", "Execution"),
            col("job", "Job"),
            col("team", "Team"),
            col("platform", "Platform"),
            col("state", "State"),
            col("started_at", "Started (UTC)"),
            col("running_for_s", "Running for", "s"),
            col("host", "Host"),
            col("pid", "Process id"));
    for (RunningExecution r : running(f, now)) {
      t.row(
          r.executionId(),
          r.jobName(),
          r.team(),
          r.platform(),
          r.stateAt(now, RunningExecution.localHost()).name(),
          r.startedAt().toString(),
          round(Math.max(0, Duration.between(r.startedAt(), now).toMillis()) / 1000.0, 1),
          r.host(),
          r.pid());
    }
    return t.build();
  }

  /** How many runs are running now and how many markers are abandoned (see {@link #running}). */
  public Table runningCounts(DashboardFilter f) {
    Instant now = clock.instant();
    long running = 0;
    long abandoned = 0;
    for (RunningExecution r : running(f, now)) {
      if (r.stateAt(now, RunningExecution.localHost()) == RunningExecution.State.RUNNING) {
        running++;
      } else {
        abandoned++;
      }
    }
    return Table.with(
            col("metric", "Metric"), col("value", "Value"), col("unit", "Unit"), col("key", "Key"))
        .row("Running now", running, "runs", "running")
        .row("Abandoned (process gone or older than 24 h)", abandoned, "runs", "abandoned")
        .build();
  }

  private List<RunningExecution> running(DashboardFilter f, Instant now) {
    return store.running().stream()
        .filter(r -> f.job() == null || f.job().equals(r.jobName()))
        .filter(r -> f.team() == null || f.team().equals(r.team()))
        .filter(r -> f.platform() == null || f.platform().equals(r.platform()))
        .toList();
  }

  // ---- 2 Timeline ------------------------------------------------------------------------------

  /** The newest runs (at most {@code limit}) with start and end, oldest first, for the Gantt. */
  public Table timeline(DashboardFilter f, int limit) {
    List<ExecutionSummary> shown = new ArrayList<>(store.executions(runFilter(f), limit));
    shown.sort(
        Comparator.comparing(ExecutionSummary::startedAt)
            .thenComparing(ExecutionSummary::executionId));
    Table.Builder t =
        Table.with(
            col("execution_id", "Execution"),
            col("job", "Job"),
            col("status", "Status"),
            col("platform", "Platform"),
            col("started_at", "Started (UTC)"),
            col("ended_at", "Ended (UTC)"),
            col("duration_s", "Duration", "s"));
    for (ExecutionSummary e : shown) {
      t.row(
          e.executionId(),
          e.jobName(),
          e.status().name(),
          e.platform(),
          e.startedAt().toString(),
          e.endedAt().toString(),
          round(e.durationMs() / 1000.0, 1));
    }
    return t.build();
  }

  // ---- 3 Cost ----------------------------------------------------------------------------------

  /** Cost per UTC day, ISO week (from Monday) or calendar month. */
  public Table costTrend(DashboardFilter f, String period) {
    TimeBucket bucket;
    try {
      bucket = TimeBucket.valueOf((period == null ? "day" : period).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid period: '" + period + "' (known: day, week, month)");
    }
    Table.Builder t =
        Table.with(
            col("period_start", "Period start"),
            col("cost_usd", "Cost", "USD"),
            col("runs", "Runs", "runs"),
            col("avg_cost_usd", "Average cost", "USD"));
    if (f.team() == null && f.platform() == null && f.status() == null) {
      // Same sums from the daily cost trends (one row per day of the job or of all jobs) instead
      // of the run rollups (~1,200 rows per day at 1M executions a year), bucketed here.
      TreeMap<LocalDate, double[]> buckets = new TreeMap<>();
      String job = f.job() == null ? io.strandsetl.model.store.CostTrend.ALL_JOBS : f.job();
      for (io.strandsetl.model.store.CostTrend c :
          store.costTrends(io.strandsetl.model.store.Period.DAY, job, f.from(), f.to())) {
        double[] sum = buckets.computeIfAbsent(bucket.startOf(c.periodStart()), k -> new double[2]);
        sum[0] += c.costUsd();
        sum[1] += c.runs();
      }
      buckets.forEach(
          (start, sum) ->
              t.row(
                  start.toString(),
                  round(sum[0], 2),
                  (long) sum[1],
                  round(sum[1] == 0 ? 0 : sum[0] / sum[1], 4)));
      return t.build();
    }
    for (RunStats s : store.runsOverTime(runFilter(f), bucket)) {
      t.row(s.key(), round(s.costUsd(), 2), s.runs(), round(s.averageCostUsd(), 4));
    }
    return t.build();
  }

  /** Cost per job, most expensive first; at most {@code limit} rows. */
  public Table costByJob(DashboardFilter f, int limit) {
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("cost_usd", "Cost", "USD"),
            col("runs", "Runs", "runs"),
            col("avg_cost_usd", "Average cost", "USD"),
            col("avg_duration_s", "Average duration", "s"),
            col("success_rate_pct", "Success rate", "%"));
    for (JobTotal s : mostExpensiveJobs(f, limit)) {
      t.row(
          s.key(),
          round(s.costUsd(), 2),
          s.runs(),
          round(s.costUsd() / s.runs(), 4),
          round((double) s.durationMs() / s.runs() / 1000.0, 1),
          round((double) s.successes() / s.runs() * 100, 1));
    }
    return t.build();
  }

  /** Cost per job type (pipeline run by Strands or imported event log). */
  public Table costByJobType(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("job_type", "Job type"),
            col("cost_usd", "Cost", "USD"),
            col("runs", "Runs", "runs"));
    for (RunStats s : store.runsBy(runFilter(f), Dimension.JOB_TYPE, 10)) {
      t.row(s.key(), round(s.costUsd(), 2), s.runs());
    }
    return t.build();
  }

  /**
   * Daily cost, then the cost engine's forecast ({@code cost.forecast.days} days, Holt-Winters or
   * linear, with 80% bounds). History: the window, or the 90 days up to its last day if longer;
   * days without runs count $0. Actual values are shown for the window only.
   */
  public Table costForecast(DashboardFilter f) {
    TreeMap<LocalDate, Double> history = forecastHistory(f);
    Forecast forecast = forecast(history, f);
    Table.Builder t =
        Table.with(
            col("day", "Day"),
            col("actual_usd", "Actual", "USD"),
            col("forecast_usd", "Forecast", "USD"),
            col("low_usd", "Low (80%)", "USD"),
            col("high_usd", "High (80%)", "USD"));
    history
        .subMap(f.from(), true, f.to(), true)
        .forEach((d, usd) -> t.row(d.toString(), round(usd, 2), null, null, null));
    for (ForecastPoint p : forecast.points()) {
      t.row(
          p.day().toString(),
          null,
          round(p.expectedUsd(), 2),
          round(p.lowerUsd(), 2),
          round(p.upperUsd(), 2));
    }
    return t.build();
  }

  /** How the forecast was made and its totals over the horizon. */
  public Table costForecastSummary(DashboardFilter f) {
    Forecast forecast = forecast(forecastHistory(f), f);
    return Table.with(
            col("method", "Method"),
            col("history_days", "History", "days"),
            col("horizon_days", "Horizon", "days"),
            col("total_usd", "Expected total", "USD"),
            col("total_low_usd", "Low total (80%)", "USD"),
            col("total_high_usd", "High total (80%)", "USD"),
            col("backtest_mape_pct", "Backtest error (MAPE, last 7 days)", "%"),
            col("reason", "Why this method"))
        .row(
            forecast.method().name(),
            forecast.historyDays(),
            forecast.points().size(),
            round(forecast.totalUsd(), 2),
            round(forecast.totalLowerUsd(), 2),
            round(forecast.totalUpperUsd(), 2),
            forecast.backtestMapePercent() == null
                ? null
                : round(forecast.backtestMapePercent(), 1),
            forecast.reason())
        .build();
  }

  /** Daily cost of the window, or of the 90 days up to its last day if longer (one query). */
  private TreeMap<LocalDate, Double> forecastHistory(DashboardFilter f) {
    LocalDate first = f.from().isBefore(f.to().minusDays(89)) ? f.from() : f.to().minusDays(89);
    return dailyCost(f.withDays(first, f.to()));
  }

  private Forecast forecast(TreeMap<LocalDate, Double> history, DashboardFilter f) {
    List<CostPoint> points = new ArrayList<>();
    history.forEach((day, usd) -> points.add(new CostPoint(day, "*", null, null, usd)));
    return costEngine.forecast(points, f.to());
  }

  /** Cost per day of the filter's days, 0 on days without runs, USD. */
  private TreeMap<LocalDate, Double> dailyCost(DashboardFilter f) {
    TreeMap<LocalDate, Double> daily = new TreeMap<>();
    for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
      daily.put(d, 0.0);
    }
    if (f.team() == null && f.platform() == null && f.status() == null) {
      // The store's daily cost trends (per job, or of all jobs) hold the same sums of
      // cost.totalUsd by the execution's start day in one row per day: 90 rows instead of
      // ~110,000 run_rollups rows at 1M executions (bench/README.md "Dashboard").
      String job = f.job() == null ? io.strandsetl.model.store.CostTrend.ALL_JOBS : f.job();
      for (io.strandsetl.model.store.CostTrend c :
          store.costTrends(io.strandsetl.model.store.Period.DAY, job, f.from(), f.to())) {
        daily.put(c.periodStart(), c.costUsd());
      }
      return daily;
    }
    for (RunStats s : store.runsOverTime(runFilter(f), TimeBucket.DAY)) {
      daily.put(LocalDate.parse(s.key()), s.costUsd());
    }
    return daily;
  }

  /**
   * The spend of the month that contains the filter's last day, up to that day, against the monthly
   * budget: burn rate = actual / days elapsed (USD per day), projection = burn rate × days in the
   * month.
   */
  public Table budget(DashboardFilter f) {
    LocalDate today = f.to();
    LocalDate monthStart = today.withDayOfMonth(1);
    double actual = totals(f.withDays(monthStart, today)).costUsd();
    double burn = actual / today.getDayOfMonth();
    double projected = burn * today.lengthOfMonth();
    boolean hasBudget = monthlyBudgetUsd > 0;
    return Table.with(
            col("month", "Month"),
            col("budget_usd", "Budget", "USD"),
            col("actual_usd", "Actual", "USD"),
            col("used_pct", "Used", "%"),
            col("burn_rate_usd_per_day", "Burn rate", "USD/day"),
            col("projected_usd", "Projected month end", "USD"),
            col("projected_pct", "Projected", "%"))
        .row(
            monthStart.toString().substring(0, 7),
            hasBudget ? round(monthlyBudgetUsd, 2) : null,
            round(actual, 2),
            hasBudget ? round(actual / monthlyBudgetUsd * 100, 1) : null,
            round(burn, 2),
            round(projected, 2),
            hasBudget ? round(projected / monthlyBudgetUsd * 100, 1) : null)
        .build();
  }

  /**
   * Optimisation suggestions: the recommendations recorded on the newest runs (full records of at
   * most {@link #SAMPLE_RECORDS}), most frequent first, and per job the cheapest platform that
   * succeeded at least 90% of the time when it is cheaper than the job's usual one.
   */
  public Table costSuggestions(DashboardFilter f) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Double> costOfRuns = new TreeMap<>();
    for (ExecutionSummary e : store.executions(runFilter(f), SAMPLE_RECORDS)) {
      Optional<ExecutionRecord> record = store.findExecution(e.executionId());
      if (record.isEmpty()) {
        continue;
      }
      for (String r : record.get().recommendations()) {
        counts.computeIfAbsent(r, k -> new long[1])[0]++;
        costOfRuns.merge(r, record.get().totalCostUsd(), Double::sum);
      }
    }
    List<String> sorted = new ArrayList<>(counts.keySet());
    sorted.sort(Comparator.comparing((String r) -> -counts.get(r)[0]).thenComparing(r -> r));
    Table.Builder t =
        Table.with(
            col("suggestion", "Suggestion"),
            col("runs", "Runs it applies to", "runs"),
            col("cost_of_runs_usd", "Cost of those runs", "USD"),
            col("saving_usd", "Estimated saving in the window", "USD"));
    for (List<Object> r : platformAdvice(f).rows()) {
      if (r.get(6) != null && ((Double) r.get(6)) > 0) {
        t.row(
            "Run " + r.get(0) + " on " + r.get(3) + " instead of " + r.get(1),
            r.get(7),
            null,
            r.get(6));
      }
    }
    for (String r : sorted.subList(0, Math.min(20, sorted.size()))) {
      t.row(r, counts.get(r)[0], round(costOfRuns.get(r), 2), null);
    }
    return t.build();
  }

  // ---- 4 Quality -------------------------------------------------------------------------------

  /** Average overall and per-dimension quality per UTC day. */
  public Table qualityTrend(DashboardFilter f) {
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
    for (RunStats s : store.runsOverTime(runFilter(f), TimeBucket.DAY)) {
      QualityScores q = s.averageQuality();
      if (q != null) {
        t.row(
            s.key(),
            pct(q.overall()),
            pct(q.completeness()),
            pct(q.accuracy()),
            pct(q.consistency()),
            pct(q.timeliness()),
            pct(q.validity()),
            s.qualityRuns());
      }
    }
    return t.build();
  }

  /** Average of each of the five dimensions over the window. */
  public Table qualityDimensions(DashboardFilter f) {
    QualityScores q = totals(f).averageQuality();
    Table.Builder t = Table.with(col("dimension", "Dimension"), col("score_pct", "Score", "%"));
    t.row("completeness", q == null ? null : pct(q.completeness()))
        .row("accuracy", q == null ? null : pct(q.accuracy()))
        .row("consistency", q == null ? null : pct(q.consistency()))
        .row("timeliness", q == null ? null : pct(q.timeliness()))
        .row("validity", q == null ? null : pct(q.validity()));
    return t.build();
  }

  /**
   * Measurements whose overall score is below the alert threshold, among the newest {@link
   * #QUALITY_WINDOW} of the window, newest first (at most 100).
   */
  public Table qualityAlerts(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("execution_id", "Execution"),
            col("job", "Job"),
            col("dataset", "Dataset"),
            col("at", "Measured (UTC)"),
            col("overall_pct", "Overall", "%"),
            col("trend", "Trend"),
            col("threshold_pct", "Threshold", "%"));
    int n = 0;
    for (QualityHistoryEntry q : store.qualityHistory(runFilter(f), QUALITY_WINDOW)) {
      if (q.scores().overall() < qualityAlertBelow && n++ < 100) {
        t.row(
            q.executionId(),
            q.jobName(),
            q.dataset(),
            q.at().toString(),
            pct(q.scores().overall()),
            q.trend().name(),
            pct(qualityAlertBelow));
      }
    }
    return t.build();
  }

  /** Anomalies recorded with the newest {@link #QUALITY_WINDOW} measurements, newest first. */
  public Table qualityAnomalies(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("execution_id", "Execution"),
            col("job", "Job"),
            col("dataset", "Dataset"),
            col("at", "Measured (UTC)"),
            col("anomaly", "Anomaly"));
    int n = 0;
    for (QualityHistoryEntry q : store.qualityHistory(runFilter(f), QUALITY_WINDOW)) {
      for (String anomaly : q.anomalies()) {
        if (n++ < 100) {
          t.row(q.executionId(), q.jobName(), q.dataset(), q.at().toString(), anomaly);
        }
      }
    }
    return t.build();
  }

  /** Profiling results: per dataset, its newest measurement in the window's newest ones. */
  public Table qualityProfiles(DashboardFilter f) {
    Map<String, QualityHistoryEntry> latest = new TreeMap<>();
    for (QualityHistoryEntry q : store.qualityHistory(runFilter(f), QUALITY_WINDOW)) {
      latest.putIfAbsent(q.jobName() + "\u0000" + q.dataset(), q);
    }
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("dataset", "Dataset"),
            col("execution_id", "Latest run"),
            col("overall_pct", "Overall", "%"),
            col("completeness_pct", "Completeness", "%"),
            col("accuracy_pct", "Accuracy", "%"),
            col("consistency_pct", "Consistency", "%"),
            col("timeliness_pct", "Timeliness", "%"),
            col("validity_pct", "Validity", "%"),
            col("trend", "Trend"));
    latest.values().stream()
        .limit(200)
        .forEach(
            q -> {
              QualityScores s = q.scores();
              t.row(
                  q.jobName(),
                  q.dataset(),
                  q.executionId(),
                  pct(s.overall()),
                  pct(s.completeness()),
                  pct(s.accuracy()),
                  pct(s.consistency()),
                  pct(s.timeliness()),
                  pct(s.validity()),
                  q.trend().name());
            });
    return t.build();
  }

  // ---- 5 Issues --------------------------------------------------------------------------------

  /** Registry entries of the filter's job seen within the window. */
  private List<IssueEntry> registry(DashboardFilter f) {
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

  /** Occurrences per (issue type, job) in the window, for the heat map. */
  public Table issueHeatmap(DashboardFilter f) {
    Map<String, Long> cells = new TreeMap<>();
    for (IssueCount c : store.issueCounts(runFilter(f), Dimension.JOB)) {
      cells.merge(c.issueType() + "\u0000" + c.group(), c.occurrences(), Long::sum);
    }
    Table.Builder t =
        Table.with(
            col("issue_type", "Issue type"),
            col("job", "Job"),
            col("occurrences", "Occurrences", "runs"));
    cells.forEach(
        (k, n) -> {
          String[] parts = k.split("\u0000", 2);
          t.row(parts[0], parts[1], n);
        });
    return t.build();
  }

  /** Occurrences in the window and active registry entries per severity, most severe first. */
  public Table issuesBySeverity(DashboardFilter f) {
    Map<Severity, long[]> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, new long[2]);
    }
    // Grouped by job only to be summed: the store answers by job from its narrow rollup.
    for (IssueCount c : store.issueCounts(runFilter(f), Dimension.JOB)) {
      counts.get(c.severity())[0] += c.occurrences();
    }
    for (IssueEntry i : registry(f)) {
      if (i.status().isActive()) {
        counts.get(i.severity())[1]++;
      }
    }
    Table.Builder t =
        Table.with(
            col("severity", "Severity"),
            col("occurrences", "Occurrences", "runs"),
            col("active", "Open or reopened", "count"));
    counts.forEach((s, c) -> t.row(s.name(), c[0], c[1]));
    return t.build();
  }

  /** Registry entries seen in the window, most occurrences first; at most {@code limit}. */
  public Table topIssues(DashboardFilter f, int limit, boolean activeOnly) {
    List<IssueEntry> sorted = new ArrayList<>(registry(f));
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
            col("occurrences", "Occurrences (all time)", "runs"),
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

  /** Registry entries seen in the window per resolution status. */
  public Table issueStatus(DashboardFilter f) {
    Map<IssueStatus, Long> counts = new EnumMap<>(IssueStatus.class);
    for (IssueStatus s : IssueStatus.values()) {
      counts.put(s, 0L);
    }
    registry(f).forEach(i -> counts.merge(i.status(), 1L, Long::sum));
    Table.Builder t = Table.with(col("status", "Status"), col("issues", "Issues", "count"));
    counts.forEach((s, n) -> t.row(s.name(), n));
    return t.build();
  }

  /** Issue occurrences per UTC day by severity. */
  public Table issueTrend(DashboardFilter f) {
    TreeMap<String, long[]> perDay = new TreeMap<>();
    for (IssueCount c : store.issueCounts(runFilter(f), Dimension.DAY)) {
      perDay
              .computeIfAbsent(c.group(), k -> new long[Severity.values().length])[
              c.severity().ordinal()] +=
          c.occurrences();
    }
    Table.Builder t =
        Table.with(
            col("day", "Day"),
            col("critical", "Critical", "runs"),
            col("high", "High", "runs"),
            col("medium", "Medium", "runs"),
            col("low", "Low", "runs"));
    perDay.forEach((d, c) -> t.row(d, c[0], c[1], c[2], c[3]));
    return t.build();
  }

  // ---- 6 Compliance ----------------------------------------------------------------------------

  /** The cached audit verification, refreshed in the background when older than an hour. */
  Optional<Checked> auditCheck() {
    CompletableFuture<Checked> current = audit;
    Instant now = clock.instant();
    if (current == null
        || (current.isDone()
            && (current.isCompletedExceptionally()
                || current.join().at().isBefore(now.minus(AUDIT_RECHECK))))) {
      synchronized (this) {
        if (current == audit) {
          audit =
              CompletableFuture.supplyAsync(
                  () -> new Checked(store.verifyAudit(), clock.instant()), background);
        }
      }
    }
    CompletableFuture<Checked> latest = audit;
    if (latest.isDone() && !latest.isCompletedExceptionally()) {
      return Optional.of(latest.join());
    }
    // While a re-check runs, the previous result is still worth showing.
    return current != null && current.isDone() && !current.isCompletedExceptionally()
        ? Optional.of(current.join())
        : Optional.empty();
  }

  /** Starts the first audit verification (the server calls this at start). */
  public void startAuditCheck() {
    auditCheck();
  }

  /** GDPR score, HIPAA status, PII counts and audit-chain state as metric rows. */
  public Table complianceSummary(DashboardFilter f) {
    RunStats all = totals(f);
    Optional<Checked> check = auditCheck();
    String chain =
        check.map(c -> c.verification().intact() ? "intact" : "BROKEN").orElse("checking");
    return Table.with(
            col("metric", "Metric"), col("value", "Value"), col("unit", "Unit"), col("key", "Key"))
        .row("Runs assessed", all.complianceRuns(), "runs", "assessed")
        .row(
            "GDPR score (compliant runs)",
            share(all.gdprCompliantRuns(), all.complianceRuns()),
            "%",
            "gdpr_score")
        .row(
            "HIPAA compliant runs",
            share(all.hipaaCompliantRuns(), all.complianceRuns()),
            "%",
            "hipaa_score")
        .row(
            "GDPR violations",
            all.complianceRuns() - all.gdprCompliantRuns(),
            "runs",
            "gdpr_violations")
        .row(
            "HIPAA violations",
            all.complianceRuns() - all.hipaaCompliantRuns(),
            "runs",
            "hipaa_violations")
        .row("PII columns detected", all.piiColumnsDetected(), "columns", "pii_detected")
        .row("PII columns masked", all.piiColumnsMasked(), "columns", "pii_masked")
        .row("Audit chain", chain, "", "audit_chain")
        .build();
  }

  /** PII per job over the window: summed column counts (never values), most columns first. */
  public Table piiByJob(DashboardFilter f) {
    List<RunStats> jobs = new ArrayList<>(store.runsBy(runFilter(f), Dimension.JOB, 1000));
    jobs.removeIf(s -> s.complianceRuns() == 0);
    jobs.sort(
        Comparator.comparingLong((RunStats s) -> -s.piiColumnsDetected())
            .thenComparing(RunStats::key));
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("runs", "Runs assessed", "runs"),
            col("pii_columns", "PII columns detected", "columns"),
            col("masked_columns", "Masked", "columns"),
            col("unmasked_columns", "Left unmasked", "columns"));
    for (RunStats s : jobs.subList(0, Math.min(50, jobs.size()))) {
      t.row(
          s.key(),
          s.complianceRuns(),
          s.piiColumnsDetected(),
          s.piiColumnsMasked(),
          Math.max(0, s.piiColumnsDetected() - s.piiColumnsMasked()));
    }
    return t.build();
  }

  /** Jobs with GDPR or HIPAA violations or unmasked PII in the window, most violations first. */
  public Table complianceViolations(DashboardFilter f) {
    List<RunStats> jobs = new ArrayList<>(store.runsBy(runFilter(f), Dimension.JOB, 1000));
    jobs.removeIf(
        s ->
            s.gdprCompliantRuns() == s.complianceRuns()
                && s.hipaaCompliantRuns() == s.complianceRuns()
                && s.piiColumnsMasked() >= s.piiColumnsDetected());
    jobs.sort(
        Comparator.comparingLong(
                (RunStats s) ->
                    -(2 * s.complianceRuns() - s.gdprCompliantRuns() - s.hipaaCompliantRuns()))
            .thenComparing(RunStats::key));
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("runs", "Runs assessed", "runs"),
            col("gdpr_violations", "GDPR violations", "runs"),
            col("hipaa_violations", "HIPAA violations", "runs"),
            col("unmasked_columns", "PII left unmasked", "columns"));
    for (RunStats s : jobs) {
      t.row(
          s.key(),
          s.complianceRuns(),
          s.complianceRuns() - s.gdprCompliantRuns(),
          s.complianceRuns() - s.hipaaCompliantRuns(),
          Math.max(0, s.piiColumnsDetected() - s.piiColumnsMasked()));
    }
    return t.build();
  }

  /** The newest audit entries (at most {@code limit}), newest first. */
  public Table auditTrail(int limit) {
    Table.Builder t =
        Table.with(
            col("sequence", "#"),
            col("at", "At (UTC)"),
            col("actor", "Actor"),
            col("action", "Action"),
            col("subject", "Subject"),
            col("details", "Details"),
            col("hash", "Hash (first 12)"));
    for (AuditEntry a : store.recentAudit(limit)) {
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

  /** The latest audit-chain verification (whole chain, cached; see {@link #AUDIT_RECHECK}). */
  public Table auditVerification() {
    Optional<Checked> check = auditCheck();
    Table.Builder t =
        Table.with(
            col("state", "Chain"),
            col("entries_checked", "Entries checked", "entries"),
            col("first_bad_sequence", "First bad entry"),
            col("problem", "Problem"),
            col("checked_at", "Checked at (UTC)"));
    if (check.isEmpty()) {
      t.row("checking", null, null, "verification is running", null);
    } else {
      AuditVerification v = check.get().verification();
      t.row(
          v.intact() ? "intact" : "BROKEN",
          v.entriesChecked(),
          v.firstBadSequence(),
          v.problem(),
          check.get().at().toString());
    }
    return t.build();
  }

  // ---- 7 Platforms -----------------------------------------------------------------------------

  /** Runs, success rate, cost and performance per platform. */
  public Table platforms(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("platform", "Platform"),
            col("runs", "Runs", "runs"),
            col("success_rate_pct", "Success rate", "%"),
            col("avg_cost_usd", "Average cost", "USD"),
            col("avg_duration_s", "Average duration", "s"),
            col("cost_per_gb_usd", "Cost per GB", "USD/GB"),
            col("throughput_mb_s", "Throughput", "MB/s"),
            col("cost_usd", "Total cost", "USD"));
    List<RunStats> rows = new ArrayList<>(store.runsBy(runFilter(f), Dimension.PLATFORM, 100));
    rows.sort(Comparator.comparing(RunStats::key));
    for (RunStats s : rows) {
      t.row(
          s.key(),
          s.runs(),
          round(s.successRate() * 100, 1),
          round(s.averageCostUsd(), 4),
          round(s.averageDurationMs() / 1000.0, 1),
          s.dataProcessedBytes() == 0
              ? null
              : round(s.costUsd() / (s.dataProcessedBytes() / 1e9), 4),
          s.durationMs() == 0
              ? null
              : round(s.dataProcessedBytes() / 1e6 / (s.durationMs() / 1000.0), 1),
          round(s.costUsd(), 2));
    }
    return t.build();
  }

  /**
   * Per job (the {@link #MAX_JOBS} most expensive): its most-used platform and the cheapest
   * platform (average cost per run) that succeeded in at least 90% of at least 5 runs, with the
   * saving had the window's runs used it.
   */
  /**
   * A job's runs in a window (runs >= 1).
   *
   * @param costUsd summed cost, USD
   * @param durationMs summed duration, milliseconds
   */
  record JobTotal(String key, double costUsd, long runs, long successes, long durationMs) {}

  /**
   * The window's most expensive jobs (at most {@link #MAX_JOBS}), most expensive first, ties by
   * name. Without a team, platform or status filter, and within the 90 days the filter bar lists
   * jobs for, from each job's daily cost trend (a few rows per job) instead of grouping the
   * window's run rollups by job (~37,000 rows for 30 days at 1M executions; measured in
   * bench/README.md).
   */
  private List<JobTotal> mostExpensiveJobs(DashboardFilter f) {
    return mostExpensiveJobs(f, MAX_JOBS);
  }

  /** As {@link #mostExpensiveJobs(DashboardFilter)}, at most {@code limit} jobs. */
  private List<JobTotal> mostExpensiveJobs(DashboardFilter f, int limit) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    boolean fromTrends =
        f.team() == null
            && f.platform() == null
            && f.status() == null
            && (f.job() != null || !f.from().isBefore(today.minusDays(89)));
    if (!fromTrends) {
      return store.runsBy(runFilter(f), Dimension.JOB, limit).stream()
          .map(s -> new JobTotal(s.key(), s.costUsd(), s.runs(), s.successes(), s.durationMs()))
          .toList();
    }
    List<String> jobs =
        f.job() != null ? List.of(f.job()) : filterChoices().getOrDefault("job", List.of());
    List<JobTotal> totals = new ArrayList<>();
    for (String job : jobs) {
      double cost = 0;
      long runs = 0;
      long successes = 0;
      long durationMs = 0;
      for (io.strandsetl.model.store.CostTrend c :
          store.costTrends(io.strandsetl.model.store.Period.DAY, job, f.from(), f.to())) {
        cost += c.costUsd();
        runs += c.runs();
        successes += c.successes();
        durationMs += c.durationMs();
      }
      if (runs > 0) {
        totals.add(new JobTotal(job, cost, runs, successes, durationMs));
      }
    }
    return totals.stream()
        .sorted(
            Comparator.comparingDouble(JobTotal::costUsd).reversed().thenComparing(JobTotal::key))
        .limit(limit)
        .toList();
  }

  public Table platformAdvice(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("job", "Job"),
            col("usual_platform", "Usual platform"),
            col("usual_avg_cost_usd", "Usual average cost", "USD"),
            col("recommended_platform", "Recommended platform"),
            col("recommended_avg_cost_usd", "Recommended average cost", "USD"),
            col("recommended_success_pct", "Its success rate", "%"),
            col("saving_usd", "Saving over the window", "USD"),
            col("runs", "Runs", "runs"));
    for (JobTotal job : mostExpensiveJobs(f)) {
      List<RunStats> perPlatform =
          store.runsBy(runFilter(f).withJob(job.key()), Dimension.PLATFORM, 100);
      RunStats usual =
          perPlatform.stream()
              .max(Comparator.comparingLong(RunStats::runs).thenComparing(RunStats::key))
              .orElseThrow();
      RunStats best =
          perPlatform.stream()
              .filter(s -> s.runs() >= 5 && s.successRate() >= 0.9)
              .min(
                  Comparator.comparingDouble(RunStats::averageCostUsd).thenComparing(RunStats::key))
              .orElse(usual);
      double saving = Math.max(0, (usual.averageCostUsd() - best.averageCostUsd()) * usual.runs());
      t.row(
          job.key(),
          usual.key(),
          round(usual.averageCostUsd(), 4),
          best.key(),
          round(best.averageCostUsd(), 4),
          round(best.successRate() * 100, 1),
          round(saving, 2),
          job.runs());
    }
    return t.build();
  }

  // ---- 8 Agents --------------------------------------------------------------------------------

  /** Invocations per agent in the window. */
  public Table agents(DashboardFilter f) {
    Table.Builder t =
        Table.with(
            col("agent", "Agent"),
            col("invocations", "Invocations", "calls"),
            col("avg_response_ms", "Average response", "ms"),
            col("success_rate_pct", "Success rate", "%"),
            col("tokens_in", "Tokens in", "tokens"),
            col("tokens_out", "Tokens out", "tokens"),
            col("cost_per_invocation_usd", "Cost per invocation", "USD"),
            col("cost_usd", "Token cost", "USD"));
    for (AgentStats a : store.agentStats(runFilter(f))) {
      t.row(
          a.agent(),
          a.invocations(),
          round(a.averageDurationMs(), 1),
          round(a.successRate() * 100, 1),
          a.tokensIn(),
          a.tokensOut(),
          round(a.costPerInvocationUsd(), 6),
          round(a.tokenCostUsd(), 4));
    }
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

  /**
   * The run's stored stage summaries (at most {@link StageSummary#MAX_PER_EXECUTION}, the longest),
   * by stage id then attempt.
   */
  public Table runStages(String id) {
    run(id); // 404 for an unknown id
    Table.Builder t =
        Table.with(
            col("stage_id", "Stage"),
            col("attempt", "Attempt"),
            col("name", "Name"),
            col("status", "Status"),
            col("tasks", "Tasks", "tasks"),
            col("failed_tasks", "Failed tasks", "tasks"),
            col("duration_s", "Duration", "s"),
            col("input_bytes", "Input", "bytes"),
            col("output_bytes", "Output", "bytes"),
            col("shuffle_read_bytes", "Shuffle read", "bytes"),
            col("shuffle_write_bytes", "Shuffle write", "bytes"),
            col("memory_spill_bytes", "Spill (memory)", "bytes"),
            col("disk_spill_bytes", "Spill (disk)", "bytes"),
            col("task_max_ms", "Slowest task", "ms"),
            col("task_median_ms", "Median task", "ms"),
            col("task_skew", "Task-time skew (slowest / median)", "ratio"));
    for (StageSummary s : store.stages(id)) {
      t.row(
          s.stageId(),
          s.attemptId(),
          s.name(),
          s.status(),
          s.tasks(),
          s.failedTasks(),
          s.durationMs() == null ? null : round(s.durationMs() / 1000.0, 1),
          s.inputBytes(),
          s.outputBytes(),
          s.shuffleReadBytes(),
          s.shuffleWriteBytes(),
          s.memorySpillBytes(),
          s.diskSpillBytes(),
          round(s.taskTimeMaxMs(), 0),
          round(s.taskTimeMedianMs(), 0),
          s.taskTimeSkew() == null ? null : round(s.taskTimeSkew(), 1));
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
   * What the run's job cost per platform over the 90 days up to the run (average per run), with
   * this run's platform marked: the measured comparison the store can give.
   */
  public Table runPlatforms(String id) {
    ExecutionRecord e = run(id);
    LocalDate day = LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC);
    RunFilter f = new RunFilter(day.minusDays(89), day, e.jobName(), null, null, null);
    List<RunStats> rows = new ArrayList<>(store.runsBy(f, Dimension.PLATFORM, 100));
    rows.sort(Comparator.comparingDouble(RunStats::averageCostUsd).thenComparing(RunStats::key));
    Table.Builder t =
        Table.with(
            col("platform", "Platform"),
            col("runs", "Runs of this job", "runs"),
            col("avg_cost_usd", "Average cost", "USD"),
            col("avg_duration_s", "Average duration", "s"),
            col("success_rate_pct", "Success rate", "%"),
            col("this_run", "This run"));
    for (RunStats s : rows) {
      t.row(
          s.key(),
          s.runs(),
          round(s.averageCostUsd(), 4),
          round(s.averageDurationMs() / 1000.0, 1),
          round(s.successRate() * 100, 1),
          e.platform().equals(s.key()) ? "yes" : "");
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
          .row("completeness", pct(q.completeness()))
          .row("accuracy", pct(q.accuracy()))
          .row("consistency", pct(q.consistency()))
          .row("timeliness", pct(q.timeliness()))
          .row("validity", pct(q.validity()));
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

  /**
   * Jobs, teams and platforms with runs in the last 90 days, for the filter bar of every page; kept
   * for {@link #CHOICES_TTL_NANOS} so that page loads do not group 90 days of rollups each time.
   */
  public Map<String, List<String>> filterChoices() {
    long now = System.nanoTime();
    Map.Entry<Long, Map<String, List<String>>> cached = choices;
    if (cached != null && now - cached.getKey() < CHOICES_TTL_NANOS) {
      return cached.getValue();
    }
    Map<String, List<String>> fresh = readFilterChoices();
    choices = Map.entry(now, fresh);
    return fresh;
  }

  /** How long the filter bar's choices are reused: 60 s, in nanoseconds (monotonic clock). */
  static final long CHOICES_TTL_NANOS = 60_000_000_000L;

  private volatile Map.Entry<Long, Map<String, List<String>>> choices;

  private Map<String, List<String>> readFilterChoices() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    RunFilter recent = RunFilter.between(today.minusDays(89), today);
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("job", keys(store.runsBy(recent, Dimension.JOB, 500)));
    List<String> teams = new ArrayList<>(keys(store.runsBy(recent, Dimension.TEAM, 500)));
    teams.remove(RunFilter.NO_TEAM);
    out.put("team", teams);
    out.put("platform", keys(store.runsBy(recent, Dimension.PLATFORM, 500)));
    out.put("status", java.util.Arrays.stream(ExecutionStatus.values()).map(Enum::name).toList());
    return out;
  }

  private static List<String> keys(List<RunStats> stats) {
    return stats.stream().map(RunStats::key).sorted().toList();
  }

  static double pct(double fraction) {
    return round(fraction * 100, 1);
  }

  /** A quality dimension as a percentage; null (JSON null, "not measured") when not measured. */
  static Double pct(Double fraction) {
    return fraction == null ? null : pct(fraction.doubleValue());
  }

  static double share(long part, long whole) {
    return whole == 0 ? 0 : round(part * 100.0 / whole, 1);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
