/**
 * The Spark side of data quality: {@link io.strandsetl.spark.quality.DatasetQuality} measures a
 * dataset (one profiling aggregation, one duplicates aggregation, one job per functional
 * dependency, referential-integrity check or reconciliation) and {@link
 * io.strandsetl.spark.quality.QualityHook} gates a pipeline run on the result. Semantics and
 * scoring live in {@code io.strandsetl.quality} (no Spark); see {@code docs/quality.md}.
 */
package io.strandsetl.spark.quality;
