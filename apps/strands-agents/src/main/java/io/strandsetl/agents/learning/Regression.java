package io.strandsetl.agents.learning;

import io.strandsetl.agents.schema.Description;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * This run against the job's baseline: the median of its previous successful runs (at most the last
 * 20; at least 3 needed). A run regressed when its value is above both 1.25 × median and median + 3
 * × 1.4826 × MAD (the robust analogue of three standard deviations): the ratio gate ignores noise
 * of stable jobs whose MAD is near zero, the MAD gate ignores jobs that vary a lot.
 */
public record Regression(
    @Description("duration or cost") String metric,
    @Description("this run's value") double value,
    @Description(value = "median of the baseline runs", optional = true) Double baseline,
    @Description(value = "value above which it counts as a regression", optional = true)
        Double threshold,
    @Description("baseline runs") int baselineRuns,
    boolean regressed,
    @Description("one line") String verdict) {
  static final int MIN_BASELINE = 3;
  static final int MAX_BASELINE = 20;

  /**
   * @param previous the job's successful runs before this one, oldest first
   */
  static Regression check(
      String metric,
      String unit,
      RunFeatures run,
      List<RunFeatures> previous,
      ToDoubleFunction<RunFeatures> value) {
    double v = value.applyAsDouble(run);
    List<RunFeatures> base =
        previous.subList(Math.max(0, previous.size() - MAX_BASELINE), previous.size());
    double[] xs = base.stream().mapToDouble(value).filter(x -> x > 0).sorted().toArray();
    if (xs.length < MIN_BASELINE) {
      return new Regression(
          metric,
          v,
          null,
          null,
          xs.length,
          false,
          "no baseline yet (" + xs.length + " of " + MIN_BASELINE + " previous runs)");
    }
    double median = median(xs);
    double mad = median(Arrays.stream(xs).map(x -> Math.abs(x - median)).sorted().toArray());
    double threshold = Math.max(1.25 * median, median + 3 * 1.4826 * mad);
    boolean regressed = v > threshold;
    return new Regression(
        metric,
        v,
        median,
        threshold,
        xs.length,
        regressed,
        String.format(
            Locale.ROOT,
            "%s %s %.4g %s vs baseline median %.4g over %d runs (threshold %.4g)",
            metric,
            regressed ? "REGRESSED:" : "ok:",
            v,
            unit,
            median,
            xs.length,
            threshold));
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
