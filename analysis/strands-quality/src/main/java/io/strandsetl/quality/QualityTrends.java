package io.strandsetl.quality;

import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityTrend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Trend and anomalies of a dataset's overall score against its own history.
 *
 * <p>Anomaly rules (documented in {@code docs/quality.md}): with at least {@code minHistory}
 * earlier scores among the last {@code window}, the score is an anomaly when it is below {@code
 * median - k * max(1.4826 * MAD, 0.01)}; independently, a drop of more than {@code maxDrop} since
 * the previous run is an anomaly. The trend compares with the previous score: a change of more than
 * 0.01 (one point) either way is improving or degrading, else stable.
 */
public final class QualityTrends {
  /** A change of at most one point (0.01) is stable. */
  static final double STABLE_BAND = 0.01;

  private QualityTrends() {}

  /**
   * The trend and anomalies of the newest entry of {@code entries} against the earlier ones.
   *
   * @param entries one dataset's history in any order
   */
  public static TrendReport of(List<QualityHistoryEntry> entries, AnomalyPolicy policy) {
    List<QualityHistoryEntry> sorted =
        entries.stream().sorted(Comparator.comparing(QualityHistoryEntry::at)).toList();
    if (sorted.isEmpty()) {
      return new TrendReport(0, null, null, null, QualityTrend.FIRST, List.of());
    }
    double latest = sorted.get(sorted.size() - 1).scores().overall();
    List<Double> earlier =
        sorted.subList(Math.max(0, sorted.size() - 1 - policy.window()), sorted.size() - 1).stream()
            .map(e -> e.scores().overall())
            .toList();
    return evaluate(earlier, latest, policy, sorted.size());
  }

  /** The trend of {@code current} after {@code earlier} (oldest first). */
  static TrendReport evaluate(
      List<Double> earlier, Double current, AnomalyPolicy policy, int runs) {
    List<Double> known = earlier.stream().filter(java.util.Objects::nonNull).toList();
    List<Double> window = known.subList(Math.max(0, known.size() - policy.window()), known.size());
    Double median = window.isEmpty() ? null : median(window);
    Double mad = window.isEmpty() ? null : mad(window, median);
    if (current == null) {
      return new TrendReport(runs, null, median, mad, QualityTrend.FIRST, List.of());
    }
    QualityTrend trend = QualityTrend.FIRST;
    List<String> anomalies = new ArrayList<>();
    if (!window.isEmpty()) {
      double previous = window.get(window.size() - 1);
      double change = current - previous;
      trend =
          change > STABLE_BAND
              ? QualityTrend.IMPROVING
              : change < -STABLE_BAND ? QualityTrend.DEGRADING : QualityTrend.STABLE;
      if (window.size() >= policy.minHistory()) {
        double spread = Math.max(AnomalyPolicy.MAD_SCALE * mad, AnomalyPolicy.MIN_SPREAD);
        double floor = median - policy.k() * spread;
        if (current < floor) {
          anomalies.add(
              String.format(
                  Locale.ROOT,
                  "overall %.3f is below the usual range of the last %d runs (median %.3f - %.1f x"
                      + " spread %.3f = %.3f)",
                  current,
                  window.size(),
                  median,
                  policy.k(),
                  spread,
                  floor));
        }
      }
      if (previous - current > policy.maxDrop()) {
        anomalies.add(
            String.format(
                Locale.ROOT,
                "overall dropped %.1f points since the previous run (%.3f -> %.3f; limit %.1f)",
                (previous - current) * 100,
                previous,
                current,
                policy.maxDrop() * 100));
      }
    }
    return new TrendReport(runs, current, median, mad, trend, anomalies);
  }

  static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static double mad(List<Double> values, double median) {
    return median(values.stream().map(v -> Math.abs(v - median)).toList());
  }

  /**
   * @param runs measurements considered, including the newest
   * @param latest the newest overall score, or null
   * @param median median of the earlier scores in the window, or null without history
   * @param mad median absolute deviation of those scores (unscaled), or null
   * @param anomalies one line each
   */
  public record TrendReport(
      int runs,
      Double latest,
      Double median,
      Double mad,
      QualityTrend trend,
      List<String> anomalies) {
    public TrendReport {
      anomalies = List.copyOf(anomalies);
    }
  }
}
