package io.strandsetl.store.jdbc;

import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.testkit.store.TrackingStoreContractTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrackingStoreTest extends TrackingStoreContractTest {
  @TempDir Path dir;

  @Override
  protected TrackingStore newStore(Clock clock) {
    return SqliteTrackingStore.open(dir.resolve("store").resolve("tracking.db"), 10_000);
  }

  /** Edits the file through a second connection, as someone with the file would. */
  @Override
  protected void tamperWithAuditDetails(TrackingStore store, long sequence, String details)
      throws Exception {
    Path file = ((SqliteTrackingStore) store).file();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement drop = connection.createStatement();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE compliance_audit SET details = ? WHERE sequence = ?")) {
      drop.execute("DROP TRIGGER compliance_audit_append_only");
      update.setString(1, details);
      update.setLong(2, sequence);
      if (update.executeUpdate() != 1) {
        throw new AssertionError("no audit entry " + sequence + " in " + file);
      }
    }
  }

  @Override
  protected void deleteAuditEntry(TrackingStore store, long sequence) throws Exception {
    Path file = ((SqliteTrackingStore) store).file();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM compliance_audit WHERE sequence = ?")) {
      delete.setLong(1, sequence);
      if (delete.executeUpdate() != 1) {
        throw new AssertionError("no audit entry " + sequence + " in " + file);
      }
    }
  }
}
