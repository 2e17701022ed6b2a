package io.strandsetl.model.run;

import java.util.List;

/**
 * One Spark job.
 *
 * @param jobId job id
 * @param status SUCCEEDED, FAILED or RUNNING (no end event)
 * @param submissionTimeMs epoch ms
 * @param completionTimeMs epoch ms, null if unknown
 * @param durationMs ms, null if unknown
 * @param stageIds stages of the job
 * @param sqlExecutionId the SQL execution that ran it, null if none
 * @param failureReason why it failed, else null
 */
public record JobSummary(
    int jobId,
    String status,
    Long submissionTimeMs,
    Long completionTimeMs,
    Long durationMs,
    List<Integer> stageIds,
    Long sqlExecutionId,
    String failureReason) {

  public JobSummary {
    stageIds = stageIds == null ? List.of() : List.copyOf(stageIds);
  }
}
