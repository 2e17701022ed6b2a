package io.strandsetl.store.jdbc;

import io.strandsetl.model.config.Secret;
import io.strandsetl.testkit.store.TestPostgres;

class PostgresAutoPurgeTest extends AutoPurgeContract {
  private TestPostgres.Server database;

  @Override
  JdbcTrackingStore open(StoreOptions options) {
    database = TestPostgres.newDatabase();
    return reopen(options);
  }

  @Override
  JdbcTrackingStore reopen(StoreOptions options) {
    return PostgresTrackingStore.open(
        database.jdbcUrl(), database.user(), Secret.of(database.password()), options);
  }
}
