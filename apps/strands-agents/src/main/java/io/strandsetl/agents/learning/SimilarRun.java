package io.strandsetl.agents.learning;

import io.strandsetl.agents.schema.Description;
import java.time.Instant;

/** A past run near another one (see {@link Similarity}). */
public record SimilarRun(
    String executionId,
    String jobName,
    String platform,
    Instant startedAt,
    @Description("normalised distance, 0 = identical features") double distance,
    @Description(value = "1 / (1 + distance)", unit = "fraction 0-1") double similarity,
    @Description(value = "input read", unit = "bytes") long inputBytes,
    @Description(value = "duration", unit = "ms") long durationMs,
    @Description(value = "cost", unit = "USD") double costUsd) {}
