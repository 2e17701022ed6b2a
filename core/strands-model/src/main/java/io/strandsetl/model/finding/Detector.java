package io.strandsetl.model.finding;

import io.strandsetl.model.run.RunAnalysis;
import java.util.List;

/** Looks at one analysed run and reports what is wrong with it. Stateless and thread-safe. */
public interface Detector {
  /** The stable id, also the {@code type} of every finding it reports ({@code data-skew}). */
  String id();

  /** Findings for this run, in a deterministic order; empty when nothing is wrong. */
  List<Finding> detect(RunAnalysis run);
}
