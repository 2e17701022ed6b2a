package io.strandsetl.cli;

import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.TrackingStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strands issues}: the issue registry, per job and issue type. */
@Command(
    name = "issues",
    mixinStandardHelpOptions = true,
    subcommands = {IssuesResolveCommand.class},
    description = {
      "Lists the issue registry: per job and issue type (detector id), how often it was seen, first",
      "and last sighting, and its status (OPEN, RESOLVED when a later run no longer shows it or a user",
      "resolved it, REOPENED when it came back). 'strands issues resolve JOB ISSUE_TYPE' resolves one.",
      "Exit 0, 2 for a bad option."
    })
final class IssuesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = "--open", description = "Only open and reopened issues.")
  boolean open;

  @Option(names = "--job", paramLabel = "NAME", description = "Only this job.")
  String job;

  @Override
  public Integer call() {
    boolean json = store.json();
    List<IssueEntry> issues;
    try (TrackingStore s = store.open()) {
      issues = open ? s.openIssues() : s.issues();
    }
    if (job != null) {
      issues = issues.stream().filter(i -> i.key().jobName().equals(job)).toList();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("issues", issues.stream().map(IssuesCommand::json).toList());
      out.print(StoreOptions.toJson(doc));
    } else if (issues.isEmpty()) {
      out.println(open ? "No open issues." : "No issues recorded.");
    } else {
      TextTable t =
          new TextTable(
              "JOB",
              "ISSUE TYPE",
              "SEVERITY",
              "STATUS",
              "SEEN>",
              "FIRST SEEN (UTC)",
              "LAST SEEN (UTC)",
              "RESOLVED BY");
      for (IssueEntry i : issues) {
        t.row(
            i.key().jobName(),
            i.key().issueType(),
            i.severity(),
            i.status(),
            i.occurrences(),
            StoreFormats.instant(i.firstSeen()),
            StoreFormats.instant(i.lastSeen()),
            i.resolvedBy());
      }
      out.print(t.render());
    }
    out.flush();
    return 0;
  }

  /** One {@code issues[]} item of the JSON output (docs/schemas/cli-store.md). */
  static Map<String, Object> json(IssueEntry i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jobName", i.key().jobName());
    m.put("issueType", i.key().issueType());
    m.put("severity", i.severity());
    m.put("status", i.status());
    m.put("occurrences", i.occurrences());
    m.put("firstSeen", i.firstSeen());
    m.put("lastSeen", i.lastSeen());
    m.put("resolvedAt", i.resolvedAt());
    m.put("resolvedBy", i.resolvedBy());
    return m;
  }
}
