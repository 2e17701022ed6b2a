package io.strandsetl.cost.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Daily cost forecasts. With at least {@value #HOLT_WINTERS_MIN_DAYS} days: additive Holt-Winters,
 * season {@value #SEASON} days, alpha/beta/gamma chosen on a grid by the smallest one-step-ahead
 * sum of squared errors; 80% interval from the one-step residuals with the variance growth of the
 * additive model ({@code σ²(1 + Σ_{j<h} (α(1 + jβ) + γ·[j mod m = 0])²)}, Hyndman et al.). With
 * {@value #LINEAR_MIN_DAYS}–27 days: a least-squares line with its prediction interval. Fewer: no
 * forecast. The backtest refits on all but the last {@value #BACKTEST_DAYS} days and reports MAPE
 * on them.
 */
public final class CostForecaster {
  public static final int SEASON = 7;
  public static final int HOLT_WINTERS_MIN_DAYS = 28;
  public static final int LINEAR_MIN_DAYS = 14;
  public static final int BACKTEST_DAYS = 7;

  /** Standard normal quantile for a two-sided 80% interval. */
  static final double Z80 = 1.2815515655446004;

  private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8};
  private static final double[] BETAS = {0.0, 0.01, 0.05, 0.1, 0.2, 0.3};
  private static final double[] GAMMAS = {0.05, 0.1, 0.2, 0.3, 0.5};

  private CostForecaster() {}

  /**
   * Forecasts {@code horizon} days after {@code lastDay} from {@code daily} (USD per day, oldest
   * first, the last value is {@code lastDay}).
   */
  public static Forecast forecast(double[] daily, LocalDate lastDay, int horizon) {
    int n = daily.length;
    if (n < LINEAR_MIN_DAYS) {
      return new Forecast(
          ForecastMethod.NONE,
          String.format(
              Locale.ROOT,
              "only %d days of history; a forecast needs at least %d (Holt-Winters %d)",
              n,
              LINEAR_MIN_DAYS,
              HOLT_WINTERS_MIN_DAYS),
          n,
          List.of(),
          0,
          0,
          0,
          null,
          null,
          null,
          null);
    }
    Fit fit = fit(daily);
    Double mape = null;
    double[] shorter = java.util.Arrays.copyOf(daily, n - BACKTEST_DAYS);
    if (shorter.length >= LINEAR_MIN_DAYS) {
      double[] predicted = fit(shorter).predict(BACKTEST_DAYS);
      mape = mape(java.util.Arrays.copyOfRange(daily, n - BACKTEST_DAYS, n), predicted);
    }
    List<ForecastPoint> points = new ArrayList<>();
    double[] mean = fit.predict(horizon);
    double total = 0;
    double lower = 0;
    double upper = 0;
    for (int h = 1; h <= horizon; h++) {
      double half = Z80 * fit.sigma(h);
      double m = Math.max(0, mean[h - 1]);
      double lo = Math.max(0, mean[h - 1] - half);
      double hi = Math.max(0, mean[h - 1] + half);
      points.add(new ForecastPoint(lastDay.plusDays(h), m, lo, hi));
      total += m;
      lower += lo;
      upper += hi;
    }
    boolean hw = fit.method == ForecastMethod.HOLT_WINTERS;
    String reason =
        hw
            ? String.format(
                Locale.ROOT,
                "%d days of history: Holt-Winters additive, weekly season, alpha=%s beta=%s"
                    + " gamma=%s (smallest one-step SSE on the grid)",
                n,
                fit.alpha,
                fit.beta,
                fit.gamma)
            : String.format(
                Locale.ROOT,
                "%d days of history (< %d for a weekly Holt-Winters): least-squares line",
                n,
                HOLT_WINTERS_MIN_DAYS);
    return new Forecast(
        fit.method,
        reason,
        n,
        points,
        total,
        lower,
        upper,
        mape,
        hw ? fit.alpha : null,
        hw ? fit.beta : null,
        hw ? fit.gamma : null);
  }

  /** Mean absolute percentage error over days with a non-zero actual; null when there is none. */
  static Double mape(double[] actual, double[] predicted) {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] != 0) {
        sum += Math.abs(actual[i] - Math.max(0, predicted[i])) / Math.abs(actual[i]);
        count++;
      }
    }
    return count == 0 ? null : 100.0 * sum / count;
  }

  static Fit fit(double[] y) {
    return y.length >= HOLT_WINTERS_MIN_DAYS ? fitHoltWinters(y) : fitLinear(y);
  }

  static Fit fitHoltWinters(double[] y) {
    Fit best = null;
    for (double a : ALPHAS) {
      for (double b : BETAS) {
        for (double g : GAMMAS) {
          Fit f = holtWinters(y, a, b, g);
          if (best == null || f.sse < best.sse) {
            best = f;
          }
        }
      }
    }
    return best;
  }

  /** One pass of additive Holt-Winters; initial state from the first two seasons. */
  static Fit holtWinters(double[] y, double alpha, double beta, double gamma) {
    int m = SEASON;
    double first = mean(y, 0, m);
    double second = mean(y, m, 2 * m);
    double level = first;
    double trend = (second - first) / m;
    double[] season = new double[m];
    for (int i = 0; i < m; i++) {
      season[i] = y[i] - first;
    }
    double sse = 0;
    int count = 0;
    for (int t = m; t < y.length; t++) {
      int s = t % m;
      double predicted = level + trend + season[s];
      double error = y[t] - predicted;
      sse += error * error;
      count++;
      double newLevel = alpha * (y[t] - season[s]) + (1 - alpha) * (level + trend);
      trend = beta * (newLevel - level) + (1 - beta) * trend;
      season[s] = gamma * (y[t] - newLevel) + (1 - gamma) * season[s];
      level = newLevel;
    }
    Fit f = new Fit(ForecastMethod.HOLT_WINTERS, alpha, beta, gamma);
    f.level = level;
    f.trend = trend;
    f.season = season;
    f.n = y.length;
    f.sse = sse;
    f.variance = count > 0 ? sse / count : 0;
    return f;
  }

  static Fit fitLinear(double[] y) {
    int n = y.length;
    double xMean = (n - 1) / 2.0;
    double yMean = mean(y, 0, n);
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (i - xMean) * (i - xMean);
      sxy += (i - xMean) * (y[i] - yMean);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double intercept = yMean - slope * xMean;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - (intercept + slope * i);
      sse += e * e;
    }
    Fit f = new Fit(ForecastMethod.LINEAR, Double.NaN, Double.NaN, Double.NaN);
    f.level = intercept;
    f.trend = slope;
    f.n = n;
    f.sse = sse;
    f.variance = n > 2 ? sse / (n - 2) : 0;
    f.xMean = xMean;
    f.sxx = sxx;
    return f;
  }

  private static double mean(double[] y, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += y[i];
    }
    return s / (to - from);
  }

  /** A fitted model: its final state and residual variance. */
  static final class Fit {
    final ForecastMethod method;
    final double alpha;
    final double beta;
    final double gamma;
    double level;
    double trend;
    double[] season;
    int n;
    double sse;
    double variance;
    double xMean;
    double sxx;

    Fit(ForecastMethod method, double alpha, double beta, double gamma) {
      this.method = method;
      this.alpha = alpha;
      this.beta = beta;
      this.gamma = gamma;
    }

    double[] predict(int horizon) {
      double[] out = new double[horizon];
      for (int h = 1; h <= horizon; h++) {
        out[h - 1] =
            switch (method) {
              case HOLT_WINTERS -> level + h * trend + season[(n - 1 + h) % SEASON];
              case LINEAR -> level + trend * (n - 1 + h);
              case NONE -> 0;
            };
      }
      return out;
    }

    /** Standard deviation of the h-step-ahead error. */
    double sigma(int h) {
      return switch (method) {
        case HOLT_WINTERS -> {
          double factor = 1;
          for (int j = 1; j < h; j++) {
            double c = alpha * (1 + j * beta) + (j % SEASON == 0 ? gamma : 0);
            factor += c * c;
          }
          yield Math.sqrt(variance * factor);
        }
        case LINEAR -> {
          double x = n - 1 + h;
          double spread = sxx == 0 ? 0 : (x - xMean) * (x - xMean) / sxx;
          yield Math.sqrt(variance * (1 + 1.0 / n + spread));
        }
        case NONE -> 0;
      };
    }
  }
}
