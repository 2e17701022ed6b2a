package io.strandsetl.agents.optimization;

import io.strandsetl.agents.schema.Description;

/** One Spark property to change, with the rule and the measurement behind it. */
public record ConfigChange(
    @Description("Spark property") String key,
    @Description(value = "value the run used, null when Spark's default applied", optional = true)
        String current,
    @Description("recommended value") String recommended,
    @Description("the rule that produced it") String rule,
    @Description("the measured numbers, one line") String evidence) {}
