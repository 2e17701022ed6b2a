package io.strandsetl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.RetentionPolicy;
import io.strandsetl.model.store.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Automatic purging of a JDBC store: before a run is recorded, at most once a day by the store's
 * clock, remembered in the store so that a second store object (another process) does not purge
 * again before it is due. Each backend's test extends this and opens a fresh store.
 */
abstract class AutoPurgeContract {
  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  /** A fresh store (its first open) with these options. */
  abstract JdbcTrackingStore open(StoreOptions options);

  /** The same store again, as another process would open it. */
  abstract JdbcTrackingStore reopen(StoreOptions options);

  @Test
  void purgesAtMostOncePerDayByTheStoresClockAndRemembersItAcrossOpens() {
    MutableClock clock = new MutableClock(T0);
    StoreOptions options = new StoreOptions(clock, RetentionPolicy.DEFAULT, true);
    try (JdbcTrackingStore store = open(options)) {
      // The first write runs the first purge (nothing to delete yet), then records the run: it
      // stays although it is 100 days old, until the next purge.
      store.recordRun(run("too-old", T0.minus(Duration.ofDays(100))));
      assertThat(ids(store)).containsExactly("too-old");
      assertThat(store.lastPurge()).contains(T0);

      clock.advance(Duration.ofHours(12));
      store.recordRun(run("kept-until-due", T0.minus(Duration.ofDays(95))));
      assertThat(ids(store)).containsExactly("kept-until-due", "too-old");
      assertThat(store.lastPurge()).contains(T0);
    }
    try (JdbcTrackingStore other = reopen(options)) {
      other.recordRun(run("recent", T0.minus(Duration.ofDays(10))));
      assertThat(ids(other)).containsExactly("recent", "kept-until-due", "too-old");

      clock.advance(Duration.ofHours(12));
      other.recordRun(run("next-day", T0));
      assertThat(ids(other)).containsExactly("next-day", "recent");
      assertThat(other.lastPurge()).contains(T0.plus(Duration.ofDays(1)));
    }
  }

  @Test
  void neverPurgesWhenAutomaticPurgingIsOff() {
    MutableClock clock = new MutableClock(T0);
    try (JdbcTrackingStore store = open(new StoreOptions(clock, RetentionPolicy.DEFAULT, false))) {
      store.recordRun(run("old", T0.minus(Duration.ofDays(400))));
      clock.advance(Duration.ofDays(3));
      store.recordRun(run("new", T0));

      assertThat(ids(store)).containsExactly("new", "old");
      assertThat(store.lastPurge()).isEmpty();
    }
  }

  private static List<String> ids(JdbcTrackingStore store) {
    return store.listExecutions(ExecutionQuery.all()).stream()
        .map(ExecutionRecord::executionId)
        .toList();
  }

  static RunRecord run(String id, Instant start) {
    return RunRecord.of(
        new ExecutionRecord(
            id,
            "orders",
            JobType.PIPELINE,
            "local",
            ExecutionStatus.SUCCEEDED,
            start,
            start.plusSeconds(60),
            null,
            null,
            null,
            new CostBreakdown(1, 1, 0, 0, 0, 0, 0),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            Map.of(),
            null));
  }
}
