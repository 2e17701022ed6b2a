package io.strandsetl.compliance.eval;

import java.util.Locale;

/** True/false positives and false negatives, and the measures derived from them. */
final class Score {
  long tp;
  long fp;
  long fn;

  double precision() {
    return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
  }

  double recall() {
    return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  void add(Score o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "P %.3f R %.3f F1 %.3f (tp %d, fp %d, fn %d)",
        precision(),
        recall(),
        f1(),
        tp,
        fp,
        fn);
  }
}
