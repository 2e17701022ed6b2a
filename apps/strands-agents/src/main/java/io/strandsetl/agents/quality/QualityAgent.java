package io.strandsetl.agents.quality;

import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.LocalSpark;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.quality.AnomalyPolicy;
import io.strandsetl.quality.DatasetReport;
import io.strandsetl.quality.QualityReport;
import io.strandsetl.quality.QualityTrends;
import io.strandsetl.spark.quality.DatasetQuality;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Data quality: profiles datasets, checks quality rules, follows each dataset's trend. Thin tools
 * over strands-quality (scoring, trends) and strands-spark's one-pass scan ({@link
 * DatasetQuality}); inside a run the same scan runs as the quality hook.
 */
public final class QualityAgent implements Agent {
  public static final String NAME = "quality";

  private final Settings settings;
  private final Supplier<TrackingStore> store;

  public QualityAgent(Settings settings, Supplier<TrackingStore> store) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
  }

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
            "Profiles a dataset in one Spark pass: per column nulls, distinct values, min/max, and"
                + " the quality dimensions a profile can measure.",
            DatasetInput.class,
            DatasetReport.class,
            in ->
                LocalSpark.with(
                    settings,
                    "strands agents: profile_dataset",
                    spark ->
                        DatasetQuality.profile(
                            spark, required(in.path(), "path"), format(in.format())))),
        Tool.of(
            "check_rules",
            "Checks a dataset against quality rules (the shape of a pipeline's quality section)"
                + " and scores it; names every failed rule with its failing row count.",
            RulesInput.class,
            QualityReport.class,
            in ->
                LocalSpark.with(
                    settings,
                    "strands agents: check_rules",
                    spark ->
                        DatasetQuality.checkRules(
                            spark,
                            required(in.path(), "path"),
                            format(in.format()),
                            in.rules() == null ? Map.of() : in.rules()))),
        Tool.of(
            "quality_trend",
            "The stored quality history of one job's dataset: number of runs, latest, median and"
                + " MAD of the overall score, trend and anomalies.",
            TrendInput.class,
            QualityTrends.TrendReport.class,
            in ->
                QualityTrends.of(
                    store
                        .get()
                        .qualityHistory(
                            required(in.jobName(), "jobName"), required(in.dataset(), "dataset")),
                    AnomalyPolicy.defaults())));
  }

  public record DatasetInput(
      @Description("file or directory of the dataset") String path,
      @Description(value = "parquet (default), csv, json, orc", optional = true) String format) {}

  public record RulesInput(
      String path,
      @Description(value = "parquet (default), csv, json, orc", optional = true) String format,
      @Description("rules in the shape of a pipeline's quality section (docs/quality.md)")
          Map<String, Object> rules) {}

  public record TrendInput(
      String jobName, @Description("the dataset (sink) name") String dataset) {}

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid " + field + ": '' (required)");
    }
    return value;
  }

  static String format(String format) {
    return format == null || format.isBlank() ? "parquet" : format;
  }
}
