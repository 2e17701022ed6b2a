package io.strandsetl.cli;

import io.strandsetl.engine.track.Since;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.TrackingStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strands history}: the latest recorded runs, newest first. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Lists recorded runs (strands run, strands analyze --save), newest first.",
      "Exit 0 (also when nothing matches), 2 for a bad option."
    })
final class HistoryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = "--job", paramLabel = "NAME", description = "Only this job.")
  String job;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only SUCCEEDED, FAILED or CANCELLED (any case).")
  String status;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Only runs started at or after: an age (7d, 24h, 30m), a UTC date (2026-11-01)"
              + " or an instant (2026-11-01T08:00:00Z).")
  String since;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N runs (default ${DEFAULT-VALUE}).")
  int limit;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    boolean json = store.json();
    if (limit < 1) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid --limit: " + limit + " (must be >= 1)");
    }
    ExecutionQuery query =
        new ExecutionQuery(
            job,
            status == null ? null : status(status),
            since == null ? null : Since.parse(since, clock),
            limit);
    List<ExecutionRecord> executions;
    try (TrackingStore s = store.open()) {
      executions = s.listExecutions(query);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("executions", executions.stream().map(StoreFormats::summary).toList());
      out.print(StoreOptions.toJson(doc));
    } else if (executions.isEmpty()) {
      out.println("No recorded runs match.");
    } else {
      TextTable table =
          new TextTable(
              "EXECUTION",
              "JOB",
              "TYPE",
              "PLATFORM",
              "STATUS",
              "STARTED (UTC)",
              "DURATION>",
              "DATA>",
              "ISSUES>",
              "COST>");
      for (ExecutionRecord e : executions) {
        table.row(
            e.executionId(),
            e.jobName(),
            e.jobType() == io.strandsetl.model.store.JobType.PIPELINE ? "pipeline" : "event-log",
            e.platform(),
            e.status(),
            StoreFormats.instant(e.startedAt()),
            StoreFormats.duration(e.duration()),
            StoreFormats.bytes(e.metrics() == null ? null : e.metrics().dataProcessedBytes()),
            e.issues().size(),
            e.cost() == null ? null : StoreFormats.usd(e.cost().totalUsd()));
      }
      out.print(table.render());
    }
    out.flush();
    return 0;
  }

  static ExecutionStatus status(String text) {
    try {
      return ExecutionStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid --status: '"
              + text
              + "' (use one of "
              + Arrays.toString(ExecutionStatus.values())
              + ")");
    }
  }
}
