package io.strandsetl.model.run;

import io.strandsetl.model.plan.PlanNode;
import java.util.List;

/**
 * One SQL / DataFrame execution.
 *
 * @param executionId execution id
 * @param description the description Spark records (often the action's call site)
 * @param startTimeMs epoch ms
 * @param endTimeMs epoch ms, null if it did not end in the log
 * @param durationMs ms, null if unknown
 * @param status SUCCEEDED, FAILED or RUNNING
 * @param errorMessage the error for a failed execution, else null
 * @param plan the final physical plan (after the last adaptive update), with node metrics
 * @param initialPlanNodeCount number of nodes of the plan at start (before AQE)
 * @param adaptiveUpdates number of adaptive-execution plan updates
 * @param physicalPlanDescription Spark's formatted plan text of the final plan
 * @param jobIds jobs it ran
 * @param stageIds stages it ran
 * @param outputRows rows produced by the root operator (or written), null if unknown
 * @param filesWritten files written by write commands, null if none
 * @param bytesWritten bytes written by write commands, null if none
 * @param structuredStreaming true when it is a micro-batch of a streaming query
 */
public record SqlExecution(
    long executionId,
    String description,
    Long startTimeMs,
    Long endTimeMs,
    Long durationMs,
    String status,
    String errorMessage,
    PlanNode plan,
    int initialPlanNodeCount,
    int adaptiveUpdates,
    String physicalPlanDescription,
    List<Integer> jobIds,
    List<Integer> stageIds,
    Long outputRows,
    Long filesWritten,
    Long bytesWritten,
    boolean structuredStreaming) {

  public SqlExecution {
    jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
    stageIds = stageIds == null ? List.of() : List.copyOf(stageIds);
  }
}
