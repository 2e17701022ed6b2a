package io.strandsetl.server.erasure;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/**
 * One erasure asked for from the dashboard.
 *
 * @param column the subject's key column, e.g. {@code customer_id}
 * @param value the subject's key value: personal data, never printed ({@link #toString()} hides it)
 *     and never echoed back
 * @param job the job (pipeline name) whose registered outputs to search; null when {@code pipeline}
 *     is given
 * @param pipeline path of a pipeline YAML file on the server whose outputs to search; null when
 *     {@code job} is given
 * @param actor who asks, for the audit trail (e.g. {@code dashboard-admin})
 */
public record ErasureRequest(
    String column, String value, String job, String pipeline, String actor) {
  public ErasureRequest {
    column = column == null ? "" : column.strip();
    job = blankToNull(job);
    pipeline = blankToNull(pipeline);
    if (column.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid erasure: the subject's column is required (e.g. column=customer_id)");
    }
    if (value == null || value.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid erasure: the subject's value is required (it is not echoed, it may be personal"
              + " data)");
    }
    if (job == null && pipeline == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid erasure: name a job or a pipeline file whose outputs to search");
    }
    if (job != null && pipeline != null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid erasure: name a job or a pipeline file, not both (job " + job + ")");
    }
    if (actor == null || actor.isBlank()) {
      throw new StrandsException(ErrorCode.INVALID_ARGUMENT, "Invalid erasure: no actor");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Without the value: safe to log. */
  @Override
  public String toString() {
    return "ErasureRequest[column="
        + column
        + ", value=******, job="
        + job
        + ", pipeline="
        + pipeline
        + ", actor="
        + actor
        + "]";
  }
}
