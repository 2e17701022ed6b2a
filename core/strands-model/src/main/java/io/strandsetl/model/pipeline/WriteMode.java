package io.strandsetl.model.pipeline;

/** How a sink treats data already at its path. */
public enum WriteMode {
  /** The published output replaces the previous one as a whole (directory swap). */
  OVERWRITE,
  /** The new files are added beside the previous ones. */
  APPEND
}
