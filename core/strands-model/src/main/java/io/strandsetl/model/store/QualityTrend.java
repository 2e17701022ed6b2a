package io.strandsetl.model.store;

/** Direction of a dataset's overall quality compared with its previous measurement. */
public enum QualityTrend {
  FIRST,
  IMPROVING,
  STABLE,
  DEGRADING
}
