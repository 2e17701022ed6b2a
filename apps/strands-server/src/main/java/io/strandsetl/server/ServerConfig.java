package io.strandsetl.server;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import io.strandsetl.server.security.AccessTokens;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Typed {@code server.*} settings.
 *
 * @param host address to bind; {@code 127.0.0.1} unless configured
 * @param port TCP port; 0 picks a free one
 * @param tokens viewer and admin tokens
 * @param viewerTokenGenerated true when the viewer token was not configured and was generated now
 * @param adminTokenGenerated true when the admin token was not configured and was generated now
 * @param anonymousRead let requests without a token read (never write); loopback hosts only
 * @param monthlyBudgetUsd monthly budget shown against actual spend, USD; 0 = none
 * @param qualityAlertBelow overall quality (fraction 0–1) under which a run is listed as an alert
 */
public record ServerConfig(
    String host,
    int port,
    AccessTokens tokens,
    boolean viewerTokenGenerated,
    boolean adminTokenGenerated,
    boolean anonymousRead,
    double monthlyBudgetUsd,
    double qualityAlertBelow) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final double DEFAULT_QUALITY_ALERT_BELOW = 0.8;

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tokens, "tokens");
    if (port < 0 || port > 65_535) {
      throw invalid("server.port", port, "expected 0-65535; 0 picks a free port");
    }
    if (anonymousRead && !isLoopback(host)) {
      throw invalid(
          "server.anonymous-read",
          true,
          "anonymous read is allowed only when bound to a loopback address; host is " + host);
    }
    if (monthlyBudgetUsd < 0) {
      throw invalid("server.monthly-budget-usd", monthlyBudgetUsd, "must be >= 0");
    }
    if (qualityAlertBelow < 0 || qualityAlertBelow > 1) {
      throw invalid("server.quality-alert-below", qualityAlertBelow, "a fraction in [0, 1]");
    }
  }

  /** Reads {@code server.*}; missing tokens are generated (and flagged as generated). */
  public static ServerConfig from(Settings settings) {
    Secret viewer = settings.secret("server.viewer-token").filter(s -> !s.isEmpty()).orElse(null);
    Secret admin = settings.secret("server.admin-token").filter(s -> !s.isEmpty()).orElse(null);
    boolean viewerGenerated = viewer == null;
    boolean adminGenerated = admin == null;
    if (viewer != null && admin != null && viewer.equals(admin)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid server.admin-token: ****** (must differ from server.viewer-token)");
    }
    return new ServerConfig(
        settings.string("server.host").orElse(DEFAULT_HOST),
        settings.getInt("server.port", DEFAULT_PORT),
        new AccessTokens(
            viewerGenerated ? AccessTokens.generate() : viewer,
            adminGenerated ? AccessTokens.generate() : admin),
        viewerGenerated,
        adminGenerated,
        settings.getBoolean("server.anonymous-read", false),
        settings.getDouble("server.monthly-budget-usd", 0),
        settings.getDouble("server.quality-alert-below", DEFAULT_QUALITY_ALERT_BELOW));
  }

  public ServerConfig withHostAndPort(String newHost, int newPort) {
    return new ServerConfig(
        newHost,
        newPort,
        tokens,
        viewerTokenGenerated,
        adminTokenGenerated,
        anonymousRead,
        monthlyBudgetUsd,
        qualityAlertBelow);
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static StrandsException invalid(String key, Object value, String why) {
    return new StrandsException(
        ErrorCode.INVALID_CONFIG, "Invalid " + key + ": '" + value + "' (" + why + ")");
  }
}
