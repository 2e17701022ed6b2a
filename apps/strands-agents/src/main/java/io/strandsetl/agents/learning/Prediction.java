package io.strandsetl.agents.learning;

import io.strandsetl.agents.schema.Description;

/**
 * A predicted value of the next run of a job, with its measured error on the job's past runs.
 *
 * @param value null when there is no history to predict from
 * @param looErrorPercent mean absolute percentage error of the same model on past runs, each
 *     predicted from all the others (leave-one-out); null with fewer than two runs
 */
public record Prediction(
    @Description("duration, cost, output or shuffle") String target,
    @Description("unit of value: ms, USD or bytes") String unit,
    @Description(value = "predicted value, null without history", optional = true) Double value,
    @Description(value = "leave-one-out MAPE on past runs", unit = "percent", optional = true)
        Double looErrorPercent,
    @Description("past runs the model used") int historyRuns,
    @Description("how the value was obtained") String basis) {}
