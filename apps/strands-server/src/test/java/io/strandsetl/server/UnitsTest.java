package io.strandsetl.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.server.api.DashboardFilter;
import io.strandsetl.server.api.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration, filters, tables: the small parts, without a server. */
class UnitsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T23:30:00Z"), ZoneOffset.UTC);

  @Test
  void filterDefaultsToTheThirtyUtcDaysEndingToday() {
    DashboardFilter f = DashboardFilter.parse(Map.of(), CLOCK);
    assertThat(f.to()).isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(f.from()).isEqualTo(LocalDate.parse("2026-10-22"));
    assertThat(f.job()).isNull();
  }

  @Test
  void filterRejectsAReversedRange() {
    assertThatThrownBy(
            () -> DashboardFilter.parse(Map.of("from", "2026-11-10", "to", "2026-11-01"), CLOCK))
        .isInstanceOf(StrandsException.class)
        .hasMessage("Invalid date range: 2026-11-10 to 2026-11-01 (to is before from)");
  }

  @Test
  void anonymousReadIsRefusedWhenBoundBeyondLoopback() {
    assertThatThrownBy(
            () ->
                ServerConfig.from(
                    Settings.of(Map.of("server.host", "0.0.0.0", "server.anonymous-read", "true"))))
        .isInstanceOf(StrandsException.class)
        .hasMessageContaining(
            "Invalid server.anonymous-read: 'true' (anonymous read is allowed only")
        .hasMessageContaining("host is 0.0.0.0");
    assertThat(
            ServerConfig.from(Settings.of(Map.of("server.anonymous-read", "true"))).anonymousRead())
        .isTrue();
  }

  @Test
  void missingTokensAreGeneratedDifferentAndFlagged() {
    ServerConfig c = ServerConfig.from(Settings.of(Map.of("server.viewer-token", "v-token")));
    assertThat(c.viewerTokenGenerated()).isFalse();
    assertThat(c.adminTokenGenerated()).isTrue();
    assertThat(c.tokens().admin().reveal()).hasSize(43).isNotEqualTo("v-token");
    assertThat(c.tokens().toString()).doesNotContain(c.tokens().admin().reveal());
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(8080);
  }

  @Test
  void sameTokenForViewerAndAdminIsRefused() {
    assertThatThrownBy(
            () ->
                ServerConfig.from(
                    Settings.of(
                        Map.of("server.viewer-token", "same", "server.admin-token", "same"))))
        .isInstanceOf(StrandsException.class)
        .hasMessage("Invalid server.admin-token: ****** (must differ from server.viewer-token)");
  }

  @Test
  void tableRefusesRowsOfTheWrongWidth() {
    assertThatThrownBy(
            () -> new Table(List.of(Table.col("a", "A")), List.of(java.util.Arrays.asList(1, 2))))
        .hasMessage("Invalid table row: 2 values for 1 columns");
  }
}
