package io.strandsetl.cost;

import io.strandsetl.cost.anomaly.AnomalyRule;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cost.*} settings, defaults in one place.
 *
 * @param region {@code cost.region}, default {@code us-east-1}
 * @param overrides {@code cost.catalog.overrides}: price files layered on the bundled catalog
 *     (comma-separated paths), default none
 * @param anomaly {@code cost.anomaly.k}, {@code .min-usd}, {@code .min-percent}, {@code
 *     .window-days}
 * @param budgetWarnPercent {@code cost.budget.warn-percent}, default 80
 * @param storageMonths {@code cost.storage.retention-months}: months written output is assumed kept
 *     on S3, default 1
 * @param emrStartupSeconds {@code cost.emr.startup-seconds}: cluster start-up billed on EMR on EC2,
 *     default 0 (not added)
 * @param forecastDays {@code cost.forecast.days}, default 30
 */
public record CostConfig(
    String region,
    List<Path> overrides,
    AnomalyRule anomaly,
    double budgetWarnPercent,
    double storageMonths,
    double emrStartupSeconds,
    int forecastDays) {

  public static final CostConfig DEFAULT =
      new CostConfig("us-east-1", List.of(), AnomalyRule.DEFAULT, 80, 1, 0, 30);

  public CostConfig {
    overrides = List.copyOf(overrides);
    if (region == null || region.isBlank()) {
      throw new StrandsException(ErrorCode.INVALID_CONFIG, "Invalid cost.region: '' (blank)");
    }
    if (!(budgetWarnPercent > 0 && budgetWarnPercent < 100)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid cost.budget.warn-percent: '" + budgetWarnPercent + "' (expected 0 < x < 100)");
    }
    if (!(storageMonths >= 0)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid cost.storage.retention-months: '" + storageMonths + "' (expected >= 0)");
    }
    if (!(emrStartupSeconds >= 0)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid cost.emr.startup-seconds: '" + emrStartupSeconds + "' (expected >= 0)");
    }
    if (forecastDays < 1 || forecastDays > 366) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid cost.forecast.days: '" + forecastDays + "' (expected 1 to 366)");
    }
  }

  /** Reads every {@code cost.*} key (unknown ones are left for {@link Settings#unknownKeys}). */
  public static CostConfig from(Settings settings) {
    List<Path> files = new ArrayList<>();
    settings
        .string("cost.catalog.overrides")
        .ifPresent(
            v -> {
              for (String part : v.split(",")) {
                if (!part.isBlank()) {
                  files.add(Path.of(part.trim()));
                }
              }
            });
    AnomalyRule d = AnomalyRule.DEFAULT;
    AnomalyRule rule =
        new AnomalyRule(
            settings.getDouble("cost.anomaly.k", d.k()),
            settings.getDouble("cost.anomaly.min-usd", d.minUsd()),
            settings.getDouble("cost.anomaly.min-percent", d.minPercent()),
            settings.getInt("cost.anomaly.window-days", d.windowDays()),
            d.minHistoryDays());
    return new CostConfig(
        settings.string("cost.region").map(String::trim).orElse(DEFAULT.region()),
        files,
        rule,
        settings.getDouble("cost.budget.warn-percent", DEFAULT.budgetWarnPercent()),
        settings.getDouble("cost.storage.retention-months", DEFAULT.storageMonths()),
        settings.getDouble("cost.emr.startup-seconds", DEFAULT.emrStartupSeconds()),
        settings.getInt("cost.forecast.days", DEFAULT.forecastDays()));
  }
}
