package io.strandsetl.cost.trend;

import io.strandsetl.model.store.TimeBucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Aggregations of cost points: by period and group, dense daily series, top spenders. */
public final class CostTrends {
  private CostTrends() {}

  /**
   * Sum per (period, group), sorted by period then group; each row carries its change against the
   * group's previous period.
   */
  public static List<TrendRow> aggregate(List<CostPoint> points, TimeBucket bucket, GroupBy by) {
    // TreeMap keys give the deterministic order: period, then group name.
    TreeMap<LocalDate, TreeMap<String, double[]>> sums = new TreeMap<>();
    for (CostPoint p : points) {
      double[] acc =
          sums.computeIfAbsent(bucket.startOf(p.day()), k -> new TreeMap<>())
              .computeIfAbsent(p.group(by), k -> new double[2]);
      acc[0] += p.costUsd();
      acc[1] += 1;
    }
    List<TrendRow> rows = new ArrayList<>();
    Map<String, Double> previous = new HashMap<>();
    for (var period : sums.entrySet()) {
      for (var group : period.getValue().entrySet()) {
        double cost = group.getValue()[0];
        Double before = previous.get(group.getKey());
        Double change = before == null || before == 0 ? null : 100.0 * (cost - before) / before;
        rows.add(
            new TrendRow(
                bucket, period.getKey(), group.getKey(), cost, (long) group.getValue()[1], change));
        previous.put(group.getKey(), cost);
      }
    }
    return rows;
  }

  /**
   * Daily totals from {@code from} to {@code to} inclusive, 0 on days without points (a day without
   * runs cost nothing), optionally only one group.
   */
  public static double[] dailyTotals(
      List<CostPoint> points, LocalDate from, LocalDate to, GroupBy by, String group) {
    int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
    double[] series = new double[Math.max(0, days)];
    for (CostPoint p : points) {
      long i = p.day().toEpochDay() - from.toEpochDay();
      if (i >= 0 && i < days && (group == null || p.group(by).equals(group))) {
        series[(int) i] += p.costUsd();
      }
    }
    return series;
  }

  /** The {@code n} groups with the highest cost between two days inclusive, highest first. */
  public static List<TrendRow> top(
      List<CostPoint> points, LocalDate from, LocalDate to, GroupBy by, int n) {
    Map<String, double[]> sums = new TreeMap<>();
    for (CostPoint p : points) {
      if (!p.day().isBefore(from) && !p.day().isAfter(to)) {
        double[] acc = sums.computeIfAbsent(p.group(by), k -> new double[2]);
        acc[0] += p.costUsd();
        acc[1]++;
      }
    }
    List<TrendRow> rows = new ArrayList<>();
    sums.forEach(
        (g, acc) -> rows.add(new TrendRow(TimeBucket.DAY, from, g, acc[0], (long) acc[1], null)));
    rows.sort(
        Comparator.comparingDouble(TrendRow::costUsd).reversed().thenComparing(TrendRow::group));
    return rows.subList(0, Math.min(n, rows.size()));
  }
}
