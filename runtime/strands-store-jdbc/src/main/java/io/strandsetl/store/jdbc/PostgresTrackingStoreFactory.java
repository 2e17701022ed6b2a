package io.strandsetl.store.jdbc;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;

/**
 * {@code store.type=postgres}: a {@link PostgresTrackingStore}.
 *
 * <p>Keys: {@code store.postgres.jdbc-url} (required, {@code jdbc:postgresql://HOST:PORT/DB}),
 * {@code store.postgres.user}, {@code store.postgres.password} (a secret: never printed or logged,
 * removed from error messages), and the {@code store.retention.*} keys ({@link
 * StoreOptions#fromSettings}).
 */
public final class PostgresTrackingStoreFactory implements TrackingStoreFactory {
  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String description() {
    return "a PostgreSQL database (store.postgres.jdbc-url), shared by a team";
  }

  @Override
  public TrackingStore create(Settings settings) {
    String url =
        settings
            .string("store.postgres.jdbc-url")
            .orElseThrow(
                () ->
                    new StrandsException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Invalid store.postgres.jdbc-url: missing (set it to"
                            + " jdbc:postgresql://HOST:PORT/DATABASE for store.type=postgres)"));
    String user = settings.string("store.postgres.user").orElse(null);
    Secret password = settings.secret("store.postgres.password").orElse(null);
    return PostgresTrackingStore.open(url, user, password, StoreOptions.fromSettings(settings));
  }

  @Override
  public String toString() {
    return "PostgresTrackingStoreFactory";
  }
}
