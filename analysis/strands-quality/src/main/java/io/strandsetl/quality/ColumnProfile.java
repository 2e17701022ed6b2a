package io.strandsetl.quality;

/**
 * Profile of one column, from the single profiling pass.
 *
 * @param type Spark SQL type name
 * @param nulls null cells
 * @param missingTokens non-null cells holding a missing token (or NaN for floating point)
 * @param approxDistinct approximate distinct non-null values (HyperLogLog++, ~5% relative error),
 *     or null when not computed (complex types, or switched off)
 * @param min smallest value (numbers and dates), or null
 * @param max largest value (numbers and dates), or null
 * @param mean arithmetic mean (numbers), or null
 */
public record ColumnProfile(
    String name,
    String type,
    long nulls,
    long missingTokens,
    Long approxDistinct,
    String min,
    String max,
    Double mean) {

  /** Null cells plus missing tokens. */
  public long missing() {
    return nulls + missingTokens;
  }
}
