package io.strandsetl.model.run;

/**
 * Summary of a distribution of per-task values (for example task duration in ms or task input in
 * bytes). The unit is the unit of the field that holds it. Quantiles come from a t-digest sketch
 * and are exact while a stage has at most a few thousand tasks.
 *
 * @param count number of values
 * @param min smallest value
 * @param p25 25th percentile
 * @param median 50th percentile
 * @param p75 75th percentile
 * @param p95 95th percentile
 * @param max largest value
 * @param sum sum of all values
 */
public record Distribution(
    long count,
    double min,
    double p25,
    double median,
    double p75,
    double p95,
    double max,
    double sum) {

  public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0, 0, 0);

  public Distribution {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + count);
    }
  }

  public double mean() {
    return count == 0 ? 0 : sum / count;
  }
}
