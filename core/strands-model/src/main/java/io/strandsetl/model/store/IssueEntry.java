package io.strandsetl.model.store;

import io.strandsetl.model.finding.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code issue_registry}.
 *
 * @param severity severity of the latest occurrence
 * @param occurrences number of executions that showed it
 * @param firstSeen start of the first execution that showed it, UTC
 * @param lastSeen start of the latest execution that showed it, UTC
 * @param resolvedAt when it was last resolved; null unless {@code RESOLVED}
 * @param resolvedBy {@code run:<executionId>} or the user who resolved it; null unless resolved
 */
public record IssueEntry(
    IssueKey key,
    Severity severity,
    long occurrences,
    Instant firstSeen,
    Instant lastSeen,
    IssueStatus status,
    Instant resolvedAt,
    String resolvedBy) {
  public IssueEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(severity, "severity");
    if (occurrences < 1) {
      throw Checks.invalid("issue occurrences", occurrences, "must be >= 1");
    }
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (lastSeen.isBefore(firstSeen)) {
      throw Checks.invalid("issue lastSeen", lastSeen, "before firstSeen " + firstSeen);
    }
    Objects.requireNonNull(status, "status");
    firstSeen = Checks.micros(firstSeen);
    lastSeen = Checks.micros(lastSeen);
    resolvedAt = Checks.micros(resolvedAt);
    if ((status == IssueStatus.RESOLVED) != (resolvedAt != null && resolvedBy != null)) {
      throw Checks.invalid(
          "issue resolution", status, "resolvedAt and resolvedBy are set exactly when RESOLVED");
    }
  }
}
