package io.strandsetl.cli;

import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionSummary;
import io.strandsetl.model.store.RunFilter;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code strands store info}: which store, where, its schema version, rows and size. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the configured tracking store: backend, location (never a password), schema version,",
      "rows per table, oldest and newest execution, and for SQLite the size on disk. Exit 0."
    })
final class StoreInfoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    boolean json = store.json();
    Settings settings = store.settings();
    String type = TrackingStores.type(settings);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("backend", type);
    info.put(
        "description",
        TrackingStoreFactory.named(type, StoreInfoCommand.class.getClassLoader()).description());
    info.put("location", TrackingStores.location(settings));
    try (TrackingStore s = TrackingStores.open(settings)) {
      info.put("schemaVersion", s.schemaVersion());
      List<ExecutionRecord> newest = s.listExecutions(ExecutionQuery.all().withLimit(1));
      info.put("oldestExecutionStart", newest.isEmpty() ? null : oldestStart(s, newest.get(0)));
      info.put("newestExecutionStart", newest.isEmpty() ? null : newest.get(0).startedAt());
      info.put("rowCounts", s.rowCounts());
    }
    Path file = type.equals("sqlite") ? TrackingStores.sqlitePath(settings) : null;
    info.put("sizeOnDiskBytes", file == null ? null : sizeOnDisk(file));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(StoreOptions.toJson(info));
    } else {
      Map<String, Object> lines = new LinkedHashMap<>();
      lines.put("backend", type + " (" + info.get("description") + ")");
      lines.put("location", info.get("location"));
      lines.put("schema version", info.get("schemaVersion"));
      if (file != null) {
        lines.put(
            "size on disk",
            StoreFormats.bytes((Long) info.get("sizeOnDiskBytes"))
                + " (database, WAL and shared-memory files)");
      }
      lines.put(
          "oldest execution", StoreFormats.instant((Instant) info.get("oldestExecutionStart")));
      lines.put(
          "newest execution", StoreFormats.instant((Instant) info.get("newestExecutionStart")));
      lines.forEach((k, v) -> out.printf(java.util.Locale.ROOT, "%-17s %s%n", k, v));
      out.println();
      TextTable rows = new TextTable("TABLE", "ROWS>");
      @SuppressWarnings("unchecked")
      Map<String, Long> counts = (Map<String, Long>) info.get("rowCounts");
      counts.forEach(rows::row);
      out.print(rows.render());
    }
    out.flush();
    return 0;
  }

  /**
   * The oldest execution's start. The store lists newest first only, so this finds the first UTC
   * day that has executions by bisection over days (each step asks for one summary), then takes the
   * oldest of that day: about 20 small queries whatever the store's size.
   */
  static Instant oldestStart(TrackingStore s, ExecutionRecord newest) {
    LocalDate hi = LocalDate.ofInstant(newest.startedAt(), ZoneOffset.UTC);
    LocalDate lo = hi.minusYears(100);
    // Invariant: executions exist on or before hi; none strictly before lo (unless lo is reached).
    while (lo.isBefore(hi)) {
      LocalDate mid = lo.plusDays((hi.toEpochDay() - lo.toEpochDay()) / 2);
      if (s.executions(RunFilter.between(null, mid), 1).isEmpty()) {
        lo = mid.plusDays(1);
      } else {
        hi = mid;
      }
    }
    List<ExecutionSummary> firstDay = s.executions(RunFilter.between(hi, hi), Integer.MAX_VALUE);
    return firstDay.get(firstDay.size() - 1).startedAt();
  }

  /** Bytes of the database file plus its WAL and shared-memory files. */
  private static Long sizeOnDisk(Path file) {
    long total = 0;
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path p = file.resolveSibling(file.getFileName() + suffix);
      try {
        if (Files.isRegularFile(p)) {
          total += Files.size(p);
        }
      } catch (IOException e) {
        return null;
      }
    }
    return total;
  }
}
