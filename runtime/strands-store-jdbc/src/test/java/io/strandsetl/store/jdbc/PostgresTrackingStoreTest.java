package io.strandsetl.store.jdbc;

import io.strandsetl.model.config.Secret;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.testkit.store.TestPostgres;
import io.strandsetl.testkit.store.TrackingStoreContractTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;

/** The contract on a real PostgreSQL server (TestPostgres): one fresh database per test. */
class PostgresTrackingStoreTest extends TrackingStoreContractTest {
  private final Map<TrackingStore, TestPostgres.Server> databases = new IdentityHashMap<>();

  @Override
  protected TrackingStore newStore(Clock clock) {
    TestPostgres.Server database = TestPostgres.newDatabase();
    TrackingStore store =
        PostgresTrackingStore.open(
            database.jdbcUrl(),
            database.user(),
            Secret.of(database.password()),
            StoreOptions.defaults().withClock(clock).withAutoPurge(false));
    databases.put(store, database);
    return store;
  }

  /** Edits the table through a second connection, as someone with database access would. */
  @Override
  protected void tamperWithAuditDetails(TrackingStore store, long sequence, String details)
      throws Exception {
    try (Connection connection = connect(store);
        Statement disable = connection.createStatement();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE compliance_audit SET details = ? WHERE sequence = ?")) {
      disable.execute("ALTER TABLE compliance_audit DISABLE TRIGGER compliance_audit_append_only");
      update.setString(1, details);
      update.setLong(2, sequence);
      if (update.executeUpdate() != 1) {
        throw new AssertionError("no audit entry " + sequence);
      }
    }
  }

  @Override
  protected void deleteAuditEntry(TrackingStore store, long sequence) throws Exception {
    try (Connection connection = connect(store);
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM compliance_audit WHERE sequence = ?")) {
      delete.setLong(1, sequence);
      if (delete.executeUpdate() != 1) {
        throw new AssertionError("no audit entry " + sequence);
      }
    }
  }

  private Connection connect(TrackingStore store) throws Exception {
    TestPostgres.Server database = databases.get(store);
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
