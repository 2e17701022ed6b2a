package io.strandsetl.model.store;

/** Where an execution came from. */
public enum JobType {
  /** A YAML pipeline run by Strands. */
  PIPELINE,
  /** An existing Spark application whose event log was analysed. */
  IMPORTED_EVENT_LOG
}
