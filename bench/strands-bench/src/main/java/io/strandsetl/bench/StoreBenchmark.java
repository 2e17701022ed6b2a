package io.strandsetl.bench;

import io.strandsetl.model.config.Secret;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.Dimension;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.Period;
import io.strandsetl.model.store.RunFilter;
import io.strandsetl.model.store.TimeBucket;
import io.strandsetl.store.jdbc.JdbcTrackingStore;
import io.strandsetl.store.jdbc.PostgresTrackingStore;
import io.strandsetl.store.jdbc.SqliteTrackingStore;
import io.strandsetl.store.jdbc.StoreOptions;
import io.strandsetl.testkit.store.StoreGenerator;
import io.strandsetl.testkit.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tracking-store benchmark (issue 4): seeds a store with {@code --runs} generated executions (a
 * year of 100 jobs, {@link StoreGenerator}) through the bulk path, measures the ingest rate of full
 * {@code recordRun} calls on a sample into the large store, then p50/p95 of every dashboard query.
 *
 * <p>Usage: {@code StoreBenchmark --backend sqlite|postgres [--runs 1000000] [--sample 20000]
 * [--reps 50] [--db FILE]} (SQLite file; reused when it already holds the runs). PostgreSQL: the
 * server of {@code STRANDS_TEST_POSTGRES_URL} or a throwaway Debian cluster with durable settings.
 * Automatic purging is off: the store keeps the whole year.
 */
public final class StoreBenchmark {
  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String backend = options.getOrDefault("backend", "sqlite");
    long runs = Long.parseLong(options.getOrDefault("runs", "1000000"));
    int sample = Integer.parseInt(options.getOrDefault("sample", "20000"));
    int reps = Integer.parseInt(options.getOrDefault("reps", "50"));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    StoreGenerator generator = StoreGenerator.yearOf100Jobs(runs, today);
    StoreOptions storeOptions = StoreOptions.defaults().withAutoPurge(false);

    JdbcTrackingStore store;
    if (backend.equals("sqlite")) {
      Path file = Path.of(options.getOrDefault("db", "/tmp/strands-store-bench/tracking.db"));
      store = SqliteTrackingStore.open(file, 60_000, storeOptions);
      System.out.printf("backend sqlite, file %s%n", file);
    } else {
      System.setProperty(TestPostgres.DURABLE_PROPERTY, "true");
      TestPostgres.Server db = TestPostgres.newDatabase();
      store =
          PostgresTrackingStore.open(
              db.jdbcUrl(), db.user(), Secret.of(db.password()), storeOptions);
      System.out.printf("backend postgres, %s%n", db.jdbcUrl());
    }
    try (store) {
      long present = store.rowCounts().get("job_executions");
      if (present == 0) {
        long t0 = System.nanoTime();
        long[] done = {0};
        generator.seed(
            batch -> {
              store.recordRuns(batch);
              done[0] += batch.size();
              if (done[0] % 100_000 == 0) {
                System.out.printf(
                    "  seeded %,d (%.0f runs/s)%n",
                    done[0], done[0] / ((System.nanoTime() - t0) / 1e9));
              }
            },
            0,
            runs,
            5_000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            "seed (bulk path, 5,000 runs per transaction): %,d runs in %.1f s = %.0f runs/s%n",
            runs, seconds, runs / seconds);
      } else {
        System.out.printf("store already holds %,d executions: seeding skipped%n", present);
      }
      if (backend.equals("sqlite")) {
        Path file = Path.of(store.where());
        System.out.printf("file size %,d bytes%n", Files.size(file));
      }

      // Ingest: full recordRun calls, one transaction (and one durable commit) each.
      // Runs 0..runs-1 were seeded and every earlier sample continued the numbering: the next
      // free index is the number of executions stored.
      long firstSample = store.rowCounts().get("job_executions");
      long t0 = System.nanoTime();
      generator.seed(store, firstSample, firstSample + sample);
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "ingest (recordRun, one transaction each): %,d runs in %.1f s = %.0f runs/s%n",
          sample, ingestSeconds, sample / ingestSeconds);
      System.out.printf("rows: %s%n", store.rowCounts());

