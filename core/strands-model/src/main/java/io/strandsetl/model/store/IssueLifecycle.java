package io.strandsetl.model.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The issue-registry rule, shared by every backend so they cannot drift apart: what a newly
 * recorded execution does to the entries of its job.
 */
public final class IssueLifecycle {
  private IssueLifecycle() {}

  /**
   * The entries of {@code run}'s job that change, sorted by key.
   *
   * <ul>
   *   <li>an issue seen for the first time opens (1 occurrence);
   *   <li>a seen issue counts one more occurrence; it reopens when it was resolved, and takes the
   *       run's severity and start as last sighting when the run is the latest;
   *   <li>an active issue not seen in this run is resolved by {@code run:<executionId>} when the
   *       run started at or after its last sighting (an older, late-imported run resolves nothing).
   * </ul>
   *
   * @param currentOfJob the job's current entries (any order)
   */
  public static List<IssueEntry> apply(List<IssueEntry> currentOfJob, ExecutionRecord run) {
    Map<IssueKey, IssueEntry> current = new TreeMap<>();
    for (IssueEntry entry : currentOfJob) {
      if (!entry.key().jobName().equals(run.jobName())) {
        throw Checks.invalid("issue entry", entry.key(), "not of job " + run.jobName());
      }
      current.put(entry.key(), entry);
    }
    Instant seen = run.startedAt();
    Map<IssueKey, IssueEntry> changed = new TreeMap<>();
    for (DetectedIssue issue : run.issues()) {
      IssueKey key = new IssueKey(run.jobName(), issue.type());
      IssueEntry before = current.get(key);
      if (before == null) {
        changed.put(
            key,
            new IssueEntry(key, issue.severity(), 1, seen, seen, IssueStatus.OPEN, null, null));
        continue;
      }
      boolean latest = !seen.isBefore(before.lastSeen());
      boolean reopen = before.status() == IssueStatus.RESOLVED && latest;
      IssueStatus status = reopen ? IssueStatus.REOPENED : before.status();
      changed.put(
          key,
          new IssueEntry(
              key,
              latest ? issue.severity() : before.severity(),
              before.occurrences() + 1,
              seen.isBefore(before.firstSeen()) ? seen : before.firstSeen(),
              latest ? seen : before.lastSeen(),
              status,
              status == IssueStatus.RESOLVED ? before.resolvedAt() : null,
              status == IssueStatus.RESOLVED ? before.resolvedBy() : null));
    }
    for (IssueEntry entry : current.values()) {
      if (!changed.containsKey(entry.key())
          && entry.status().isActive()
          && !seen.isBefore(entry.lastSeen())) {
        changed.put(entry.key(), resolved(entry, "run:" + run.executionId(), run.endedAt()));
      }
    }
    return new ArrayList<>(changed.values());
  }

  /** {@code entry} resolved by {@code resolvedBy} at {@code at}; a resolved entry is unchanged. */
  public static IssueEntry resolved(IssueEntry entry, String resolvedBy, Instant at) {
    Checks.text(resolvedBy, "resolvedBy");
    if (entry.status() == IssueStatus.RESOLVED) {
      return entry;
    }
    return new IssueEntry(
        entry.key(),
        entry.severity(),
        entry.occurrences(),
        entry.firstSeen(),
        entry.lastSeen(),
        IssueStatus.RESOLVED,
        at,
        resolvedBy);
  }
}
