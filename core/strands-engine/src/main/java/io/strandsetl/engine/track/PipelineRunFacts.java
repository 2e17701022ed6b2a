package io.strandsetl.engine.track;

import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.run.AnalysisReport;
import java.time.Instant;
import java.util.Objects;

/**
 * What the pipeline runner reports about one run, in the model's own types (the runner's records
 * live in the Spark module, which the engine does not depend on).
 *
 * @param executionId the runner's execution id (also its run directory's name)
 * @param pipeline the pipeline as parsed: name, stakeholders, tags, owner
 * @param succeeded true when every step succeeded and the outputs were published
 * @param error one-line error of a failed run, else null
 * @param failingStep the step that failed ({@code sink 'orders'}), else null
 * @param master the Spark master URL used
 * @param startTime run start, UTC
 * @param endTime run end, UTC
 * @param report the analysis of the run's own event log, null when it could not be analysed
 */
public record PipelineRunFacts(
    String executionId,
    PipelineSpec pipeline,
    boolean succeeded,
    String error,
    String failingStep,
    String master,
    Instant startTime,
    Instant endTime,
    AnalysisReport report) {
  public PipelineRunFacts {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
  }
}
