package io.strandsetl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.RetentionPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreOptionsTest {
  @Test
  void readsEveryRetentionKeyInDaysAndDefaultsTheRest() {
    StoreOptions options =
        StoreOptions.fromSettings(
            Settings.of(
                Map.of(
                    "store.retention.executions-days", "30",
                    "store.retention.invocations-days", "7",
                    "store.retention.trends-days", "730",
                    "store.retention.audit-days", "3650",
                    "store.retention.auto-purge", "false")));

    assertThat(options.retention())
        .isEqualTo(
            new RetentionPolicy(
                Duration.ofDays(30),
                Duration.ofDays(7),
                Duration.ofDays(730),
                RetentionPolicy.DEFAULT.qualityHistory(),
                Duration.ofDays(3650)));
    assertThat(options.autoPurge()).isFalse();
    assertThat(StoreOptions.fromSettings(Settings.empty()).autoPurge()).isTrue();
    assertThat(StoreOptions.fromSettings(Settings.empty()).retention())
        .isEqualTo(RetentionPolicy.DEFAULT);
  }

  @Test
  void refusesAnAuditRetentionUnderSevenYearsNamingTheKey() {
    assertThatThrownBy(
            () ->
                StoreOptions.fromSettings(Settings.of(Map.of("store.retention.audit-days", "365"))))
        .isInstanceOf(StrandsException.class)
        .hasMessage(
            "Invalid store.retention.audit-days: 365 (the audit trail is kept at least 7 years:"
                + " 2557 days)");
    assertThatThrownBy(
            () ->
                StoreOptions.fromSettings(Settings.of(Map.of("store.retention.quality-days", "0"))))
        .hasMessage("Invalid store.retention.quality-days: 0 (must be at least 1 day)");
  }
}
