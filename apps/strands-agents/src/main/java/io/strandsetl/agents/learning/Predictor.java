package io.strandsetl.agents.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Predicts a value (duration, cost, bytes) of a job's next run from its past runs and the next
 * run's input size. Model: log y = a + b·log(1 + input bytes), fitted by least squares when at
 * least three runs with different input sizes exist (b clamped to [0, 1.5]: more input never makes
 * a run faster, and super-linear growth beyond 1.5 is a fit to noise); otherwise b = 0 and a = the
 * mean log of the last five runs (a geometric mean). Its error is measured leave-one-out: each past
 * run predicted from all the others, the mean absolute percentage error reported.
 */
final class Predictor {
  private static final int MIN_FIT = 3;
  private static final int RECENT = 5;

  private Predictor() {}

  record Model(double a, double b, String basis) {
    double at(long inputBytes) {
      return Math.exp(a + b * Math.log1p(inputBytes));
    }
  }

  /**
   * @param history the job's successful runs, oldest first
   * @param inputBytes input size of the next run, bytes
   */
  static Prediction predict(
      String target,
      String unit,
      List<RunFeatures> history,
      ToDoubleFunction<RunFeatures> value,
      long inputBytes) {
    List<RunFeatures> usable = history.stream().filter(r -> value.applyAsDouble(r) > 0).toList();
    if (usable.isEmpty()) {
      return new Prediction(target, unit, null, null, 0, "no past run of this job measured it");
    }
    Model model = fit(usable, value);
    Double loo = null;
    if (usable.size() >= 2) {
      double sum = 0;
      for (int i = 0; i < usable.size(); i++) {
        List<RunFeatures> others = new ArrayList<>(usable);
        RunFeatures left = others.remove(i);
        double actual = value.applyAsDouble(left);
        sum += Math.abs(fit(others, value).at(left.inputBytes()) - actual) / actual;
      }
      loo = Similarity.round(100 * sum / usable.size());
    }
    return new Prediction(target, unit, model.at(inputBytes), loo, usable.size(), model.basis());
  }

  static Model fit(List<RunFeatures> runs, ToDoubleFunction<RunFeatures> value) {
    int n = runs.size();
    double mx = 0;
    double my = 0;
    for (RunFeatures r : runs) {
      mx += Math.log1p(r.inputBytes()) / n;
      my += Math.log(value.applyAsDouble(r)) / n;
    }
    double sxx = 0;
    double sxy = 0;
    for (RunFeatures r : runs) {
      double dx = Math.log1p(r.inputBytes()) - mx;
      sxx += dx * dx;
      sxy += dx * (Math.log(value.applyAsDouble(r)) - my);
    }
    if (n >= MIN_FIT && sxx > 1e-6) {
      double b = Math.max(0, Math.min(1.5, sxy / sxx));
      return new Model(
          my - b * mx,
          b,
          String.format(Locale.ROOT, "log-log fit on %d runs: value ~ input^%.2f", n, b));
    }
    List<RunFeatures> recent = runs.subList(Math.max(0, n - RECENT), n);
    double mean = 0;
    for (RunFeatures r : recent) {
      mean += Math.log(value.applyAsDouble(r)) / recent.size();
    }
    return new Model(
        mean,
        0,
        "geometric mean of the last " + recent.size() + " run(s) (input size does not vary)");
  }
}
