package io.strandsetl.cost.anomaly;

import io.strandsetl.cost.trend.CostPoint;
import io.strandsetl.cost.trend.GroupBy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Robust daily cost anomalies: median + k·MAD over a trailing window, gated by $ and %. */
public final class AnomalyDetector {
  /** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
  static final double MAD_SCALE = 1.4826;

  private AnomalyDetector() {}

  /**
   * Every anomalous (day, group) from the first day with enough history to {@code to}, sorted by
   * day then group. Days without points count as $0.
   */
  public static List<CostAnomaly> detect(
      List<CostPoint> points, AnomalyRule rule, GroupBy by, LocalDate to) {
    List<CostAnomaly> out = new ArrayList<>();
    if (points.isEmpty()) {
      return out;
    }
    LocalDate from = points.stream().map(CostPoint::day).min(LocalDate::compareTo).orElseThrow();
    // One pass over the points: daily series per group and per job (the root-cause candidates).
    int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
    Map<String, double[]> groupSeries = new TreeMap<>();
    Map<String, double[]> jobSeries = new TreeMap<>();
    Map<String, Set<String>> jobsOfGroup = new TreeMap<>();
    for (CostPoint p : points) {
      long d = p.day().toEpochDay() - from.toEpochDay();
      String group = p.group(by);
      jobsOfGroup.computeIfAbsent(group, k -> new TreeSet<>()).add(p.jobName());
      double[] gs = groupSeries.computeIfAbsent(group, k -> new double[Math.max(0, days)]);
      double[] js = jobSeries.computeIfAbsent(p.jobName(), k -> new double[Math.max(0, days)]);
      if (d >= 0 && d < days) {
        gs[(int) d] += p.costUsd();
        js[(int) d] += p.costUsd();
      }
    }
    List<CostAnomaly> byGroup = new ArrayList<>();
    for (var entry : groupSeries.entrySet()) {
      String group = entry.getKey();
      double[] series = entry.getValue();
      for (int i = rule.minHistoryDays(); i < series.length; i++) {
        int start = Math.max(0, i - rule.windowDays());
        double[] window = Arrays.copyOfRange(series, start, i);
        double median = median(window);
        double mad = MAD_SCALE * mad(window, median);
        double threshold = median + rule.k() * mad;
        double actual = series[i];
        double delta = actual - median;
        Double percent = median == 0 ? null : 100.0 * delta / median;
        boolean percentGate = percent == null ? delta > 0 : percent >= rule.minPercent();
        if (actual > threshold && delta >= rule.minUsd() && percentGate) {
          LocalDate day = from.plusDays(i);
          String cause = "";
          double causeExcess = 0;
          for (String job : jobsOfGroup.get(group)) {
            double[] js = jobSeries.get(job);
            double excess = js[i] - median(Arrays.copyOfRange(js, start, i));
            if (excess > causeExcess) {
              causeExcess = excess;
              cause = job;
            }
          }
          String explanation =
              String.format(
                  Locale.ROOT,
                  "%s on %s: $%.2f vs expected $%.2f (threshold $%.2f = median + %s x MAD)%s%s",
                  group,
                  day,
                  actual,
                  median,
                  threshold,
                  rule.k(),
                  percent == null ? "" : String.format(Locale.ROOT, ", +%.0f%%", percent),
                  cause.isEmpty() || cause.equals(group)
                      ? ""
                      : String.format(Locale.ROOT, "; mostly %s (+$%.2f)", cause, causeExcess));
          byGroup.add(
              new CostAnomaly(
                  day,
                  group,
                  actual,
                  median,
                  threshold,
                  delta,
                  percent,
                  cause,
                  causeExcess,
                  explanation));
        }
      }
    }
    byGroup.sort(
        java.util.Comparator.comparing(CostAnomaly::day).thenComparing(CostAnomaly::group));
    out.addAll(byGroup);
    return out;
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int mid = s.length / 2;
    return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }

  static double mad(double[] values, double median) {
    double[] dev = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      dev[i] = Math.abs(values[i] - median);
    }
    return median(dev);
  }
}
