package io.strandsetl.engine.track;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.TrackingStore;

/**
 * Records runs, treating a run whose execution id is already stored as done rather than as an
 * error: saving the same event log twice must not duplicate it, nor fail.
 */
public final class RunTracker {
  /** What {@link #record} did. */
  public enum Outcome {
    /** Written now. */
    RECORDED,
    /** The execution id was already in the store; nothing was written. */
    ALREADY_RECORDED
  }

  private RunTracker() {}

  /**
   * Writes {@code run} unless its execution id is stored already (also when another process stored
   * it between the check and the write: the store refuses the duplicate as a whole).
   */
  public static Outcome record(TrackingStore store, RunRecord run) {
    String id = run.execution().executionId();
    if (store.findExecution(id).isPresent()) {
      return Outcome.ALREADY_RECORDED;
    }
    try {
      store.recordRun(run);
      return Outcome.RECORDED;
    } catch (StrandsException e) {
      if (store.findExecution(id).isPresent()) {
        return Outcome.ALREADY_RECORDED;
      }
      throw e;
    }
  }
}
