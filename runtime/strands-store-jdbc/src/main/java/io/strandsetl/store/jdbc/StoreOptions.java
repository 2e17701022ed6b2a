package io.strandsetl.store.jdbc;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.RetentionPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * How a JDBC store behaves beyond where its data is: the clock it purges by, its retention, and
 * whether it purges on its own (at most once a day, after recording a run).
 *
 * @param clock the clock automatic purging reads (injectable for tests)
 * @param retention what a purge keeps
 * @param autoPurge purge automatically ({@code store.retention.auto-purge})
 */
public record StoreOptions(Clock clock, RetentionPolicy retention, boolean autoPurge) {
  public StoreOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retention, "retention");
  }

  /** System UTC clock, default retention, automatic purging on. */
  public static StoreOptions defaults() {
    return new StoreOptions(Clock.systemUTC(), RetentionPolicy.DEFAULT, true);
  }

  /**
   * Options from {@code store.retention.*} keys ({@link RetentionPolicy#fromSettings}, {@code
   * store.retention.auto-purge}, default true) with the system UTC clock.
   */
  public static StoreOptions fromSettings(Settings settings) {
    return new StoreOptions(
        Clock.systemUTC(),
        RetentionPolicy.fromSettings(settings),
        settings.getBoolean(RetentionPolicy.AUTO_PURGE_KEY, true));
  }

  public StoreOptions withClock(Clock value) {
    return new StoreOptions(value, retention, autoPurge);
  }

  public StoreOptions withAutoPurge(boolean value) {
    return new StoreOptions(clock, retention, value);
  }
}
