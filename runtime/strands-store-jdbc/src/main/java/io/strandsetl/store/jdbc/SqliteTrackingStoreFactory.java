package io.strandsetl.store.jdbc;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import java.nio.file.Path;

/**
 * {@code store.type=sqlite}: a {@link SqliteTrackingStore}.
 *
 * <p>Keys: {@code store.sqlite.path} (default {@code ~/.strands/tracking.db}), {@code
 * store.sqlite.busy-timeout-ms} (how long a write waits for another process, milliseconds, default
 * 30000), and the {@code store.retention.*} keys ({@link StoreOptions#fromSettings}).
 */
public final class SqliteTrackingStoreFactory implements TrackingStoreFactory {
  static final long DEFAULT_BUSY_TIMEOUT_MS = 30_000;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String description() {
    return "an SQLite file on this machine, created on first use (the default)";
  }

  @Override
  public TrackingStore create(Settings settings) {
    Path path =
        settings
            .string("store.sqlite.path")
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".strands", "tracking.db"));
    long busyTimeoutMs = settings.getLong("store.sqlite.busy-timeout-ms", DEFAULT_BUSY_TIMEOUT_MS);
    return SqliteTrackingStore.open(path, busyTimeoutMs, StoreOptions.fromSettings(settings));
  }
}