      LocalDate from90 = today.minusDays(89);
      RunFilter last90 = RunFilter.between(from90, today);
      RunFilter lastYear = RunFilter.between(today.minusDays(364), today);
      String job = generator.jobName(7);
      Instant now = Instant.now();
      Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
      queries.put("latest 50 executions", () -> store.executions(RunFilter.all(), 50));
      queries.put(
          "failures in the last 24 h",
          () ->
              store.listExecutions(
                  ExecutionQuery.all()
                      .withStatus(ExecutionStatus.FAILED)
                      .withSince(now.minus(Duration.ofHours(24)))
                      .withLimit(500)));
      queries.put(
          "timeline 7 d, team filter (500)",
          () ->
              store.executions(RunFilter.between(today.minusDays(6), today).withTeam("risk"), 500));
      queries.put("cost by day, 90 d", () -> store.runsOverTime(last90, TimeBucket.DAY));
      queries.put("cost by week, 1 y", () -> store.runsOverTime(lastYear, TimeBucket.WEEK));
      queries.put("cost by month, 1 y", () -> store.runsOverTime(lastYear, TimeBucket.MONTH));
      queries.put("cost by job, 90 d", () -> store.runsBy(last90, Dimension.JOB, 100));
      queries.put("cost by job type, 90 d", () -> store.runsBy(last90, Dimension.JOB_TYPE, 10));
      queries.put("cost by platform, 90 d", () -> store.runsBy(last90, Dimension.PLATFORM, 10));
      queries.put("top 10 expensive jobs, 90 d", () -> store.runsBy(last90, Dimension.JOB, 10));
      queries.put("counts by status, 90 d", () -> store.runsBy(last90, Dimension.STATUS, 10));
      queries.put(
          "platform x team+status filter, 90 d",
          () ->
              store.runsBy(
                  last90.withTeam("payments").withStatus(ExecutionStatus.SUCCEEDED),
                  Dimension.PLATFORM,
                  10));
      queries.put(
          "cost trends rollup (all jobs), 90 d",
          () -> store.costTrends(Period.DAY, CostTrend.ALL_JOBS, from90, today));
      queries.put("issues type x job, 90 d", () -> store.issueCounts(last90, Dimension.JOB));
      queries.put("issues type x day, 90 d", () -> store.issueCounts(last90, Dimension.DAY));
      queries.put("issue registry (open)", store::openIssues);
      queries.put(
          "quality trend of one job, 90 d",
          () -> store.runsOverTime(last90.withJob(job), TimeBucket.DAY));
      queries.put(
          "quality history of one job (100)",
          () -> store.qualityHistory(RunFilter.all().withJob(job), 100));
      queries.put(
          "agent stats, 30 d",
          () -> store.agentStats(RunFilter.between(today.minusDays(29), today)));
      queries.put(
          "agent stats, 30 d, status filter",
          () ->
              store.agentStats(
                  RunFilter.between(today.minusDays(29), today)
                      .withStatus(ExecutionStatus.SUCCEEDED)));
      // What agentStats cost before the V5 rollups: the same answer from the raw rows.
      queries.put(
          "agent stats, 30 d, raw invocations",
          () -> store.agentStatsFromInvocations(RunFilter.between(today.minusDays(29), today)));
      queries.put("running markers (running)", store::running);
      // A run of this sample: runs seeded before stages were generated have none.
      queries.put(
          "stages of one run (stages)", () -> store.stages("gen-" + (firstSample + sample / 2)));
      queries.put("audit viewer (100 newest)", () -> store.recentAudit(100));
      queries.put("run page (findExecution)", () -> store.findExecution("gen-" + (runs / 2)));
      queries.put("store info (row counts)", store::rowCounts);

      System.out.printf("%n%-40s %9s %9s %9s %8s%n", "query", "p50 ms", "p95 ms", "max ms", "rows");
      for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
        Object result = null;
        for (int i = 0; i < 3; i++) {
          result = query.getValue().get();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
          long start = System.nanoTime();
          result = query.getValue().get();
          ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "%-40s %9.1f %9.1f %9.1f %8s%n",
            query.getKey(),
            percentile(ms, 0.50),
            percentile(ms, 0.95),
            ms[ms.length - 1],
            size(result));
      }
      long v0 = System.nanoTime();
      var verification = store.verifyAudit();
      System.out.printf(
          "%naudit verify (whole chain, pages of 10,000): %,d entries in %.1f s, intact=%s%n",
          verification.entriesChecked(), (System.nanoTime() - v0) / 1e9, verification.intact());
    }
  }

  private static String size(Object result) {
    if (result instanceof List<?> list) {
      return Integer.toString(list.size());
    }
    if (result instanceof Map<?, ?> map) {
      return Integer.toString(map.size());
    }
    if (result instanceof java.util.Optional<?> optional) {
      return optional.isPresent() ? "1" : "0";
    }
    return "-";
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
