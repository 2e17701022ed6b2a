package io.strandsetl.spark.run;

import java.time.Instant;

/**
 * One step that ran: reading a source, planning a transform, writing a sink, publishing.
 *
 * @param name step name (the source, transform or sink name)
 * @param kind {@code source}, {@code transform}, {@code sink} or {@code publish}
 * @param status how it ended
 * @param startTime when it started
 * @param durationMs wall time in milliseconds
 * @param error one-line error, null when it succeeded
 */
public record StepRecord(
    String name, String kind, RunStatus status, Instant startTime, long durationMs, String error) {}
