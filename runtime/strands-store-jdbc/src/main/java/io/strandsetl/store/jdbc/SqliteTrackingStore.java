package io.strandsetl.store.jdbc;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded {@link io.strandsetl.model.store.TrackingStore}: one SQLite file, created on first
 * use, schema by Flyway migrations ({@code db/strands/sqlite}), WAL journal.
 *
 * <p>Concurrency: every write transaction starts {@code BEGIN IMMEDIATE}, so it takes the file's
 * write lock before reading what it updates (issue registry, audit head); a second process waits up
 * to the busy timeout instead of failing, and nothing is lost. Within this process one connection
 * is shared under this object's lock. Commits are {@code synchronous=FULL}: a committed run
 * survives a crash or power loss.
 */
public final class SqliteTrackingStore extends JdbcTrackingStore {
  private final Path file;

  private SqliteTrackingStore(Path file, Connection connection, StoreOptions options) {
    super(file.toString(), connection, Dialect.SQLITE, options);
    this.file = file;
  }

  /**
   * Opens the store in {@code file} with automatic purging off (the caller decides), creating the
   * file, its directories and the schema (or migrating an older schema) when needed.
   *
   * @param busyTimeoutMs how long a write waits for another process's transaction, milliseconds
   */
  public static SqliteTrackingStore open(Path file, long busyTimeoutMs) {
    return open(file, busyTimeoutMs, StoreOptions.defaults().withAutoPurge(false));
  }

  /** Opens the store in {@code file} with {@code options} (clock, retention, automatic purge). */
  public static SqliteTrackingStore open(Path file, long busyTimeoutMs, StoreOptions options) {
    Path absolute = file.toAbsolutePath();
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot create tracking store directory: " + absolute.getParent(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeoutMs));
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + absolute);
    migrate(dataSource, Dialect.SQLITE, absolute.toString());
    try {
      // Auto-commit stays on: reads are their own short transactions, and writes open theirs
      // explicitly with BEGIN IMMEDIATE (Dialect.SQLITE).
      Connection connection = dataSource.getConnection();
      SqliteTrackingStore store = new SqliteTrackingStore(absolute, connection, options);
      return store;
    } catch (SQLException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot open tracking store " + absolute + " (" + e.getMessage() + ")",
          e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }
}
