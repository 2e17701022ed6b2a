package io.strandsetl.model.store;

/** How an execution ended. The store keeps finished executions only. */
public enum ExecutionStatus {
  SUCCEEDED,
  FAILED,
  CANCELLED
}
