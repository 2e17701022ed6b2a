package io.strandsetl.spark.run;

/**
 * The watermark of one incremental source in one run.
 *
 * @param source source name
 * @param column watermark column
 * @param previous watermark the run read after (rows with column &gt; previous), null for all rows
 * @param next watermark stored for the next run once published (max of the column over the rows
 *     read, or the previous one when no row was read)
 */
public record WatermarkRecord(String source, String column, String previous, String next) {}
