package io.strandsetl.agents.quality;

import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.NotAvailable;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import java.util.List;
import java.util.Map;

/**
 * Data quality: profiles datasets, checks a pipeline's quality rules, follows each dataset's trend.
 * The work is done by strands-quality (pure scoring) and strands-spark's quality scan; until those
 * are on the class path every tool fails with "not available".
 */
public final class QualityAgent implements Agent {
  public static final String NAME = "quality";
  static final String MODULE = "strands-quality";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String purpose() {
    return "Measures data quality (completeness, accuracy, consistency, timeliness, validity) of"
        + " datasets, checks a pipeline's rules and follows each dataset's trend.";
  }

  @Override
  public List<Tool<?, ?>> tools() {
    return List.of(
        Tool.of(
            "profile_dataset",
            "Profiles a dataset in one Spark pass: per column nulls, distinct values, min/max,"
                + " and the five quality dimensions.",
            DatasetInput.class,
            DatasetQuality.class,
            in -> {
              throw new NotAvailable(NAME, "profile_dataset", MODULE);
            }),
        Tool.of(
            "check_rules",
            "Checks a dataset against quality rules (the pipeline's quality section) and scores"
                + " it; names every failed rule with its failing row count.",
            RulesInput.class,
            DatasetQuality.class,
            in -> {
              throw new NotAvailable(NAME, "check_rules", MODULE);
            }),
        Tool.of(
            "quality_trend",
            "The stored quality history of one job's dataset: scores over time, trend and"
                + " anomalies.",
            TrendInput.class,
            TrendOutput.class,
            in -> {
              throw new NotAvailable(NAME, "quality_trend", MODULE);
            }));
  }

  public record DatasetInput(
      @Description("file or directory of the dataset") String path,
      @Description("parquet, csv, json, orc or delta") String format) {}

  public record RulesInput(
      String path,
      String format,
      @Description("rules in the shape of a pipeline's quality section")
          Map<String, Object> rules) {}

  public record DatasetQuality(
      String dataset,
      @Description(value = "overall score", unit = "fraction 0-1") double overall,
      @Description("one line") String summary,
      @Description("the full quality report (see docs/quality.md)") Map<String, Object> report) {}

  public record TrendInput(String jobName, String dataset) {}

  public record TrendOutput(
      String jobName,
      String dataset,
      @Description("measurements in the history") int points,
      @Description("FIRST, IMPROVING, STABLE or DECLINING") String trend,
      @Description(value = "latest overall score", unit = "fraction 0-1", optional = true)
          Double latestOverall,
      @Description("anomalies, one line each") List<String> anomalies) {}
}
