package io.strandsetl.engine.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackingStoresTest {
  @Test
  void opensTheBackendNamedByStoreType() {
    try (var store = TrackingStores.open(Settings.of(Map.of("store.type", "memory")))) {
      assertThat(store).isInstanceOf(InMemoryTrackingStore.class);
    }
  }

  @Test
  void unknownTypeIsOneLineNamingTheKnownTypes() {
    assertThatThrownBy(() -> TrackingStores.open(Settings.of(Map.of("store.type", "mongo"))))
        .isInstanceOf(StrandsException.class)
        .hasMessageStartingWith("Invalid store type: 'mongo' (known: [")
        .hasMessageContaining("memory")
        .hasMessageNotContaining("\n");
  }

  @Test
  void defaultTypeIsSqliteInTheHomeDirectory() {
    assertThat(TrackingStores.type(Settings.empty())).isEqualTo("sqlite");
    assertThat(TrackingStores.location(Settings.empty()))
        .isEqualTo(
            "sqlite: " + Path.of(System.getProperty("user.home"), ".strands", "tracking.db"));
    assertThat(TrackingStores.sqlitePath(Settings.of(Map.of("store.sqlite.path", "~/t.db"))))
        .isEqualTo(Path.of(System.getProperty("user.home"), "t.db"));
  }

  @Test
  void locationNeverShowsAPassword() {
    Settings s =
        Settings.of(
            Map.of(
                "store.type", "postgres",
                "store.postgres.jdbc-url", "jdbc:postgresql://db:5432/strands?password=hunter2",
                "store.postgres.user", "etl",
                "store.postgres.password", "hunter2"));

    assertThat(TrackingStores.location(s))
        .isEqualTo("postgres: jdbc:postgresql://db:5432/strands?password=*** as etl");
  }

  @Test
  void demoStoreIsUsedOnlyWhenNoStoreIsConfigured() {
    Path demo = Path.of("/tmp/demo/tracking.db");
    assertThat(TrackingStores.withDefaultSqlitePath(Settings.empty(), demo).asMap())
        .containsEntry("store.sqlite.path", demo.toString());
    Settings configured = Settings.of(Map.of("store.sqlite.path", "/data/t.db"));
    assertThat(TrackingStores.withDefaultSqlitePath(configured, demo)).isSameAs(configured);
  }

  @Test
  void sinceTakesAgesDatesAndInstants() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    assertThat(Since.parse("7d", clock)).isEqualTo(Instant.parse("2026-11-18T12:00:00Z"));
    assertThat(Since.parse("2h", clock)).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(Since.parse("2026-11-01", clock)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(Since.parse("2026-11-01T08:00:00Z", clock))
        .isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    assertThatThrownBy(() -> Since.parse("last week", clock))
        .hasMessageStartingWith("Invalid --since: 'last week' (expected an age such as 7d");
  }
}
