package io.strandsetl.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ErrorDetails;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.IssueEntry;
import io.strandsetl.model.store.IssueKey;
import io.strandsetl.model.store.IssueStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.NotificationState;
import io.strandsetl.model.store.Period;
import io.strandsetl.model.store.PlatformDecision;
import io.strandsetl.model.store.PurgeResult;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.model.store.QualityTrend;
import io.strandsetl.model.store.RetentionPolicy;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.Workload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TrackingStore} must have. A backend's test extends this class and
 * supplies a fresh, empty store and a way to tamper with its stored audit trail.
 *
 * <p>Uses JUnit assertions only, so the published testkit needs no assertion library at compile
 * scope.
 */
public abstract class TrackingStoreContractTest {
  /** The instant every test treats as "now" (a Tuesday, mid-month, UTC). */
  protected static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  protected static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  protected TrackingStore store;

  /** A new, empty store. */
  protected abstract TrackingStore newStore(Clock clock);

  /**
   * Changes the {@code details} of the stored audit entry {@code sequence} directly in the
   * backend's storage, leaving its hash as it was, as someone editing the database would.
   */
  protected abstract void tamperWithAuditDetails(TrackingStore store, long sequence, String details)
      throws Exception;

  @BeforeEach
  void openStore() {
    store = newStore(CLOCK);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void roundTripsAFullExecutionWithItsInvocationsQualityAndAudit() {
    ExecutionRecord full = fullExecution("exec-1", "orders", NOW.minus(Duration.ofHours(2)));
    AgentInvocation invocation =
        new AgentInvocation(
            "inv-1",
            "exec-1",
            "optimization",
            "detect_issues",
            NOW.minus(Duration.ofMinutes(90)),
            "event log 12 MiB",
            "2 findings",
            1_250,
            true,
            "",
            1_200,
            340,
            0.0042);
    QualityHistoryEntry quality =
        new QualityHistoryEntry(
            "exec-1",
            "orders",
            "warehouse.orders",
            NOW.minus(Duration.ofMinutes(80)),
            new QualityScores(0.99, 0.97, 0.95, 1.0, 0.98, 0.978),
            QualityTrend.STABLE,
            List.of("null rate of column 'email' doubled"));
    AuditEvent audit =
        new AuditEvent(
            NOW.minus(Duration.ofMinutes(79)), "compliance", "pii-masked", "exec-1", "2 columns");

    store.recordRun(new RunRecord(full, List.of(invocation), List.of(quality), List.of(audit)));

    assertEquals(full, store.findExecution("exec-1").orElseThrow());
    assertEquals(List.of(invocation), store.invocations("exec-1"));
    assertEquals(List.of(quality), store.qualityHistory("orders", "warehouse.orders"));
    List<AuditEntry> trail = store.auditTrail();
    assertEquals(1, trail.size());
    assertEquals(audit, trail.get(0).event());
    assertEquals(AuditEntry.GENESIS_HASH, trail.get(0).previousHash());
    assertTrue(store.findExecution("exec-2").isEmpty());
  }

  @Test
  void roundTripsAMinimalExecutionWithoutCostQualityOrCompliance() {
    ExecutionRecord minimal =
        execution("exec-1", "orders", ExecutionStatus.SUCCEEDED, NOW, 1_000, null, List.of());

    store.recordRun(RunRecord.of(minimal));

    ExecutionRecord found = store.findExecution("exec-1").orElseThrow();
    assertEquals(minimal, found);
    assertNull(found.cost());
    assertNull(found.quality());
    assertNull(found.compliance());
  }

  @Test
  void rejectsADuplicateExecutionIdAndWritesNothingOfTheSecondRun() {
    ExecutionRecord first = simple("exec-1", "orders", ExecutionStatus.SUCCEEDED, NOW, 2.0);
    store.recordRun(RunRecord.of(first));
    ExecutionRecord again = simple("exec-1", "orders", ExecutionStatus.FAILED, NOW, 5.0);
    AuditEvent event = new AuditEvent(NOW, "strands", "run-recorded", "exec-1", "");

    StrandsException error =
        assertThrows(
            StrandsException.class,
            () -> store.recordRun(new RunRecord(again, List.of(), List.of(), List.of(event))));

    assertEquals("Cannot record execution: exec-1 (already recorded)", error.getMessage());
    assertEquals(first, store.findExecution("exec-1").orElseThrow());
    assertTrue(store.auditTrail().isEmpty());
    CostTrend day = onlyTrend(Period.DAY, "orders", NOW);
    assertEquals(1, day.runs());
    assertEquals(2.0, day.costUsd(), 1e-9);
  }

  @Test
  void rejectsARunWhoseInvocationIdIsTakenAndWritesNothingOfIt() {
    store.recordRun(
        new RunRecord(
            simple("exec-1", "orders", ExecutionStatus.SUCCEEDED, hoursAgo(2), 1),
            List.of(invocation("inv-1", "exec-1", hoursAgo(2))),
            List.of(),
            List.of()));

    StrandsException error =
        assertThrows(
            StrandsException.class,
            () ->
                store.recordRun(
                    new RunRecord(
                        simple("exec-2", "orders", ExecutionStatus.SUCCEEDED, hoursAgo(1), 1),
                        List.of(invocation("inv-1", "exec-2", hoursAgo(1))),
                        List.of(),
                        List.of())));

    assertEquals("Cannot record invocation: inv-1 (already recorded)", error.getMessage());
    assertTrue(store.findExecution("exec-2").isEmpty());
    assertEquals(1, onlyTrend(Period.DAY, "orders", hoursAgo(1)).runs());
  }

  @Test
  void listsOneJobSinceAnInstantNewestFirst() {
    store.recordRun(RunRecord.of(simple("a-old", "a", ExecutionStatus.SUCCEEDED, hoursAgo(50), 1)));
    store.recordRun(RunRecord.of(simple("a-mid", "a", ExecutionStatus.FAILED, hoursAgo(20), 1)));
    store.recordRun(RunRecord.of(simple("a-new", "a", ExecutionStatus.SUCCEEDED, hoursAgo(2), 1)));
    store.recordRun(RunRecord.of(simple("b-new", "b", ExecutionStatus.SUCCEEDED, hoursAgo(1), 1)));

    List<ExecutionRecord> found =
        store.listExecutions(ExecutionQuery.all().withJob("a").withSince(hoursAgo(24)));

    assertEquals(List.of("a-new", "a-mid"), ids(found));
  }

  @Test
  void listsFailuresSinceAnInstantAcrossJobsWithinTheLimit() {
    store.recordRun(RunRecord.of(simple("f1", "a", ExecutionStatus.FAILED, hoursAgo(30), 1)));
    store.recordRun(RunRecord.of(simple("f2", "b", ExecutionStatus.FAILED, hoursAgo(10), 1)));
    store.recordRun(RunRecord.of(simple("f3", "c", ExecutionStatus.FAILED, hoursAgo(5), 1)));
    store.recordRun(RunRecord.of(simple("f4", "a", ExecutionStatus.FAILED, hoursAgo(3), 1)));
    store.recordRun(RunRecord.of(simple("s1", "a", ExecutionStatus.SUCCEEDED, hoursAgo(4), 1)));

    ExecutionQuery failures =
        ExecutionQuery.all().withStatus(ExecutionStatus.FAILED).withSince(hoursAgo(24));

    assertEquals(List.of("f4", "f3", "f2"), ids(store.listExecutions(failures)));
    assertEquals(List.of("f4", "f3"), ids(store.listExecutions(failures.withLimit(2))));
  }

  @Test
  void issueOpensResolvesWhenALaterRunNoLongerShowsItAndReopensWhenItComesBack() {
    record(run("r1", "orders", hoursAgo(30), "data-skew", "spill"));
    assertEquals(List.of(IssueStatus.OPEN, IssueStatus.OPEN), statuses(store.issues()));

    record(run("r2", "orders", hoursAgo(20), "data-skew"));
    IssueEntry skew = issue("orders", "data-skew");
    IssueEntry spill = issue("orders", "spill");
    assertEquals(IssueStatus.OPEN, skew.status());
    assertEquals(2, skew.occurrences());
    assertEquals(hoursAgo(30), skew.firstSeen());
    assertEquals(hoursAgo(20), skew.lastSeen());
    assertEquals(IssueStatus.RESOLVED, spill.status());
    assertEquals("run:r2", spill.resolvedBy());

    record(run("r3", "orders", hoursAgo(10), "spill"));
    spill = issue("orders", "spill");
    assertEquals(IssueStatus.REOPENED, spill.status());
    assertEquals(2, spill.occurrences());
    assertNull(spill.resolvedAt());
    assertEquals(IssueStatus.RESOLVED, issue("orders", "data-skew").status());
    assertEquals(List.of(new IssueKey("orders", "spill")), keys(store.openIssues()));
  }

  @Test
  void aUserResolvesAnIssueAndAnUnknownIssueIsReported() {
    record(run("r1", "orders", hoursAgo(30), "spill"));
    record(run("r2", "billing", hoursAgo(29), "spill"));

    IssueEntry resolved = store.resolveIssue(new IssueKey("orders", "spill"), "alice", hoursAgo(1));

    assertEquals(IssueStatus.RESOLVED, resolved.status());
    assertEquals("alice", resolved.resolvedBy());
    assertEquals(hoursAgo(1), resolved.resolvedAt());
    assertEquals(resolved, issue("orders", "spill"));
    assertEquals(List.of(new IssueKey("billing", "spill")), keys(store.openIssues()));
    StrandsException error =
        assertThrows(
            StrandsException.class,
            () -> store.resolveIssue(new IssueKey("orders", "oom"), "alice", NOW));
    assertEquals("Invalid issue: orders/oom (not in the registry)", error.getMessage());
  }

  @Test
  void aLateImportedOlderRunResolvesNothing() {
    record(run("new", "orders", hoursAgo(5), "spill"));
    record(run("old", "orders", hoursAgo(50)));

    IssueEntry spill = issue("orders", "spill");
    assertEquals(IssueStatus.OPEN, spill.status());
    assertEquals(hoursAgo(5), spill.lastSeen());
  }

  @Test
  void rollsUpEachRunIntoDailyAndMonthlyTrendsOfItsJobAndOfAllJobs() {
    Instant today = Instant.parse("2026-03-10T01:00:00Z");
    store.recordRun(RunRecord.of(simple("a1", "a", ExecutionStatus.SUCCEEDED, today, 1.5)));
    store.recordRun(
        RunRecord.of(simple("a2", "a", ExecutionStatus.FAILED, today.plusSeconds(3600), 0.5)));
    store.recordRun(
        RunRecord.of(simple("a3", "a", ExecutionStatus.CANCELLED, today.plusSeconds(7200), 0.25)));
    store.recordRun(
        RunRecord.of(
            simple("b1", "b", ExecutionStatus.SUCCEEDED, today.plus(Duration.ofDays(1)), 4.0)));
    store.recordRun(
        RunRecord.of(
            simple(
                "b0", "b", ExecutionStatus.SUCCEEDED, Instant.parse("2026-02-28T23:59:00Z"), 8.0)));

    CostTrend aDay = onlyTrend(Period.DAY, "a", today);
    assertEquals(3, aDay.runs());
    assertEquals(1, aDay.successes());
    assertEquals(1, aDay.failures());
    assertEquals(2.25, aDay.costUsd(), 1e-9);
    assertEquals(0.75, aDay.averageCostPerRunUsd(), 1e-9);
    assertEquals(3 * SIMPLE_DURATION_MS, aDay.durationMs());
    assertEquals(3 * SIMPLE_BYTES, aDay.dataProcessedBytes());

    List<CostTrend> allDays =
        store.costTrends(
            Period.DAY,
            CostTrend.ALL_JOBS,
            LocalDate.parse("2026-02-01"),
            LocalDate.parse("2026-03-31"));
    assertEquals(
        List.of(
            LocalDate.parse("2026-02-28"),
            LocalDate.parse("2026-03-10"),
            LocalDate.parse("2026-03-11")),
        allDays.stream().map(CostTrend::periodStart).toList());
    assertEquals(List.of(1L, 3L, 1L), allDays.stream().map(CostTrend::runs).toList());

    List<CostTrend> allMonths =
        store.costTrends(
            Period.MONTH,
            CostTrend.ALL_JOBS,
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-12-31"));
    assertEquals(
        List.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01")),
        allMonths.stream().map(CostTrend::periodStart).toList());
    assertEquals(8.0, allMonths.get(0).costUsd(), 1e-9);
    assertEquals(4, allMonths.get(1).runs());
    assertEquals(6.25, allMonths.get(1).costUsd(), 1e-9);
  }

  @Test
  void auditChainVerifiesAndNamesTheFirstChangedEntry() throws Exception {
    AuditEntry first =
        store.appendAudit(
            new AuditEvent(hoursAgo(3), "compliance", "pii-detected", "exec-1", "email"));
    AuditEntry second =
        store.appendAudit(
            new AuditEvent(hoursAgo(2), "compliance", "pii-masked", "exec-1", "email"));
    store.recordRun(
        new RunRecord(
            simple("exec-2", "orders", ExecutionStatus.SUCCEEDED, hoursAgo(1), 1),
            List.of(),
            List.of(),
            List.of(new AuditEvent(hoursAgo(1), "strands", "run-recorded", "exec-2", ""))));

    assertEquals(1, first.sequence());
    assertEquals(first.hash(), second.previousHash());
    assertEquals(
        List.of(1L, 2L, 3L), store.auditTrail().stream().map(AuditEntry::sequence).toList());
    AuditVerification intact = store.verifyAudit();
    assertTrue(intact.intact(), intact.problem());
    assertEquals(3, intact.entriesChecked());

    tamperWithAuditDetails(store, 2, "nothing happened");

    AuditVerification broken = store.verifyAudit();
    assertFalse(broken.intact());
    assertEquals(2L, broken.firstBadSequence());
    assertEquals("Audit entry 2 content does not match its hash (changed)", broken.problem());
  }

  @Test
  void purgeKeepsWhatTheRetentionPolicyAllowsAndTheAuditTrailForSevenYears() {
    store.recordRun(
        new RunRecord(
            simple("old", "a", ExecutionStatus.SUCCEEDED, NOW.minus(Duration.ofDays(100)), 1),
            List.of(invocation("inv-old", "old", NOW.minus(Duration.ofDays(100)))),
            List.of(),
            List.of()));
    store.recordRun(
        new RunRecord(
            simple("recent", "a", ExecutionStatus.SUCCEEDED, NOW.minus(Duration.ofDays(40)), 1),
            List.of(invocation("inv-recent", "recent", NOW.minus(Duration.ofDays(40)))),
            List.of(),
            List.of()));
    store.appendAudit(new AuditEvent(NOW.minus(Duration.ofDays(8 * 366)), "strands", "a", "s", ""));
    store.appendAudit(new AuditEvent(NOW.minus(Duration.ofDays(6 * 365)), "strands", "b", "s", ""));
    store.appendAudit(new AuditEvent(NOW.minus(Duration.ofDays(1)), "strands", "c", "s", ""));

    PurgeResult purged = store.purge(RetentionPolicy.DEFAULT, CLOCK);

    assertEquals(new PurgeResult(1, 2, 0, 0, 1), purged);
    assertEquals(List.of("recent"), ids(store.listExecutions(ExecutionQuery.all())));
    assertTrue(store.invocations("recent").isEmpty());
    assertEquals(
        List.of("b", "c"), store.auditTrail().stream().map(e -> e.event().action()).toList());
    assertTrue(store.verifyAudit().intact(), store.verifyAudit().problem());
    // Trends of 100 days ago are within the one-year retention; a year later they go.
    PurgeResult nextYear =
        store.purge(RetentionPolicy.DEFAULT, Clock.offset(CLOCK, Duration.ofDays(400)));
    assertEquals(8, nextYear.trends());
    assertTrue(store.costTrends(Period.MONTH, "a", LocalDate.MIN, LocalDate.MAX).isEmpty());
  }

  @Test
  void auditChainContinuesAfterRetentionPurgedEveryEntry() {
    AuditEntry first =
        store.appendAudit(
            new AuditEvent(NOW.minus(Duration.ofDays(8 * 366)), "strands", "a", "s", ""));
    store.purge(RetentionPolicy.DEFAULT, CLOCK);
    assertTrue(store.auditTrail().isEmpty());

    AuditEntry next = store.appendAudit(new AuditEvent(NOW, "strands", "b", "s", ""));

    assertEquals(2, next.sequence());
    assertEquals(first.hash(), next.previousHash());
    assertTrue(store.verifyAudit().intact(), store.verifyAudit().problem());
  }

  @Test
  void keepsInstantsToTheMicrosecond() {
    Instant precise = Instant.parse("2026-03-09T10:00:00.123456789Z");
    store.recordRun(
        RunRecord.of(simple("exec-1", "orders", ExecutionStatus.SUCCEEDED, precise, 1)));

    ExecutionRecord found = store.findExecution("exec-1").orElseThrow();

    assertEquals(Instant.parse("2026-03-09T10:00:00.123456Z"), found.startedAt());
    assertEquals(
        List.of("exec-1"),
        ids(store.listExecutions(ExecutionQuery.all().withSince(found.startedAt()))));
  }

  @Test
  void retentionPolicyRefusesToKeepTheAuditTrailLessThanSevenYears() {
    StrandsException error =
        assertThrows(
            StrandsException.class,
            () ->
                new RetentionPolicy(
                    Duration.ofDays(90),
                    Duration.ofDays(30),
                    Duration.ofDays(365),
                    Duration.ofDays(365),
                    Duration.ofDays(365)));
    assertEquals(
        "Invalid retention audit: PT8760H (the audit trail is kept at least 7 years (PT61368H))",
        error.getMessage());
  }

  @Test
  void concurrentWritersLoseNoRun() throws Exception {
    int writers = 4;
    int runsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < runsEach; i++) {
                    String id = "w" + writer + "-" + i;
                    store.recordRun(
                        new RunRecord(
                            simple(
                                id, "job-" + writer, ExecutionStatus.SUCCEEDED, hoursAgo(1), 0.5),
                            List.of(),
                            List.of(),
                            List.of(
                                new AuditEvent(hoursAgo(1), "strands", "run-recorded", id, ""))));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    int total = writers * runsEach;
    assertEquals(total, store.listExecutions(ExecutionQuery.all().withLimit(1_000)).size());
    CostTrend all = onlyTrend(Period.DAY, CostTrend.ALL_JOBS, hoursAgo(1));
    assertEquals(total, all.runs());
    assertEquals(total * 0.5, all.costUsd(), 1e-9);
    assertEquals(total, store.auditTrail().size());
    assertTrue(store.verifyAudit().intact(), store.verifyAudit().problem());
  }

  // ---- fixtures ----

  /** Duration of {@link #simple} executions, milliseconds. */
  protected static final long SIMPLE_DURATION_MS = 600_000;

  /** Bytes processed by {@link #simple} executions. */
  protected static final long SIMPLE_BYTES = 3_000_000_000L;

  protected static Instant hoursAgo(long hours) {
    return NOW.minus(Duration.ofHours(hours));
  }

  /** An execution with metrics and a total cost, no issues. */
  protected static ExecutionRecord simple(
      String id, String job, ExecutionStatus status, Instant start, double costUsd) {
    return execution(
        id,
        job,
        status,
        start,
        SIMPLE_DURATION_MS,
        new CostBreakdown(costUsd, costUsd, 0, 0, 0, costUsd / 3, 0),
        List.of());
  }

  protected static ExecutionRecord execution(
      String id,
      String job,
      ExecutionStatus status,
      Instant start,
      long durationMs,
      CostBreakdown cost,
      List<DetectedIssue> issues) {
    ExecutionMetrics metrics =
        cost == null
            ? null
            : new ExecutionMetrics(0, 0, 0, 0, 0, SIMPLE_BYTES, SIMPLE_BYTES, 0, 0, 0, 0, 0);
    return new ExecutionRecord(
        id,
        job,
        JobType.PIPELINE,
        "local",
        status,
        start,
        start.plusMillis(durationMs),
        null,
        null,
        metrics,
        cost,
        null,
        null,
        issues,
        List.of(),
        List.of(),
        status == ExecutionStatus.FAILED
            ? new ErrorDetails("RUN_FAILED", "step failed", "", 0)
            : null,
        List.of(),
        Map.of(),
        null);
  }

  /** An execution with every optional part set. */
  protected static ExecutionRecord fullExecution(String id, String job, Instant start) {
    return new ExecutionRecord(
        id,
        job,
        JobType.PIPELINE,
        "emr-serverless",
        ExecutionStatus.FAILED,
        start,
        start.plusMillis(1_234_567),
        new Workload(12_000_000_000L, 3, 5, 2, true),
        new PlatformDecision(
            "emr-serverless", 0.82, "12 GB with 2 joins", List.of("glue", "local")),
        new ExecutionMetrics(
            2_000_000_000L,
            3_500_000_000L,
            4_000_000_000L,
            0.875,
            0.61,
            15_000_000_000L,
            12_000_000_000L,
            2_000_000_000L,
            1_500_000_000L,
            1_400_000_000L,
            98_765_432,
            80_000.5),
        new CostBreakdown(1.95, 1.5, 0.2, 0.05, 0.2, 0.13, 0),
        new QualitySummary(
            new QualityScores(0.99, 0.97, 0.95, 1.0, 0.98, 0.978), 0.4, 0.01, 2, 7, 18, 2),
        new ComplianceSummary(true, false, 3, 2, true, true, true, true, "confidential"),
        List.of(
            new DetectedIssue("data-skew", Severity.HIGH, "stage 4: max task 12x median"),
            new DetectedIssue("spill", Severity.MEDIUM, "3.2 GiB spilled to disk")),
        List.of("Salt the join key customer_id", "Raise spark.sql.shuffle.partitions to 400"),
        List.of("AQE enabled"),
        new ErrorDetails("RUN_FAILED", "sink 'orders' failed", "at x.y(Z.java:1)\n...", 2),
        List.of("data-eng@example.com", "alice"),
        Map.of("team", "payments", "env", "prod"),
        new NotificationState(true, start.plusMillis(1_300_000), List.of("data-eng@example.com")));
  }

  private static RunRecord run(String id, String job, Instant start, String... issueTypes) {
    List<DetectedIssue> issues = new ArrayList<>();
    for (String type : issueTypes) {
      issues.add(new DetectedIssue(type, Severity.MEDIUM, type + " seen"));
    }
    return RunRecord.of(execution(id, job, ExecutionStatus.SUCCEEDED, start, 60_000, null, issues));
  }

  private void record(RunRecord run) {
    store.recordRun(run);
  }

  private static AgentInvocation invocation(String id, String executionId, Instant at) {
    return new AgentInvocation(
        id, executionId, "optimization", "detect_issues", at, "", "", 10, true, "", 0, 0, 0);
  }

  private IssueEntry issue(String job, String type) {
    return store.issues().stream()
        .filter(issue -> issue.key().equals(new IssueKey(job, type)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no issue " + job + "/" + type + " in " + store.issues()));
  }

  private CostTrend onlyTrend(Period period, String job, Instant within) {
    LocalDate start = period.startOf(within);
    List<CostTrend> found = store.costTrends(period, job, start, start);
    assertEquals(1, found.size(), () -> "trends " + found);
    return found.get(0);
  }

  private static List<String> ids(List<ExecutionRecord> executions) {
    return executions.stream().map(ExecutionRecord::executionId).toList();
  }

  private static List<IssueStatus> statuses(List<IssueEntry> issues) {
    return issues.stream().map(IssueEntry::status).toList();
  }

  private static List<IssueKey> keys(List<IssueEntry> issues) {
    return issues.stream().map(IssueEntry::key).toList();
  }
}
