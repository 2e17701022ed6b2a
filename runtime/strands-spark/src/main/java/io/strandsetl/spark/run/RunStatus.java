package io.strandsetl.spark.run;

/** Outcome of a run or of one of its steps. */
public enum RunStatus {
  SUCCEEDED,
  FAILED
}
