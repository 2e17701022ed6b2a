package io.strandsetl.agents.supervisor;

import io.strandsetl.agents.decision.DecisionAgent.PlatformRecommendation;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.spark.run.RunResult;
import java.nio.file.Path;

/**
 * What the agents of the parallel phase see of a finished run.
 *
 * @param spec the pipeline, null for an imported event log
 * @param result the runner's result, null for an imported event log
 * @param report the analysis of the run's event log, null when it could not be analysed
 * @param eventLog the event log (file or directory), null when none
 * @param recommendation the Decision agent's recommendation, null for an imported event log
 * @param runDir where agents may write their reports, null for an imported event log
 */
public record RunState(
    String executionId,
    String jobName,
    PipelineSpec spec,
    RunResult result,
    AnalysisReport report,
    Path eventLog,
    PlatformRecommendation recommendation,
    Path runDir) {}
