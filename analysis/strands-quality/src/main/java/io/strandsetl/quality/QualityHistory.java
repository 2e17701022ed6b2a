package io.strandsetl.quality;

import io.strandsetl.model.store.QualityHistoryEntry;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/** Earlier measurements of a job's datasets, which anomalies and row-count drift compare with. */
public interface QualityHistory {

  /** Up to {@code limit} most recent points of {@code dataset} of {@code job}, oldest first. */
  List<HistoryPoint> recent(String job, String dataset, int limit);

  /** Keeps this run's points; histories that are written elsewhere (the store) ignore it. */
  default void record(String job, String dataset, HistoryPoint point) {}

  static QualityHistory none() {
    return (job, dataset, limit) -> List.of();
  }

  /**
   * Scores read from the tracking store ({@code trackingStore::qualityHistory}); a not-measured
   * overall cannot be told apart there, and row counts are unknown.
   */
  static QualityHistory fromEntries(BiFunction<String, String, List<QualityHistoryEntry>> read) {
    return (job, dataset, limit) -> {
      List<HistoryPoint> all =
          read.apply(job, dataset).stream()
              .sorted(Comparator.comparing(QualityHistoryEntry::at))
              .map(e -> new HistoryPoint(e.executionId(), e.at(), e.scores().overall(), null))
              .toList();
      return all.subList(Math.max(0, all.size() - limit), all.size());
    };
  }
}
