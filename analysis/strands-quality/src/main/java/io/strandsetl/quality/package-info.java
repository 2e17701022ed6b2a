/**
 * Data quality without Spark: the typed {@code quality:} section of a pipeline ({@link
 * QualitySpec}), the measurement plan a Spark profiler runs as SQL aggregates ({@link
 * MeasurePlan}), scoring in five dimensions from measured counts ({@link QualityScorer}), anomalies
 * against the job's own history ({@link QualityTrends}) and the report ({@link QualityReport}).
 * Definitions are in {@code docs/quality.md}.
 */
package io.strandsetl.quality;
