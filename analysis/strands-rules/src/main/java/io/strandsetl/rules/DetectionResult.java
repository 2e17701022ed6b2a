package io.strandsetl.rules;

import io.strandsetl.model.finding.Finding;
import java.util.List;

/**
 * What running a set of detectors over one run produced.
 *
 * @param findings all findings, sorted by severity (most severe first), then type, then id
 * @param failures detectors that threw, in the order they ran; empty when all succeeded
 */
public record DetectionResult(List<Finding> findings, List<DetectorFailure> failures) {
  public DetectionResult {
    findings = findings == null ? List.of() : List.copyOf(findings);
    failures = failures == null ? List.of() : List.copyOf(failures);
  }

  public boolean complete() {
    return failures.isEmpty();
  }
}
