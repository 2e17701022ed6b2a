package io.strandsetl.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.AgentStats;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.AuditHead;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.Dimension;
import io.strandsetl.model.store.ErrorDetails;
import io.strandsetl.model.store.ExecutionMetrics;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.ExecutionSummary;
import io.strandsetl.model.store.IssueCount;
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
import io.strandsetl.model.store.RunFilter;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.RunStats;
import io.strandsetl.model.store.RunningExecution;
import io.strandsetl.model.store.StageSummary;
import io.strandsetl.model.store.TimeBucket;
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
import java.util.TreeMap;
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

  /** Deletes the stored audit entry {@code sequence} directly in the backend's storage. */
  protected abstract void deleteAuditEntry(TrackingStore store, long sequence) throws Exception;

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

    assertEquals(new PurgeResult(1, 2, 0, 0, 1), store.wouldPurge(RetentionPolicy.DEFAULT, CLOCK));
    assertEquals(2, store.listExecutions(ExecutionQuery.all()).size());
    assertEquals(3, store.auditTrail().size());

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

  // ---- read queries (dashboard, agents) ----

  private static final LocalDate MAR_02 = LocalDate.parse("2026-03-02"); // a Monday

  /** Six executions over two weeks, two teams, two platforms, with quality and compliance. */
  private void recordDashboardRuns() {
    record(
        dashboardRun(
            "p1",
            "orders",
            "payments",
            "emr",
            ExecutionStatus.SUCCEEDED,
            MAR_02,
            4.0,
            0.9,
            "data-skew"));
    record(
        dashboardRun(
            "p2",
            "orders",
            "payments",
            "emr",
            ExecutionStatus.FAILED,
            MAR_02.plusDays(1),
            2.0,
            0.7,
            "data-skew",
            "spill"));
    record(
        dashboardRun(
            "p3",
            "orders",
            "payments",
            "glue",
            ExecutionStatus.SUCCEEDED,
            MAR_02.plusDays(7),
            1.0,
            0.8));
    record(
        dashboardRun(
            "m1",
            "billing",
            "marketing",
            "glue",
            ExecutionStatus.SUCCEEDED,
            MAR_02.plusDays(1),
            0.5,
            null,
            "spill"));
    record(
        dashboardRun(
            "m2",
            "billing",
            "marketing",
            "glue",
            ExecutionStatus.CANCELLED,
            MAR_02.plusDays(8),
            0.25,
            null));
    record(
        dashboardRun(
            "x1", "adhoc", null, "local", ExecutionStatus.SUCCEEDED, MAR_02.plusDays(8), 0, 1.0));
  }

  @Test
  void listsExecutionSummariesFilteredByDaysTeamPlatformAndStatusNewestFirst() {
    recordDashboardRuns();

    assertEquals(
        List.of("m2", "x1", "p3", "m1", "p2", "p1"),
        summaryIds(store.executions(RunFilter.all(), 100)));
    assertEquals(List.of("m2", "x1"), summaryIds(store.executions(RunFilter.all(), 2)));
    assertEquals(
        List.of("p3", "p2", "p1"),
        summaryIds(store.executions(RunFilter.all().withTeam("payments"), 100)));
    assertEquals(
        List.of("m1", "p2"),
        summaryIds(
            store.executions(RunFilter.between(MAR_02.plusDays(1), MAR_02.plusDays(6)), 100)));
    assertEquals(
        List.of("m2", "p3", "m1"),
        summaryIds(store.executions(RunFilter.all().withPlatform("glue"), 100)));
    assertEquals(
        List.of("x1"),
        summaryIds(store.executions(RunFilter.all().withTeam(RunFilter.NO_TEAM), 100)));
    ExecutionSummary failed =
        store.executions(RunFilter.all().withStatus(ExecutionStatus.FAILED), 100).get(0);
    assertEquals(ExecutionSummary.of(store.findExecution("p2").orElseThrow()), failed);
    assertEquals("payments", failed.team());
    assertEquals(2.0, failed.costUsd(), 1e-9);
    assertEquals(0.7, failed.qualityOverall(), 1e-9);
  }

  @Test
  void totalsOverTimeByDayWeekAndMonthFollowTheFilters() {
    recordDashboardRuns();

    List<RunStats> days = store.runsOverTime(RunFilter.all(), TimeBucket.DAY);
    assertEquals(
        List.of("2026-03-02", "2026-03-03", "2026-03-09", "2026-03-10"),
        days.stream().map(RunStats::key).toList());
    RunStats tuesday = days.get(1);
    assertEquals(2, tuesday.runs());
    assertEquals(1, tuesday.successes());
    assertEquals(1, tuesday.failures());
    assertEquals(2.5, tuesday.costUsd(), 1e-9);
    assertEquals(1, tuesday.qualityRuns());
    assertEquals(0.7, tuesday.averageQuality().overall(), 1e-9);

    List<RunStats> weeks = store.runsOverTime(RunFilter.all(), TimeBucket.WEEK);
    assertEquals(List.of("2026-03-02", "2026-03-09"), weeks.stream().map(RunStats::key).toList());
    assertEquals(List.of(3L, 3L), weeks.stream().map(RunStats::runs).toList());
    assertEquals(1, weeks.get(1).cancelled());

    List<RunStats> paymentsMonths =
        store.runsOverTime(RunFilter.all().withTeam("payments"), TimeBucket.MONTH);
    assertEquals(1, paymentsMonths.size());
    assertEquals("2026-03-01", paymentsMonths.get(0).key());
    assertEquals(7.0, paymentsMonths.get(0).costUsd(), 1e-9);
    assertEquals(3, paymentsMonths.get(0).qualityRuns());
    assertEquals(0.8, paymentsMonths.get(0).averageQuality().overall(), 1e-9);
    assertEquals(3 * SIMPLE_DURATION_MS, paymentsMonths.get(0).durationMs());
    assertEquals(3, paymentsMonths.get(0).complianceRuns());
    assertEquals(2, paymentsMonths.get(0).gdprCompliantRuns());
    assertEquals(6, paymentsMonths.get(0).piiColumnsDetected());

    assertEquals(
        List.of(1L),
        store
            .runsOverTime(
                RunFilter.between(MAR_02.plusDays(7), MAR_02.plusDays(7)).withPlatform("glue"),
                TimeBucket.DAY)
            .stream()
            .map(RunStats::runs)
            .toList());
  }

  @Test
  void breakdownsComparePlatformsRankJobsByCostAndCountStatuses() {
    recordDashboardRuns();

    List<RunStats> platforms = store.runsBy(RunFilter.all(), Dimension.PLATFORM, 10);
    assertEquals(List.of("emr", "glue", "local"), platforms.stream().map(RunStats::key).toList());
    RunStats glue = platforms.get(1);
    assertEquals(3, glue.runs());
    assertEquals(1.75, glue.costUsd(), 1e-9);
    assertEquals(2.0 / 3, glue.successRate(), 1e-9);
    assertEquals(SIMPLE_DURATION_MS, glue.averageDurationMs(), 1e-9);

    List<RunStats> topJobs = store.runsBy(RunFilter.all(), Dimension.JOB, 2);
    assertEquals(List.of("orders", "billing"), topJobs.stream().map(RunStats::key).toList());
    assertEquals(7.0, topJobs.get(0).costUsd(), 1e-9);

    List<RunStats> statuses =
        store.runsBy(
            RunFilter.between(MAR_02.plusDays(7), MAR_02.plusDays(8)), Dimension.STATUS, 10);
    assertEquals(List.of("SUCCEEDED", "CANCELLED"), statuses.stream().map(RunStats::key).toList());
    assertEquals(List.of(2L, 1L), statuses.stream().map(RunStats::runs).toList());

    List<RunStats> teams = store.runsBy(RunFilter.all(), Dimension.TEAM, 10);
    assertEquals(
        List.of("payments", "marketing", RunFilter.NO_TEAM),
        teams.stream().map(RunStats::key).toList());
    assertEquals(
        List.of("PIPELINE"),
        store.runsBy(RunFilter.all(), Dimension.JOB_TYPE, 10).stream().map(RunStats::key).toList());
    assertEquals(
        List.of("2026-03-02", "2026-03-03", "2026-03-09"),
        store.runsBy(RunFilter.all().withJob("orders"), Dimension.DAY, 10).stream()
            .map(RunStats::key)
            .toList());
  }

  @Test
  void breakdownsStillCountExecutionsWhoseRowsRetentionPurged() {
    Instant old = NOW.minus(Duration.ofDays(100));
    store.recordRun(RunRecord.of(simple("old", "a", ExecutionStatus.SUCCEEDED, old, 3.0)));
    store.recordRun(RunRecord.of(simple("new", "a", ExecutionStatus.SUCCEEDED, hoursAgo(1), 1.0)));

    store.purge(RetentionPolicy.DEFAULT, CLOCK);

    assertEquals(List.of("new"), summaryIds(store.executions(RunFilter.all(), 10)));
    List<RunStats> jobs = store.runsBy(RunFilter.all(), Dimension.JOB, 10);
    assertEquals(2, jobs.get(0).runs());
    assertEquals(4.0, jobs.get(0).costUsd(), 1e-9);
    store.purge(RetentionPolicy.DEFAULT, Clock.offset(CLOCK, Duration.ofDays(300)));
    assertEquals(1, store.runsBy(RunFilter.all(), Dimension.JOB, 10).get(0).runs());
  }

  @Test
  void countsIssuesByTypeSeverityAndJobOrDay() {
    recordDashboardRuns();

    List<IssueCount> byJob = store.issueCounts(RunFilter.all(), Dimension.JOB);
    assertEquals(
        List.of(
            new IssueCount("data-skew", Severity.HIGH, "orders", 2),
            new IssueCount("spill", Severity.HIGH, "billing", 1),
            new IssueCount("spill", Severity.HIGH, "orders", 1)),
        byJob);
    assertEquals(
        List.of(
            new IssueCount("spill", Severity.HIGH, "2026-03-03", 2),
            new IssueCount("data-skew", Severity.HIGH, "2026-03-02", 1),
            new IssueCount("data-skew", Severity.HIGH, "2026-03-03", 1)),
        store.issueCounts(RunFilter.all(), Dimension.DAY));
    assertEquals(
        List.of(new IssueCount("spill", Severity.HIGH, "glue", 1)),
        store.issueCounts(RunFilter.all().withTeam("marketing"), Dimension.PLATFORM));
    assertTrue(
        store.issueCounts(RunFilter.between(MAR_02.plusDays(7), null), Dimension.JOB).isEmpty());
  }

  @Test
  void agentStatisticsPerAgentWithinTheFilter() {
    Instant at = hoursAgo(3);
    store.recordRun(
        new RunRecord(
            simple("e1", "orders", ExecutionStatus.SUCCEEDED, at, 1),
            List.of(
                agentCall("i1", "e1", "optimization", at, 100, true, 1000, 0.01),
                agentCall("i2", "e1", "optimization", at.plusSeconds(1), 300, false, 3000, 0.03),
                agentCall("i3", "e1", "decision", at.plusSeconds(2), 50, true, 0, 0)),
            List.of(),
            List.of()));
    store.recordRun(
        new RunRecord(
            simple("e2", "billing", ExecutionStatus.FAILED, at, 1),
            List.of(agentCall("i4", "e2", "decision", at, 150, true, 10, 0.5)),
            List.of(),
            List.of()));

    List<AgentStats> all = store.agentStats(RunFilter.all());
    assertEquals(List.of("decision", "optimization"), all.stream().map(AgentStats::agent).toList());
    AgentStats optimization = all.get(1);
    assertEquals(2, optimization.invocations());
    assertEquals(200, optimization.averageDurationMs(), 1e-9);
    assertEquals(0.5, optimization.successRate(), 1e-9);
    assertEquals(4000, optimization.tokensIn());
    assertEquals(0.02, optimization.costPerInvocationUsd(), 1e-9);
    assertEquals(
        List.of(new AgentStats("decision", 1, 1, 150, 10, 5, 0.5)),
        store.agentStats(RunFilter.all().withJob("billing")));
    assertEquals(
        List.of(2L),
        store.agentStats(RunFilter.all().withStatus(ExecutionStatus.SUCCEEDED)).stream()
            .filter(a -> a.agent().equals("optimization"))
            .map(AgentStats::invocations)
            .toList());
    LocalDate yesterday = LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(1);
    assertTrue(store.agentStats(RunFilter.between(yesterday, yesterday)).isEmpty());
  }

  // ---- agent rollups (V5): agentStats equals what the raw invocations say ----

  /**
   * Executions of two jobs, two teams, two platforms and three statuses, with invocations spread
   * over five days (two on the purge's cutoff day, either side of the cutoff instant). Costs are
   * binary fractions, so sums are exact in any order.
   */
  private List<RunRecord> agentRuns() {
    Instant mar05 = Instant.parse("2026-03-05T10:00:00Z");
    Instant mar06early = Instant.parse("2026-03-06T06:00:00Z");
    Instant mar06late = Instant.parse("2026-03-06T18:00:00Z");
    Instant mar08 = Instant.parse("2026-03-08T23:59:59Z");
    Instant mar10 = Instant.parse("2026-03-10T00:00:00Z");
    List<RunRecord> runs = new ArrayList<>();
    runs.add(
        agentRun(
            "a1",
            "orders",
            "payments",
            "emr",
            ExecutionStatus.SUCCEEDED,
            mar05,
            agentCall("a1-1", "a1", "decision", mar05, 100, true, 10, 0.5),
            agentCall("a1-2", "a1", "optimization", mar06early, 300, false, 20, 0.25)));
    runs.add(
        agentRun(
            "a2",
            "orders",
            "payments",
            "glue",
            ExecutionStatus.FAILED,
            mar06early,
            agentCall("a2-1", "a2", "decision", mar06early, 40, true, 0, 0),
            agentCall("a2-2", "a2", "decision", mar06late, 60, false, 8, 0.125)));
    runs.add(
        agentRun(
            "a3",
            "billing",
            "marketing",
            "glue",
            ExecutionStatus.SUCCEEDED,
            mar08,
            agentCall("a3-1", "a3", "optimization", mar08, 500, true, 1000, 2.0),
            agentCall("a3-2", "a3", "quality", mar10, 70, true, 4, 0.0625)));
    runs.add(
        agentRun(
            "a4",
            "billing",
            null,
            "local",
            ExecutionStatus.CANCELLED,
            mar10,
            agentCall("a4-1", "a4", "decision", mar10, 20, false, 2, 0.75)));
    return runs;
  }

  private static RunRecord agentRun(
      String id,
      String job,
      String team,
      String platform,
      ExecutionStatus status,
      Instant start,
      AgentInvocation... calls) {
    ExecutionRecord base = simple(id, job, status, start, 1);
    ExecutionRecord execution =
        new ExecutionRecord(
            base.executionId(),
            base.jobName(),
            base.jobType(),
            platform,
            base.status(),
            base.startedAt(),
            base.endedAt(),
            base.workload(),
            base.decision(),
            base.metrics(),
            base.cost(),
            base.quality(),
            base.compliance(),
            base.issues(),
            base.recommendations(),
            base.optimisationsApplied(),
            base.error(),
            base.stakeholders(),
            team == null ? Map.of() : Map.of("team", team),
            base.notification());
    return new RunRecord(execution, List.of(calls), List.of(), List.of());
  }

  /** What agentStats must say, computed here from the invocations that are still kept. */
  private static List<AgentStats> expectedAgentStats(
      List<RunRecord> runs, RunFilter filter, Instant keptFrom) {
    RunFilter others = filter.withDays(null, null);
    Map<String, AgentStats> byAgent = new TreeMap<>();
    for (RunRecord run : runs) {
      for (AgentInvocation call : run.invocations()) {
        if (!call.at().isBefore(keptFrom)
            && filter.containsDay(LocalDate.ofInstant(call.at(), ZoneOffset.UTC))
            && others.matches(run.execution())) {
          byAgent.merge(
              call.agent(),
              new AgentStats(call.agent(), 0, 0, 0, 0, 0, 0).plus(call),
              (a, b) -> a.plus(call));
        }
      }
    }
    return List.copyOf(byAgent.values());
  }

  private static List<RunFilter> agentFilters() {
    LocalDate mar06 = LocalDate.parse("2026-03-06");
    return List.of(
        RunFilter.all(),
        RunFilter.between(mar06, mar06),
        RunFilter.between(mar06, LocalDate.parse("2026-03-08")),
        RunFilter.between(null, mar06),
        RunFilter.all().withJob("orders"),
        RunFilter.all().withJob("billing").withDays(mar06, null),
        RunFilter.all().withTeam("payments"),
        RunFilter.all().withTeam(RunFilter.NO_TEAM),
        RunFilter.all().withPlatform("glue"),
        RunFilter.all().withStatus(ExecutionStatus.FAILED),
        RunFilter.all().withStatus(ExecutionStatus.SUCCEEDED).withDays(mar06, mar06),
        RunFilter.all().withJob("orders").withTeam("payments").withPlatform("emr"),
        RunFilter.all().withJob("nobody"));
  }

  @Test
  void agentStatisticsFromTheRollupsEqualTheRawInvocationsForEveryFilterAndAfterAPurge() {
    List<RunRecord> runs = agentRuns();
    runs.forEach(this::record);
    for (RunFilter filter : agentFilters()) {
      assertEquals(
          expectedAgentStats(runs, filter, Instant.MIN),
          store.agentStats(filter),
          () -> "agentStats(" + filter + ")");
    }
    assertEquals(
        new AgentStats("decision", 4, 2, 220, 20, 10, 1.375),
        store.agentStats(RunFilter.all()).get(0));

    // Invocations are kept 4 days: at NOW (03-10 12:00) the cutoff is 03-06 12:00, between the two
    // invocations of 03-06, so that day's totals must lose one and keep the other.
    RetentionPolicy fourDays =
        new RetentionPolicy(
            Duration.ofDays(90),
            Duration.ofDays(4),
            Duration.ofDays(365),
            Duration.ofDays(365),
            RetentionPolicy.MIN_AUDIT);
    assertEquals(3, store.wouldPurge(fourDays, CLOCK).invocations());
    for (RunFilter filter : agentFilters()) {
      assertEquals(
          expectedAgentStats(runs, filter, Instant.MIN),
          store.agentStats(filter),
          () -> "after the dry run, agentStats(" + filter + ")");
    }
    assertEquals(3, store.purge(fourDays, CLOCK).invocations());
    Instant keptFrom = NOW.minus(Duration.ofDays(4));
    for (RunFilter filter : agentFilters()) {
      assertEquals(
          expectedAgentStats(runs, filter, keptFrom),
          store.agentStats(filter),
          () -> "after the purge, agentStats(" + filter + ")");
    }
    assertEquals(
        List.of(new AgentStats("decision", 1, 0, 60, 8, 4, 0.125)),
        store.agentStats(RunFilter.between(LocalDate.parse("2026-03-06"), null).withJob("orders")));

    // Runs recorded after the purge add to the rebuilt day.
    RunRecord late =
        agentRun(
            "a5",
            "orders",
            "payments",
            "glue",
            ExecutionStatus.FAILED,
            Instant.parse("2026-03-06T20:00:00Z"),
            agentCall(
                "a5-1", "a5", "decision", Instant.parse("2026-03-06T20:00:00Z"), 5, true, 1, 1.0));
    record(late);
    List<RunRecord> all = new ArrayList<>(runs);
    all.add(late);
    for (RunFilter filter : agentFilters()) {
      assertEquals(
          expectedAgentStats(all, filter, keptFrom),
          store.agentStats(filter),
          () -> "after a later run, agentStats(" + filter + ")");
    }
  }

  @Test
  void issueCountsAgreeWhicheverRollupAnswers() {
    recordDashboardRuns();
    // By job with no filter (narrow rollup) and with a status filter per status (full rollup) must
    // add up to the same cells.
    Map<String, Long> narrow = new TreeMap<>();
    store
        .issueCounts(RunFilter.all(), Dimension.JOB)
        .forEach(c -> narrow.merge(c.issueType() + "/" + c.group(), c.occurrences(), Long::sum));
    Map<String, Long> wide = new TreeMap<>();
    for (ExecutionStatus status : ExecutionStatus.values()) {
      store
          .issueCounts(RunFilter.all().withStatus(status), Dimension.JOB)
          .forEach(c -> wide.merge(c.issueType() + "/" + c.group(), c.occurrences(), Long::sum));
    }
    assertEquals(Map.of("data-skew/orders", 2L, "spill/billing", 1L, "spill/orders", 1L), narrow);
    assertEquals(narrow, wide);
    assertEquals(
        List.of(
            new IssueCount("data-skew", Severity.HIGH, "FAILED", 1),
            new IssueCount("spill", Severity.HIGH, "FAILED", 1)),
        store.issueCounts(
            RunFilter.all().withJob("orders").withStatus(ExecutionStatus.FAILED),
            Dimension.STATUS));
    // Issue rollups go with the trends (365 days).
    store.purge(RetentionPolicy.DEFAULT, Clock.offset(CLOCK, Duration.ofDays(400)));
    assertTrue(store.issueCounts(RunFilter.all(), Dimension.JOB).isEmpty());
    assertTrue(store.issueCounts(RunFilter.all(), Dimension.STATUS).isEmpty());
  }

  // ---- running markers and stage summaries (V5) ----

  @Test
  void runningMarkersAreListedOldestFirstAndGoInTheTransactionThatRecordsTheRun() {
    RunningExecution second =
        new RunningExecution("r2", "billing", "", "glue", hoursAgo(1), "host-b", 42);
    RunningExecution first =
        new RunningExecution("r1", "orders", "payments", "local", hoursAgo(2), "host-a", 7);
    store.markRunning(second);
    store.markRunning(first);
    assertEquals(List.of(first, second), store.running());

    // Marking again replaces (a retried start), it does not duplicate.
    RunningExecution moved =
        new RunningExecution("r2", "billing", "", "emr", hoursAgo(1), "host-c", 43);
    store.markRunning(moved);
    assertEquals(List.of(first, moved), store.running());

    store.recordRun(
        RunRecord.of(simple("r1", "orders", ExecutionStatus.SUCCEEDED, hoursAgo(2), 1)));
    assertEquals(List.of(moved), store.running());
    // A run that fails to record keeps its marker: the transaction is all or nothing.
    assertThrows(
        StrandsException.class,
        () ->
            store.recordRun(
                RunRecord.of(simple("r1", "orders", ExecutionStatus.SUCCEEDED, NOW, 1))));
    store.clearRunning("r2");
    store.clearRunning("unknown");
    assertTrue(store.running().isEmpty());

    // A marker left by a run that was never recorded goes with the executions of its age.
    RunningExecution old =
        new RunningExecution(
            "r-old", "orders", "", "local", NOW.minus(Duration.ofDays(100)), "host-a", 7);
    RunningExecution young =
        new RunningExecution("r-young", "orders", "", "local", hoursAgo(30), "host-a", 8);
    store.markRunning(old);
    store.markRunning(young);
    store.purge(RetentionPolicy.DEFAULT, CLOCK);
    assertEquals(List.of(young), store.running());
  }

  @Test
  void aMarkerIsAbandonedWhenItsProcessIsGoneOrItIsOlderThanTheLimit() {
    String here = RunningExecution.localHost();
    RunningExecution alive =
        RunningExecution.ofThisProcess("r1", "orders", "payments", "local", NOW);
    assertEquals(RunningExecution.State.RUNNING, alive.stateAt(NOW.plusSeconds(60), here));
    assertEquals(
        RunningExecution.State.ABANDONED,
        alive.stateAt(NOW.plus(RunningExecution.MAX_AGE).plusSeconds(1), here));
    // A pid that cannot be alive: pid_max on Linux is at most 2^22.
    RunningExecution gone = new RunningExecution("r2", "orders", "", "local", NOW, here, 9_999_999);
    assertEquals(RunningExecution.State.ABANDONED, gone.stateAt(NOW.plusSeconds(60), here));
    // Another host's process cannot be checked: only the age decides.
    RunningExecution remote =
        new RunningExecution("r3", "orders", "", "emr", NOW, here + "-elsewhere", 9_999_999);
    assertEquals(RunningExecution.State.RUNNING, remote.stateAt(NOW.plusSeconds(60), here));
  }

  @Test
  void storesStageSummariesWithTheExecutionAndPurgesThemWithIt() {
    StageSummary s3 =
        new StageSummary(
            3,
            0,
            "save at Pipeline.java:42",
            "COMPLETE",
            200,
            0,
            125_000L,
            0,
            5_000_000,
            7_000_000,
            0,
            1_000,
            2_000,
            900.5,
            300.25);
    StageSummary s1retry =
        new StageSummary(
            1,
            1,
            "parquet at Source.java:10",
            "COMPLETE",
            8,
            0,
            4_000L,
            8_000_000,
            0,
            0,
            7_000_000,
            0,
            0,
            600,
            500);
    StageSummary s1 =
        new StageSummary(
            1,
            0,
            "parquet at Source.java:10",
            "FAILED",
            8,
            2,
            null,
            4_000_000,
            0,
            0,
            0,
            0,
            0,
            0,
            0);
    store.recordRun(
        RunRecord.of(
                simple(
                    "old", "orders", ExecutionStatus.SUCCEEDED, NOW.minus(Duration.ofDays(100)), 1))
            .withStages(List.of(s3, s1retry, s1)));
    store.recordRun(
        RunRecord.of(simple("new", "orders", ExecutionStatus.SUCCEEDED, hoursAgo(1), 1))
            .withStages(List.of(s3)));
    store.recordRun(RunRecord.of(simple("none", "orders", ExecutionStatus.SUCCEEDED, NOW, 1)));

    assertEquals(List.of(s1, s1retry, s3), store.stages("old"));
    assertNull(store.stages("old").get(0).durationMs());
    assertEquals(3.0, store.stages("new").get(0).taskTimeSkew(), 0.01);
    assertNull(s1.taskTimeSkew());
    assertTrue(store.stages("none").isEmpty());
    assertTrue(store.stages("unknown").isEmpty());

    store.purge(RetentionPolicy.DEFAULT, CLOCK);
    assertTrue(store.stages("old").isEmpty());
    assertEquals(List.of(s3), store.stages("new"));
  }

  @Test
  void aRunRecordRefusesMoreStagesThanTheCapAndAStageTwice() {
    ExecutionRecord execution = simple("e1", "orders", ExecutionStatus.SUCCEEDED, NOW, 1);
    List<StageSummary> many = new ArrayList<>();
    for (int i = 0; i <= StageSummary.MAX_PER_EXECUTION; i++) {
      many.add(new StageSummary(i, 0, "", "COMPLETE", 1, 0, 1L, 0, 0, 0, 0, 0, 0, 1, 1));
    }
    StrandsException tooMany =
        assertThrows(StrandsException.class, () -> RunRecord.of(execution).withStages(many));
    assertEquals("Invalid stages: 201 (more than 200 per execution)", tooMany.getMessage());
    StrandsException twice =
        assertThrows(
            StrandsException.class,
            () -> RunRecord.of(execution).withStages(List.of(many.get(0), many.get(0))));
    assertEquals("Invalid stage: 0 attempt 0 (listed twice for one run)", twice.getMessage());
  }

  @Test
  void qualityHistoryOfAJobAcrossDatasetsNewestFirst() {
    store.recordRun(
        new RunRecord(
            simple("q1", "orders", ExecutionStatus.SUCCEEDED, hoursAgo(30), 1),
            List.of(),
            List.of(
                qualityOf("q1", "orders", "a", hoursAgo(30), 0.9),
                qualityOf("q1", "orders", "b", hoursAgo(30), 0.8)),
            List.of()));
    store.recordRun(
        new RunRecord(
            simple("q2", "orders", ExecutionStatus.SUCCEEDED, hoursAgo(5), 1),
            List.of(),
            List.of(qualityOf("q2", "orders", "a", hoursAgo(5), 0.7)),
            List.of()));
    store.recordRun(
        new RunRecord(
            simple("q3", "billing", ExecutionStatus.SUCCEEDED, hoursAgo(4), 1),
            List.of(),
            List.of(qualityOf("q3", "billing", "c", hoursAgo(4), 0.95)),
            List.of()));

    List<QualityHistoryEntry> orders = store.qualityHistory(RunFilter.all().withJob("orders"), 10);
    assertEquals(
        List.of("q2/a", "q1/a", "q1/b"),
        orders.stream().map(q -> q.executionId() + "/" + q.dataset()).toList());
    assertEquals(0.7, orders.get(0).scores().overall(), 1e-9);
    assertEquals(
        List.of("q3"),
        store.qualityHistory(RunFilter.all(), 1).stream()
            .map(QualityHistoryEntry::executionId)
            .toList());
  }

  @Test
  void recentAuditIsNewestFirstAndRowCountsCoverEveryTable() {
    for (String action : List.of("a", "b", "c")) {
      store.appendAudit(new AuditEvent(NOW, "strands", action, "s", ""));
    }
    store.recordRun(RunRecord.of(simple("e1", "orders", ExecutionStatus.SUCCEEDED, NOW, 1)));

    assertEquals(List.of(3L, 2L), store.recentAudit(2).stream().map(AuditEntry::sequence).toList());
    Map<String, Long> counts = store.rowCounts();
    assertEquals(3L, counts.get("compliance_audit"));
    assertEquals(1L, counts.get("job_executions"));
    assertEquals(4L, counts.get("cost_trends"));
    assertEquals(0L, counts.get("agent_invocations"));
    assertEquals(0L, counts.get("issue_registry"));
    assertEquals(0L, counts.get("data_quality_history"));
    assertEquals(
        new ArrayList<>(new java.util.TreeSet<>(counts.keySet())),
        new ArrayList<>(counts.keySet()));
  }

  @Test
  void queriesRejectALimitBelowOne() {
    StrandsException error =
        assertThrows(StrandsException.class, () -> store.executions(RunFilter.all(), 0));
    assertEquals("Invalid query limit: 0 (must be >= 1)", error.getMessage());
  }

  // ---- audit chain: removal at either end ----

  @Test
  void auditVerifierNamesTheNewestEntriesWhenTheyWereRemoved() throws Exception {
    for (String action : List.of("a", "b", "c", "d")) {
      store.appendAudit(new AuditEvent(NOW, "strands", action, "s", ""));
    }
    assertEquals(
        new AuditHead(4, store.auditTrail().get(3).hash(), 0, AuditEntry.GENESIS_HASH),
        store.auditHead());

    deleteAuditEntry(store, 4);
    deleteAuditEntry(store, 3);

    AuditVerification broken = store.verifyAudit();
    assertFalse(broken.intact());
    assertEquals(3L, broken.firstBadSequence());
    assertEquals(
        "Audit entry 3 is missing (entries 3..4 were removed: the newest entries)",
        broken.problem());
  }

  @Test
  void auditVerifierNamesARemovedMiddleEntryAndARemovedFirstEntry() throws Exception {
    for (String action : List.of("a", "b", "c")) {
      store.appendAudit(new AuditEvent(NOW, "strands", action, "s", ""));
    }
    deleteAuditEntry(store, 2);
    assertEquals(
        "Audit entry 3 follows entry 1 (an entry was removed or reordered)",
        store.verifyAudit().problem());

    deleteAuditEntry(store, 1);
    AuditVerification broken = store.verifyAudit();
    assertEquals(1L, broken.firstBadSequence());
    assertEquals(
        "Audit entry 1 is missing (the oldest kept entries were removed)", broken.problem());
  }

  @Test
  void auditVerifierNamesEveryEntryRemovedAndAcceptsARetentionPurge() throws Exception {
    store.appendAudit(new AuditEvent(NOW.minus(Duration.ofDays(8 * 366)), "strands", "a", "s", ""));
    store.appendAudit(new AuditEvent(NOW.minus(Duration.ofDays(8 * 366)), "strands", "b", "s", ""));
    store.appendAudit(new AuditEvent(NOW, "strands", "c", "s", ""));
    store.purge(RetentionPolicy.DEFAULT, CLOCK);
    AuditHead head = store.auditHead();
    assertEquals(2, head.purgedThrough());
    assertEquals(store.auditTrail().get(0).previousHash(), head.purgedHash());
    assertTrue(store.verifyAudit().intact(), store.verifyAudit().problem());

    deleteAuditEntry(store, 3);

    AuditVerification broken = store.verifyAudit();
    assertEquals(3L, broken.firstBadSequence());
    assertEquals("Audit entry 3 is missing (entries 3..3 were removed)", broken.problem());
  }

  @Test
  void purgeRemovesOnlyTheOldestPrefixOfTheAuditChain() {
    store.appendAudit(new AuditEvent(NOW.minus(Duration.ofDays(8 * 366)), "strands", "a", "s", ""));
    store.appendAudit(new AuditEvent(NOW, "strands", "b", "s", ""));
    // Appended later with an old time (an import): it stays, or the chain would have a gap.
    store.appendAudit(new AuditEvent(NOW.minus(Duration.ofDays(8 * 366)), "strands", "c", "s", ""));

    PurgeResult purged = store.purge(RetentionPolicy.DEFAULT, CLOCK);

    assertEquals(1, purged.audit());
    assertEquals(
        List.of("b", "c"), store.auditTrail().stream().map(e -> e.event().action()).toList());
    assertTrue(store.verifyAudit().intact(), store.verifyAudit().problem());
  }

  @Test
  void keepsNotMeasuredDimensionsAndAveragesEachDimensionOverTheRunsThatMeasuredIt() {
    LocalDate day = MAR_02.plusDays(7);
    QualityScores first = new QualityScores(0.9, null, 0.8, null, 1.0, 0.9);
    QualityScores second = new QualityScores(0.7, 0.6, null, null, 0.8, 0.7);
    RunRecord one = notMeasuredRun("nm1", day, first);
    RunRecord two = notMeasuredRun("nm2", day, second);
    store.recordRun(one);
    store.recordRun(two);

    assertEquals(one.execution(), store.findExecution("nm1").orElseThrow());
    assertNull(store.findExecution("nm1").orElseThrow().quality().scores().accuracy());
    List<QualityHistoryEntry> history = store.qualityHistory("scored", "scored.out");
    assertEquals(List.of(one.quality().get(0), two.quality().get(0)), history);
    assertNull(history.get(0).scores().timeliness(), "not measured reads back as null, not 0");

    RunStats job = store.runsBy(RunFilter.all().withJob("scored"), Dimension.JOB, 10).get(0);
    QualityScores average = job.averageQuality();
    assertEquals(0.8, average.completeness(), 1e-9);
    assertEquals(0.6, average.accuracy(), 1e-9, "only nm2 measured accuracy");
    assertEquals(0.8, average.consistency(), 1e-9, "only nm1 measured consistency");
    assertNull(average.timeliness(), "no run measured timeliness");
    assertEquals(0.9, average.validity(), 1e-9);
    assertEquals(0.8, average.overall(), 1e-9);
  }

  private static RunRecord notMeasuredRun(String id, LocalDate day, QualityScores scores) {
    Instant start = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    ExecutionRecord execution =
        new ExecutionRecord(
            id,
            "scored",
            JobType.PIPELINE,
            "local",
            ExecutionStatus.SUCCEEDED,
            start,
            start.plusMillis(SIMPLE_DURATION_MS),
            null,
            null,
            null,
            new CostBreakdown(0.1, 0.1, 0, 0, 0, 0, 0),
            new QualitySummary(scores, 0, 0, 0, 0, 1, 0),
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            Map.of(),
            null);
    QualityHistoryEntry entry =
        new QualityHistoryEntry(
            id,
            "scored",
            "scored.out",
            start.plusSeconds(60),
            scores,
            QualityTrend.STABLE,
            List.of());
    return new RunRecord(execution, List.of(), List.of(entry), List.of());
  }

  private static RunRecord dashboardRun(
      String id,
      String job,
      String team,
      String platform,
      ExecutionStatus status,
      LocalDate day,
      double costUsd,
      Double qualityOverall,
      String... issueTypes) {
    Instant start = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    List<DetectedIssue> issues = new ArrayList<>();
    for (String type : issueTypes) {
      issues.add(new DetectedIssue(type, Severity.HIGH, type));
    }
    QualitySummary quality =
        qualityOverall == null
            ? null
            : new QualitySummary(
                new QualityScores(1.0, 1.0, 1.0, 1.0, 1.0, qualityOverall), 0, 0, 0, 0, 1, 0);
    ComplianceSummary compliance =
        team == null
            ? null
            : new ComplianceSummary(
                !id.equals("p2"), true, 2, 2, true, true, true, true, "internal");
    return RunRecord.of(
        new ExecutionRecord(
            id,
            job,
            JobType.PIPELINE,
            platform,
            status,
            start,
            start.plusMillis(SIMPLE_DURATION_MS),
            null,
            null,
            null,
            new CostBreakdown(costUsd, costUsd, 0, 0, 0, 0, 0),
            quality,
            compliance,
            issues,
            List.of(),
            List.of(),
            null,
            List.of(),
            team == null ? Map.of() : Map.of("team", team),
            null));
  }

  private static AgentInvocation agentCall(
      String id,
      String executionId,
      String agent,
      Instant at,
      long durationMs,
      boolean success,
      long tokensIn,
      double costUsd) {
    return new AgentInvocation(
        id,
        executionId,
        agent,
        "tool",
        at,
        "",
        "",
        durationMs,
        success,
        success ? "" : "timeout",
        tokensIn,
        tokensIn / 2,
        costUsd);
  }

  private static QualityHistoryEntry qualityOf(
      String executionId, String job, String dataset, Instant at, double overall) {
    return new QualityHistoryEntry(
        executionId,
        job,
        dataset,
        at,
        new QualityScores(1.0, 1.0, 1.0, 1.0, 1.0, overall),
        QualityTrend.STABLE,
        List.of());
  }

  private static List<String> summaryIds(List<ExecutionSummary> summaries) {
    return summaries.stream().map(ExecutionSummary::executionId).toList();
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
