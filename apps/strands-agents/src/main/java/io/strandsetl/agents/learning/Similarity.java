package io.strandsetl.agents.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Nearest runs by normalised distance. Each run is a vector of seven features: log(1+x) of input,
 * shuffle and output bytes, stages, tasks and duration (ms), and the join count. Sizes are
 * log-scaled because ETL runs span six orders of magnitude: without it a 1 GB and a 2 GB run would
 * be further apart than 1 KB and 100 MB. Each feature is then z-scored over the population (the
 * candidates plus the run itself), so that no unit dominates; a feature that does not vary carries
 * no information and is left out. distance = sqrt(mean over used features of the squared z
 * difference); similarity = 1 / (1 + distance).
 */
final class Similarity {
  static final List<String> FEATURES =
      List.of(
          "log input bytes",
          "log shuffle bytes",
          "log output bytes",
          "log stages",
          "log tasks",
          "joins",
          "log duration ms");

  private Similarity() {}

  static double[] vector(RunFeatures f) {
    return new double[] {
      Math.log1p(f.inputBytes()),
      Math.log1p(f.shuffleBytes()),
      Math.log1p(f.outputBytes()),
      Math.log1p(f.stages()),
      Math.log1p(f.tasks()),
      f.joins(),
      Math.log1p(f.durationMs())
    };
  }

  /** The {@code k} candidates nearest to {@code target}, nearest first (ties by execution id). */
  static List<SimilarRun> nearest(RunFeatures target, List<RunFeatures> candidates, int k) {
    List<RunFeatures> others =
        candidates.stream().filter(c -> !c.executionId().equals(target.executionId())).toList();
    if (others.isEmpty()) {
      return List.of();
    }
    List<double[]> vectors = new ArrayList<>();
    vectors.add(vector(target));
    others.forEach(o -> vectors.add(vector(o)));
    int dims = FEATURES.size();
    double[] mean = new double[dims];
    double[] std = new double[dims];
    for (double[] v : vectors) {
      for (int d = 0; d < dims; d++) {
        mean[d] += v[d] / vectors.size();
      }
    }
    for (double[] v : vectors) {
      for (int d = 0; d < dims; d++) {
        std[d] += (v[d] - mean[d]) * (v[d] - mean[d]) / vectors.size();
      }
    }
    for (int d = 0; d < dims; d++) {
      std[d] = Math.sqrt(std[d]);
    }
    double[] t = vectors.get(0);
    List<SimilarRun> result = new ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      double[] v = vectors.get(i + 1);
      double sum = 0;
      int used = 0;
      for (int d = 0; d < dims; d++) {
        if (std[d] > 1e-9) {
          double z = (v[d] - t[d]) / std[d];
          sum += z * z;
          used++;
        }
      }
      double distance = used == 0 ? 0 : Math.sqrt(sum / used);
      RunFeatures o = others.get(i);
      result.add(
          new SimilarRun(
              o.executionId(),
              o.jobName(),
              o.platform(),
              o.startedAt(),
              round(distance),
              round(1 / (1 + distance)),
              o.inputBytes(),
              o.durationMs(),
              o.costUsd()));
    }
    result.sort(
        Comparator.comparingDouble(SimilarRun::distance).thenComparing(SimilarRun::executionId));
    return List.copyOf(result.subList(0, Math.min(k, result.size())));
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
