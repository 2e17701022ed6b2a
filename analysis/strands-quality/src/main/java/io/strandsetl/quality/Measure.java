package io.strandsetl.quality;

/**
 * One aggregate the profiler computes.
 *
 * @param id the name its value is looked up by ({@code rows}, {@code c2.nulls}, {@code
 *     r3.violations})
 * @param sql a Spark SQL aggregate expression over the dataset's rows
 */
public record Measure(String id, String sql) {}
