package io.strandsetl.cost;

import io.strandsetl.cost.advice.CostAdvice;
import io.strandsetl.cost.advice.CostAdvisor;
import io.strandsetl.cost.anomaly.AnomalyDetector;
import io.strandsetl.cost.anomaly.CostAnomaly;
import io.strandsetl.cost.budget.Budget;
import io.strandsetl.cost.budget.BudgetStatus;
import io.strandsetl.cost.budget.BudgetTracker;
import io.strandsetl.cost.catalog.PriceCatalog;
import io.strandsetl.cost.catalog.PriceCatalogReader;
import io.strandsetl.cost.forecast.CostForecaster;
import io.strandsetl.cost.forecast.Forecast;
import io.strandsetl.cost.model.CostCalculator;
import io.strandsetl.cost.model.CostComparison;
import io.strandsetl.cost.model.CostOptions;
import io.strandsetl.cost.model.Platform;
import io.strandsetl.cost.model.ResourceUsage;
import io.strandsetl.cost.model.RunUsageMapper;
import io.strandsetl.cost.trend.CostPoint;
import io.strandsetl.cost.trend.CostTrends;
import io.strandsetl.cost.trend.GroupBy;
import io.strandsetl.cost.trend.TrendRow;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.TimeBucket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost engine's front door (the Cost Tracking agent's tools call it). Pure: no I/O besides
 * reading the catalog at construction; every method is deterministic for its inputs.
 *
 * <pre>{@code
 * CostEngine engine = CostEngine.fromSettings(settings);
 * CostComparison c = engine.calculate(runAnalysis, null);   // platform from the event log
 * c.breakdown();      // -> ExecutionRecord.cost
 * c.options();        // Glue Standard/Flex per worker type, EMR on EC2 on-demand/spot, Serverless, Lambda
 * engine.forecast(points, today);  engine.anomalies(points, GroupBy.TOTAL, today);
 * }</pre>
 */
public final class CostEngine {
  private final CostConfig config;
  private final CostCalculator calculator;
  private final Clock clock;

  public CostEngine(CostConfig config, PriceCatalog catalog) {
    this(config, catalog, Clock.systemUTC());
  }

  /** {@code clock} dates a run whose log has no start time (prices of that day are used). */
  public CostEngine(CostConfig config, PriceCatalog catalog, Clock clock) {
    this.config = config;
    this.calculator = new CostCalculator(catalog);
    this.clock = clock;
  }

  /** Bundled catalog, overrides and settings from {@code cost.*} keys. */
  public static CostEngine fromSettings(Settings settings) {
    CostConfig config = CostConfig.from(settings);
    return new CostEngine(config, PriceCatalogReader.read(config.region(), config.overrides()));
  }

  /** Bundled catalog, default settings (us-east-1). */
  public static CostEngine defaults() {
    return new CostEngine(CostConfig.DEFAULT, PriceCatalogReader.bundled("us-east-1"));
  }

  public CostConfig config() {
    return config;
  }

  public PriceCatalog catalog() {
    return calculator.catalog();
  }

  /** Options with this engine's defaults (storage months, EMR start-up). */
  public CostOptions options(Platform platform, LocalDate usageDate) {
    return CostOptions.of(platform, usageDate)
        .withStorageMonths(config.storageMonths())
        .withEmrStartupSeconds(config.emrStartupSeconds());
  }

  /** Prices a measured usage on its platform and on every option. */
  public CostComparison calculate(ResourceUsage usage, CostOptions options) {
    return calculator.compare(usage, options);
  }

  /**
   * Prices an analysed event log. {@code platform} null = the platform the log names ({@code
   * ApplicationInfo.platform}); the usage date is the application's UTC start day (today by the
   * engine's clock when the log has none).
   */
  public CostComparison calculate(RunAnalysis run, Platform platform) {
    ResourceUsage usage = RunUsageMapper.fromRun(run);
    Platform p = platform != null ? platform : Platform.fromName(run.application().platform());
    LocalDate day =
        run.application().startTime() == null
            ? LocalDate.now(clock.withZone(ZoneOffset.UTC))
            : LocalDate.ofInstant(run.application().startTime(), ZoneOffset.UTC);
    return calculate(usage, options(p, day));
  }

  /** The AWS Glue formula for a known DPU count and run time (seconds), USD. */
  public double glueJobCost(double dpu, double seconds, boolean flex, LocalDate date) {
    return calculator.glueJobCost(dpu, seconds, flex, date);
  }

  /** Cost points of stored executions (UTC start day, tag {@code team}, total cost). */
  public static List<CostPoint> points(List<ExecutionRecord> executions) {
    List<CostPoint> out = new ArrayList<>(executions.size());
    executions.forEach(e -> out.add(CostPoint.of(e)));
    return out;
  }

  public List<TrendRow> trends(List<CostPoint> points, TimeBucket bucket, GroupBy by) {
    return CostTrends.aggregate(points, bucket, by);
  }

  /**
   * Forecast of total daily cost for {@code cost.forecast.days} after {@code asOf}, from the first
   * point to {@code asOf} (days without points = $0).
   */
  public Forecast forecast(List<CostPoint> points, LocalDate asOf) {
    return forecast(points, asOf, GroupBy.TOTAL, null);
  }

  /** Forecast of one group's daily cost ({@code group} null = all). */
  public Forecast forecast(List<CostPoint> points, LocalDate asOf, GroupBy by, String group) {
    LocalDate first =
        points.stream().map(CostPoint::day).min(LocalDate::compareTo).orElse(asOf.plusDays(1));
    double[] daily = CostTrends.dailyTotals(points, first, asOf, by, group);
    return CostForecaster.forecast(daily, asOf, config.forecastDays());
  }

  public List<CostAnomaly> anomalies(List<CostPoint> points, GroupBy by, LocalDate asOf) {
    return AnomalyDetector.detect(points, config.anomaly(), by, asOf);
  }

  public BudgetStatus budget(Budget budget, List<CostPoint> points, LocalDate asOf) {
    return BudgetTracker.status(budget, points, asOf, config.budgetWarnPercent());
  }

  /**
   * Savings advice for a priced run; {@code findings} are the detectors' findings of the run (their
   * {@code Impact} gives the time or core-seconds a fix saves).
   */
  public List<CostAdvice> recommend(
      CostComparison comparison, List<Finding> findings, boolean urgent) {
    return CostAdvisor.advise(comparison, findings, urgent);
  }
}
