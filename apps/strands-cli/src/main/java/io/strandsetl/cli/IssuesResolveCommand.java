package io.strandsetl.cli;

import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueKey;
import io.strandsetl.model.store.IssueStatus;
import io.strandsetl.model.store.TrackingStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strands issues resolve JOB ISSUE_TYPE}: a user resolves one registry entry. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Marks one issue resolved. An issue is identified by its job and issue type, the first two",
      "columns of 'strands issues' (e.g. strands issues resolve nightly-orders data-skew). It reopens",
      "when a later run shows it again. Resolving a resolved issue changes nothing.",
      "Exit 0, 2 when the job has no such issue."
    })
final class IssuesResolveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "JOB", description = "The job name.")
  String job;

  @Parameters(index = "1", paramLabel = "ISSUE_TYPE", description = "The issue type (detector id).")
  String issueType;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who resolves it, kept in the registry (default: the login name).")
  String by = System.getProperty("user.name", "user");

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    boolean json = store.json();
    IssueEntry resolved;
    boolean changed;
    try (TrackingStore s = store.open()) {
      IssueKey key = new IssueKey(job, issueType);
      Instant now = clock.instant();
      // resolveIssue names an unknown key; the state before tells whether this call changed it.
      IssueStatus before =
          s.issues().stream()
              .filter(i -> i.key().equals(key))
              .map(IssueEntry::status)
              .findFirst()
              .orElse(null);
      resolved = s.resolveIssue(key, by, now);
      changed = before != null && before != IssueStatus.RESOLVED;
      if (changed) {
        // No user name in the audit trail: the registry keeps who resolved it.
        s.appendAudit(
            new AuditEvent(
                now,
                "strands issues resolve",
                "issue-resolved",
                job + "/" + issueType,
                "status " + before + " -> RESOLVED"));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("changed", changed);
      doc.put("issue", IssuesCommand.json(resolved));
      out.print(StoreOptions.toJson(doc));
    } else {
      out.println(
          changed
              ? "Resolved "
                  + job
                  + "/"
                  + issueType
                  + " (seen "
                  + resolved.occurrences()
                  + " times)."
              : job + "/" + issueType + " was already resolved by " + resolved.resolvedBy() + ".");
    }
    out.flush();
    return 0;
  }
}
