package io.strandsetl.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteAutoPurgeTest extends AutoPurgeContract {
  @TempDir Path dir;

  @Override
  JdbcTrackingStore open(StoreOptions options) {
    return SqliteTrackingStore.open(dir.resolve("tracking.db"), 5_000, options);
  }

  @Override
  JdbcTrackingStore reopen(StoreOptions options) {
    return open(options);
  }
}
