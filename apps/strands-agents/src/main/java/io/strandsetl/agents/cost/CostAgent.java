package io.strandsetl.agents.cost;

import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.NotAvailable;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import java.util.List;
import java.util.Map;

/**
 * Cost Tracking: what a run cost and would cost on every platform, trends, anomalies, forecast,
 * budgets and savings. The cost engine is strands-cost; until it is on the class path every tool
 * fails with "not available".
 */
public final class CostAgent implements Agent {
  public static final String NAME = "cost";
  static final String MODULE = "strands-cost";

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
        tool(
            "calculate_cost",
            "Cost of a run (event log) on its platform and on every other"
                + " platform, with the formula and inputs of each.",
            CostOfRunInput.class),
        tool(
            "cost_trends", "Cost per day, week or month of one job or all jobs.", TrendInput.class),
        tool(
            "cost_anomalies",
            "Days whose cost is far above the robust baseline (median + k MAD),"
                + " gated by a dollar and a percentage threshold.",
            WindowInput.class),
        tool(
            "forecast_costs",
            "Cost forecast with an 80% interval and its backtest error.",
            WindowInput.class),
        tool(
            "recommend_cost_optimizations",
            "Savings with estimated amounts: right-sizing,"
                + " Flex, spot, platform switch, fixing detected issues.",
            CostOfRunInput.class),
        tool(
            "budget_status",
            "Budgets per job, team and total: spent, percent, burn rate and"
                + " projected exhaustion date.",
            BudgetInput.class));
  }

  private static <I extends Record> Tool<I, CostResult> tool(
      String name, String description, Class<I> input) {
    return Tool.of(
        name,
        description,
        input,
        CostResult.class,
        in -> {
          throw new NotAvailable(NAME, name, MODULE);
        });
  }

  public record CostOfRunInput(
      @Description("event-log file or directory of the run") String eventLog,
      @Description(
              value = "platform it ran on (local, glue, emr-ec2, emr-serverless, lambda)",
              optional = true)
          String platform) {}

  public record TrendInput(
      @Description(value = "only this job", optional = true) String jobName,
      @Description(value = "DAY, WEEK or MONTH, default DAY", optional = true) String bucket,
      @Description(value = "days back from today, default 30", optional = true) Integer days) {}

  public record WindowInput(
      @Description(value = "only this job", optional = true) String jobName,
      @Description(value = "days, default 30", optional = true) Integer days) {}

  public record BudgetInput(
      @Description(value = "only this job", optional = true) String jobName,
      @Description(value = "only this team", optional = true) String team) {}

  public record CostResult(
      @Description("one line") String summary,
      @Description("the full result (see docs/cost.md)") Map<String, Object> result) {}
}
