package io.strandsetl.model.plan;

/**
 * One SQL metric of a plan node, with its final value.
 *
 * @param name Spark's metric name ("number of output rows", "data size", …)
 * @param type Spark's metric type: sum, size (bytes), timing (ms), nsTiming (ns), average
 * @param accumulatorId the accumulator that carries it
 * @param value the final value (sum over tasks, or the driver's value), null if never reported
 */
public record PlanMetric(String name, String type, long accumulatorId, Long value) {}
