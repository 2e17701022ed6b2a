package io.strandsetl.agents.cost;

import io.strandsetl.agents.optimization.OptimizationAgent;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import io.strandsetl.cost.CostEngine;
import io.strandsetl.cost.advice.CostAdvice;
import io.strandsetl.cost.anomaly.CostAnomaly;
import io.strandsetl.cost.budget.Budget;
import io.strandsetl.cost.budget.BudgetStatus;
import io.strandsetl.cost.forecast.Forecast;
import io.strandsetl.cost.model.CostComparison;
import io.strandsetl.cost.model.Platform;
import io.strandsetl.cost.trend.CostPoint;
import io.strandsetl.cost.trend.GroupBy;
import io.strandsetl.cost.trend.TrendRow;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.TimeBucket;
import io.strandsetl.model.store.TrackingStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Cost Tracking: thin tools over the cost engine (strands-cost): what a run cost and would cost on
 * every platform, trends, anomalies, forecast, budgets and savings. Runs are read from the event
 * log (priced from measured core-seconds, memory and bytes), history from the tracking store.
 */
public final class CostAgent implements Agent {
  public static final String NAME = "cost";

  /** Executions read from the store for trends, anomalies, forecasts and budgets (newest). */
  static final int HISTORY_LIMIT = 10_000;

  private final CostEngine engine;
  private final OptimizationAgent analyses;
  private final Supplier<TrackingStore> store;
  private final Clock clock;

  public CostAgent(
      CostEngine engine, OptimizationAgent analyses, Supplier<TrackingStore> store, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.analyses = Objects.requireNonNull(analyses, "analyses");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public CostEngine engine() {
    return engine;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String purpose() {
    return "Prices each run on its platform and side by side on Glue, EMR, EMR Serverless and"
        + " Lambda; follows cost trends, anomalies, forecasts and budgets; recommends savings.";
  }

  @Override
  public List<Tool<?, ?>> tools() {
    return List.of(
        Tool.of(
            "calculate_cost",
            "Cost of a run (event log) on its platform and on every other platform, with the"
                + " formula and inputs of each; infeasible options (Lambda's 15 min / 10 GB) are N/A.",
            CostOfRunInput.class,
            RunCost.class,
            this::calculate),
        Tool.of(
            "cost_trends",
            "Cost per day, week or month of one job or all jobs, with the change to the previous"
                + " period.",
            TrendInput.class,
            TrendsOutput.class,
            this::trends),
        Tool.of(
            "cost_anomalies",
            "Days whose cost is far above the robust baseline (median + k MAD), gated by a dollar"
                + " and a percentage threshold.",
            WindowInput.class,
            AnomaliesOutput.class,
            in ->
                new AnomaliesOutput(
                    engine.anomalies(points(in.jobName()), by(in.jobName()), today()))),
        Tool.of(
            "forecast_costs",
            "Daily cost forecast (Holt-Winters with weekly seasonality, linear fallback, none on"
                + " too little history) with an 80% interval and its backtest error.",
            WindowInput.class,
            Forecast.class,
            in -> engine.forecast(points(in.jobName()), today(), by(in.jobName()), in.jobName())),
        Tool.of(
            "recommend_cost_optimizations",
            "Savings with estimated amounts for a run: right-sizing, Flex, spot, platform switch,"
                + " fixing the detected issues.",
            CostOfRunInput.class,
            AdviceOutput.class,
            in -> {
              RunCost cost = calculate(in);
              return new AdviceOutput(cost.advice());
            }),
        Tool.of(
            "budget_status",
            "A monthly budget of a job, a team or everything: spent, percent, level (warn at 80%,"
                + " critical at 100%), burn rate and projected exhaustion date.",
            BudgetInput.class,
            BudgetStatus.class,
            this::budget));
  }

  public record CostOfRunInput(
      @Description("event-log file or directory of the run") String eventLog,
      @Description(
              value =
                  "platform it ran on (local, glue, emr-ec2, emr-serverless, lambda); default"
                      + " what the log says",
              optional = true)
          String platform) {}

  public record RunCost(
      CostComparison comparison,
      @Description("savings for this run, largest first") List<CostAdvice> advice) {}

  public record TrendInput(
      @Description(value = "only this job", optional = true) String jobName,
      @Description(value = "DAY, WEEK or MONTH, default DAY", optional = true) TimeBucket bucket) {}

  public record TrendsOutput(List<TrendRow> rows) {}

  public record WindowInput(
      @Description(value = "only this job", optional = true) String jobName) {}

  public record AnomaliesOutput(List<CostAnomaly> anomalies) {}

  public record AdviceOutput(List<CostAdvice> advice) {}

  public record BudgetInput(
      @Description("TOTAL, JOB or TEAM") GroupBy scope,
      @Description(value = "job or team name; empty for TOTAL", optional = true) String name,
      @Description(value = "budget of the current UTC month", unit = "USD") double monthlyUsd) {}

  /** The cost of an analysed run (the Supervisor's entry, no second read of the log). */
  public RunCost calculate(AnalysisReport report, String platform) {
    Platform p =
        Platform.fromName(
            platform != null
                ? platform
                : report.run().application() == null
                    ? null
                    : report.run().application().platform());
    CostComparison comparison = engine.calculate(report.run(), p);
    return new RunCost(comparison, engine.recommend(comparison, report.findings(), false));
  }

  RunCost calculate(CostOfRunInput in) {
    return calculate(analyses.report(in.eventLog()), in.platform());
  }

  TrendsOutput trends(TrendInput in) {
    TimeBucket bucket = in.bucket() == null ? TimeBucket.DAY : in.bucket();
    return new TrendsOutput(engine.trends(points(in.jobName()), bucket, by(in.jobName())));
  }

  BudgetStatus budget(BudgetInput in) {
    if (in.scope() == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid scope: null (TOTAL, JOB or TEAM)");
    }
    String name = in.name() == null ? "" : in.name();
    List<CostPoint> points = points(null);
    return engine.budget(
        Budget.monthly(in.scope(), name, in.monthlyUsd(), YearMonth.from(today())),
        points,
        today());
  }

  private List<CostPoint> points(String jobName) {
    ExecutionQuery q = ExecutionQuery.all().withLimit(HISTORY_LIMIT);
    if (jobName != null && !jobName.isBlank()) {
      q = q.withJob(jobName);
    }
    return CostEngine.points(store.get().listExecutions(q));
  }

  private static GroupBy by(String jobName) {
    return jobName == null || jobName.isBlank() ? GroupBy.TOTAL : GroupBy.JOB;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static String platformName(String name) {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }
}
