package io.strandsetl.model.pipeline;

/**
 * Who a pipeline belongs to, for cost roll-ups and notifications. Each field may be null.
 *
 * @param team owning team
 * @param costCenter cost centre charged for the runs
 * @param environment e.g. dev, staging, prod
 * @param priority e.g. low, medium, high, critical
 */
public record PipelineTags(String team, String costCenter, String environment, String priority) {
  public static PipelineTags none() {
    return new PipelineTags(null, null, null, null);
  }
}
