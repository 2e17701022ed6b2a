package io.strandsetl.cost;

import io.strandsetl.cost.catalog.*;
import io.strandsetl.cost.forecast.*;
import io.strandsetl.cost.model.*;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.run.RunAnalysis;
import java.nio.file.*;
import java.time.*;
import java.util.*;

/**
 * Prints the figures quoted in docs/cost.md: forecast accuracy on synthetic weekly series with
 * known truth (20 seeds per case) and the per-platform prices of three shared event logs. Not a
 * test (no assertions; the tests assert bounds); run from the repository root as docs/cost.md
 * shows.
 */
public final class EvaluationReport {
  static final double[] WEEK = {0, 10, 20, 15, 5, -20, -30};

  static double truth(int t) {
    return 100 + 0.5 * t + WEEK[t % 7];
  }

  public static void main(String[] a) throws Exception {
    LocalDate last = LocalDate.of(2026, 11, 24);
    for (int days : new int[] {28, 42, 84}) {
      for (double sd : new double[] {3, 10}) {
        double sumT = 0, maxT = 0, sumB = 0;
        int inside = 0, total = 0;
        int seeds = 20;
        for (long seed = 1; seed <= seeds; seed++) {
          Random r = new Random(seed);
          double[] all = new double[days + 30];
          for (int t = 0; t < all.length; t++) all[t] = truth(t) + sd * r.nextGaussian();
          Forecast f = CostForecaster.forecast(Arrays.copyOf(all, days), last, 30);
          double s = 0;
          for (int h = 0; h < 30; h++) {
            double tr = truth(days + h);
            s += Math.abs(f.points().get(h).expectedUsd() - tr) / tr;
            ForecastPoint p = f.points().get(h);
            if (all[days + h] >= p.lowerUsd() && all[days + h] <= p.upperUsd()) inside++;
            total++;
          }
          double m = 100 * s / 30;
          sumT += m;
          maxT = Math.max(maxT, m);
          sumB += f.backtestMapePercent();
        }
        System.out.printf(
            Locale.ROOT,
            "days=%d sd=%.0f: MAPE vs truth mean %.2f%% max %.2f%%, backtest MAPE mean %.2f%%, 80%% interval coverage %.1f%%%n",
            days,
            sd,
            sumT / seeds,
            maxT,
            sumB / seeds,
            100.0 * inside / total);
      }
    }

    CostCalculator calc = new CostCalculator(PriceCatalogReader.bundled("us-east-1"));
    for (String name :
        List.of(
            "spark-rapids-tools/eventlog_4nodes_8cores_dynamic_alloc.zstd",
            "apache-spark/spark-events/local-1642039451826",
            "spark-rapids-tools/nds_q88_photon_db_13_3.zstd")) {
      Path p =
          io.strandsetl.testkit.SharedData.root()
              .resolve("data")
              .resolve("eventlogs")
              .resolve(name);
      if (!Files.exists(p)) {
        System.out.println("missing " + p);
        continue;
      }
      RunAnalysis run = EventLogReader.withDefaults().read(p);
      ResourceUsage u = RunUsageMapper.fromRun(run);
      CostComparison c =
          calc.compare(
              u,
              CostOptions.of(
                  Platform.fromName(run.application().platform()), LocalDate.of(2026, 11, 1)));
      System.out.println(
          "== "
              + name
              + " platform="
              + run.application().platform()
              + " "
              + RunUsageMapper.describe(u));
      for (String s : u.assumptions()) System.out.println("   assumption: " + s);
      for (PlatformEstimate o : c.options())
        System.out.printf(Locale.ROOT, "   %-30s %s%n", o.option(), o.displayTotal());
      System.out.println("   breakdown " + c.breakdown());
    }

    // forecast speed
    double[] y = new double[365];
    Random r = new Random(1);
    for (int t = 0; t < 365; t++) y[t] = truth(t) + 3 * r.nextGaussian();
    long f0 = System.nanoTime();
    for (int i = 0; i < 20; i++) CostForecaster.forecast(y, last, 30);
    long f1 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "forecast 365 days x30 horizon incl. backtest: %.1f ms each%n",
        (f1 - f0) / 20 / 1e6);

    // anomalies over a year of 100 jobs, ~1M cost points
    List<io.strandsetl.cost.trend.CostPoint> many = new ArrayList<>();
    Random rp = new Random(5);
    LocalDate first = last.minusDays(364);
    for (int d = 0; d < 365; d++) {
      for (int j = 0; j < 100; j++) {
        for (int k = 0; k < 27; k++) {
          many.add(
              new io.strandsetl.cost.trend.CostPoint(
                  first.plusDays(d), "job-" + j, "team-" + (j % 7), "glue", 1 + rp.nextDouble()));
        }
      }
    }
    for (io.strandsetl.cost.trend.GroupBy by : io.strandsetl.cost.trend.GroupBy.values()) {
      long a0 = System.nanoTime();
      int found =
          io.strandsetl.cost.anomaly.AnomalyDetector.detect(
                  many, io.strandsetl.cost.anomaly.AnomalyRule.DEFAULT, by, last)
              .size();
      long a1 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "anomalies over %d points by %s: %d found, %.0f ms%n",
          many.size(),
          by,
          found,
          (a1 - a0) / 1e6);
    }
  }
}
