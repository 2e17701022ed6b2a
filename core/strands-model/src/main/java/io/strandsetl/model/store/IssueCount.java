package io.strandsetl.model.store;

import io.strandsetl.model.finding.Severity;
import java.util.Objects;

/**
 * How many executions in a filter showed one issue type at one severity, within one group (a job, a
 * day, a platform, ... see {@link Dimension}): one cell of the issue heat map.
 *
 * @param group the {@link Dimension} key
 * @param occurrences executions that showed it
 */
public record IssueCount(String issueType, Severity severity, String group, long occurrences) {
  public IssueCount {
    Checks.text(issueType, "issue type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(group, "group");
    Checks.nonNegative(occurrences, "issue occurrences");
  }
}
