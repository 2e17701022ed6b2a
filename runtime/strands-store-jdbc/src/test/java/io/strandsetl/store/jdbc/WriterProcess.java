package io.strandsetl.store.jdbc;

import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A separate JVM that records runs into a store and prints {@code recorded <n>} after each commit.
 * Arguments: SQLite file or PostgreSQL JDBC URL (then user and password come from the environment:
 * {@code STRANDS_WRITER_PG_USER}, {@code STRANDS_WRITER_PG_PASSWORD}), id prefix, number of runs (0
 * = until killed), and optionally {@code wait} to print {@code ready} and wait for a line on
 * standard input before writing.
 */
public final class WriterProcess {
  private WriterProcess() {}

  public static void main(String[] args) throws java.io.IOException {
    String target = args[0];
    String prefix = args[1];
    long runs = Long.parseLong(args[2]);
    try (JdbcTrackingStore store =
        target.startsWith("jdbc:postgresql:")
            ? PostgresTrackingStore.open(
                target,
                System.getenv("STRANDS_WRITER_PG_USER"),
                io.strandsetl.model.config.Secret.of(System.getenv("STRANDS_WRITER_PG_PASSWORD")),
                StoreOptions.defaults().withAutoPurge(false))
            : SqliteTrackingStore.open(Path.of(target), 60_000)) {
      if (args.length > 3) {
        // Start barrier: tell the test we are open, then wait for its go line.
        System.out.println("ready");
        System.out.flush();
        new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
            .readLine();
      }
      for (long i = 1; runs == 0 || i <= runs; i++) {
        String id = prefix + "-" + i;
        store.recordRun(new RunRecord(execution(id), List.of(), List.of(), List.of(audit(id))));
        System.out.println("recorded " + i);
        System.out.flush();
      }
    }
  }

  static ExecutionRecord execution(String id) {
    Instant start = Instant.parse("2026-03-10T08:00:00Z");
    return new ExecutionRecord(
        id,
        "job-" + id.charAt(0),
        JobType.PIPELINE,
        "local",
        ExecutionStatus.SUCCEEDED,
        start,
        start.plusSeconds(60),
        null,
        null,
        null,
        new CostBreakdown(0.25, 0.25, 0, 0, 0, 0, 0),
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        Map.of(),
        null);
  }

  static AuditEvent audit(String id) {
    return new AuditEvent(Instant.parse("2026-03-10T08:01:00Z"), "strands", "run-recorded", id, "");
  }
}
