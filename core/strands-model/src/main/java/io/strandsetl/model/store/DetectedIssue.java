package io.strandsetl.model.store;

import io.strandsetl.model.finding.Severity;
import java.util.Objects;

/**
 * One issue seen in an execution; the key of the issue registry is (job, {@code type}).
 *
 * @param type stable issue type id (a detector id such as {@code data-skew})
 * @param summary one line, what was seen in this run
 */
public record DetectedIssue(String type, Severity severity, String summary) {
  public DetectedIssue {
    Checks.text(type, "issue type");
    Objects.requireNonNull(severity, "severity");
    summary = summary == null ? "" : summary;
  }
}
