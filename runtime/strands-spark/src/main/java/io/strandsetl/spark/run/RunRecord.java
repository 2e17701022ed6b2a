package io.strandsetl.spark.run;

import io.strandsetl.model.pipeline.PipelineSpec;
import java.time.Instant;
import java.util.List;

/**
 * What one {@code strands run} did: the {@code run} object of {@code report.json} and the content
 * of {@code run.json} (see docs/schemas/run-report.md).
 *
 * @param executionId unique id of the run, also the run directory's name
 * @param status SUCCEEDED or FAILED
 * @param error one-line error of a failed run, else null
 * @param failingStep name of the step that failed, else null
 * @param pipeline the pipeline as parsed (identity, steps and the carried sections)
 * @param master Spark master URL used
 * @param runDir run directory
 * @param eventLogDir directory Spark wrote the event log into
 * @param startTime run start
 * @param endTime run end (after publish, before analysis)
 * @param durationMs end − start, milliseconds
 * @param steps steps that ran, in order
 * @param sinks what each sink wrote
 * @param watermarks incremental sources' watermarks
 * @param analysisError one-line reason the event log could not be analysed, else null
 * @param analysisDurationMs wall time of analysing the event log after the run, milliseconds
 *     (Strands' own overhead besides the event log itself)
 */
public record RunRecord(
    String executionId,
    RunStatus status,
    String error,
    String failingStep,
    PipelineSpec pipeline,
    String master,
    String runDir,
    String eventLogDir,
    Instant startTime,
    Instant endTime,
    long durationMs,
    List<StepRecord> steps,
    List<SinkRecord> sinks,
    List<WatermarkRecord> watermarks,
    String analysisError,
    long analysisDurationMs) {
  public RunRecord {
    steps = List.copyOf(steps);
    sinks = List.copyOf(sinks);
    watermarks = List.copyOf(watermarks);
  }
}
