package io.strandsetl.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What differs between the SQL backends; everything else is shared SQL in JdbcTrackingStore. */
enum Dialect {
  /**
   * SQLite: auto-commit stays on; a write opens {@code BEGIN IMMEDIATE}, which takes the file's
   * write lock before anything is read, so a read-modify-write (issue registry, audit head) cannot
   * interleave with another process's.
   */
  SQLITE("sqlite") {
    @Override
    void begin(Connection connection) throws SQLException {
      execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    void commit(Connection connection) throws SQLException {
      execute(connection, "COMMIT");
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      execute(connection, "ROLLBACK");
    }

    @Override
    String ordered(String column) {
      return column;
    }
  },
  /**
   * PostgreSQL: a write is a transaction that first takes one transaction-scoped advisory lock, so
   * writers of every process are serialised like on SQLite (the issue registry and the audit head
   * are read, then written); readers are not blocked (MVCC).
   */
  POSTGRES("postgres") {
    /** The advisory lock key of the tracking store's writers: "Strn" in ASCII. */
    static final long WRITE_LOCK = 0x5374726eL;

    @Override
    void begin(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
      try (var statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        statement.setLong(1, WRITE_LOCK);
        statement.execute();
      }
    }

    @Override
    void commit(Connection connection) throws SQLException {
      connection.commit();
      connection.setAutoCommit(true);
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      try {
        connection.rollback();
      } finally {
        connection.setAutoCommit(true);
      }
    }

    @Override
    String ordered(String column) {
      // Byte order like Java's String order for ASCII, whatever the database's collation.
      return column + " COLLATE \"C\"";
    }
  };

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** Flyway location of this dialect's migrations. */
  String migrations() {
    return "classpath:db/strands/" + migrations;
  }

  abstract void begin(Connection connection) throws SQLException;

  abstract void commit(Connection connection) throws SQLException;

  abstract void rollback(Connection connection) throws SQLException;

  /** A text column in an ORDER BY, compared like Java strings. */
  abstract String ordered(String column);

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
