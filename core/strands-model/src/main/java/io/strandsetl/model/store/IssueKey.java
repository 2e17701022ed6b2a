package io.strandsetl.model.store;

/** The key of {@code issue_registry}: an issue type within a job. Sorted by job, then type. */
public record IssueKey(String jobName, String issueType) implements Comparable<IssueKey> {
  public IssueKey {
    Checks.text(jobName, "issue jobName");
    Checks.text(issueType, "issue type");
  }

  @Override
  public int compareTo(IssueKey other) {
    int byJob = jobName.compareTo(other.jobName);
    return byJob != 0 ? byJob : issueType.compareTo(other.issueType);
  }
}
