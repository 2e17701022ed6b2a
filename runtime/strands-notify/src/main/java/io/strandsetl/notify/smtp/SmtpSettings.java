package io.strandsetl.notify.smtp;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code notify.smtp.*} keys.
 *
 * @param host server name, e.g. {@code email-smtp.eu-west-1.amazonaws.com}
 * @param port TCP port; 587 (submission with STARTTLS) by default
 * @param startTls STARTTLS mode
 * @param user login; null for a server without authentication
 * @param password login password; null without authentication. Printed as {@code ******}
 * @param timeoutMs connect, read and write timeout each, milliseconds
 * @param ssl implicit TLS from the first byte (SMTPS, usually port 465); STARTTLS does not apply
 * @param sslTrust hosts whose certificate is accepted without validation and without host-name
 *     check (self-signed test or internal relays only); empty: every certificate is validated
 * @param trustStore a trust store file (PKCS12 or JKS) whose certificates are the only ones trusted
 *     for STARTTLS and implicit TLS, instead of the JDK's; the host name is still checked against
 *     the certificate. Null: the JDK's trusted authorities
 * @param trustStorePassword the trust store's password (integrity check); null when it has none
 */
public record SmtpSettings(
    String host,
    int port,
    StartTls startTls,
    String user,
    Secret password,
    int timeoutMs,
    boolean ssl,
    List<String> sslTrust,
    Path trustStore,
    Secret trustStorePassword) {
  public static final int DEFAULT_PORT = 587;
  public static final int DEFAULT_SSL_PORT = 465;
  public static final int DEFAULT_TIMEOUT_MS = 30_000;

  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.smtp.host: '' (required when notify.type=smtp, e.g. smtp.example.com)");
    }
    if (port < 1 || port > 65535) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG, "Invalid notify.smtp.port: '" + port + "' (1 to 65535)");
    }
    Objects.requireNonNull(startTls, "startTls");
    if ((user == null) != (password == null)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.smtp.user: '"
              + (user == null ? "" : user)
              + "' (notify.smtp.user and notify.smtp.password go together)");
    }
    sslTrust = List.copyOf(sslTrust);
    if (trustStore != null && !sslTrust.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.smtp.trust-store: '"
              + trustStore
              + "' (set either notify.smtp.trust-store or notify.smtp.ssl-trust, not both)");
    }
    if (trustStore != null && !Files.isRegularFile(trustStore)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.smtp.trust-store: '" + trustStore + "' (no such file)");
    }
    if (timeoutMs <= 0) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.smtp.timeout-ms: '" + timeoutMs + "' (must be > 0)");
    }
  }

  /** Without implicit TLS and without trusted hosts. */
  public SmtpSettings(
      String host, int port, StartTls startTls, String user, Secret password, int timeoutMs) {
    this(host, port, startTls, user, password, timeoutMs, false, List.of(), null, null);
  }

  /** Without a trust store of its own. */
  public SmtpSettings(
      String host,
      int port,
      StartTls startTls,
      String user,
      Secret password,
      int timeoutMs,
      boolean ssl,
      List<String> sslTrust) {
    this(host, port, startTls, user, password, timeoutMs, ssl, sslTrust, null, null);
  }

  public static SmtpSettings from(Settings settings) {
    String mode = settings.string("notify.smtp.starttls").orElse("required").strip();
    StartTls startTls;
    try {
      startTls = StartTls.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.smtp.starttls: '" + mode + "' (expected required, optional or off)");
    }
    boolean ssl = settings.getBoolean("notify.smtp.ssl", false);
    List<String> trust =
        Arrays.stream(settings.string("notify.smtp.ssl-trust").orElse("").split("[\\s,]+"))
            .filter(h -> !h.isBlank())
            .toList();
    return new SmtpSettings(
        settings.string("notify.smtp.host").orElse(null),
        settings.getInt("notify.smtp.port", ssl ? DEFAULT_SSL_PORT : DEFAULT_PORT),
        startTls,
        settings.string("notify.smtp.user").filter(u -> !u.isBlank()).orElse(null),
        settings.secret("notify.smtp.password").orElse(null),
        settings.getInt("notify.smtp.timeout-ms", DEFAULT_TIMEOUT_MS),
        ssl,
        trust,
        settings
            .string("notify.smtp.trust-store")
            .filter(t -> !t.isBlank())
            .map(Path::of)
            .orElse(null),
        settings.secret("notify.smtp.trust-store-password").filter(p -> !p.isEmpty()).orElse(null));
  }

  /** Without the password value, so that logging these settings is safe. */
  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", startTls="
        + startTls
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : password)
        + ", timeoutMs="
        + timeoutMs
        + ", ssl="
        + ssl
        + ", sslTrust="
        + sslTrust
        + ", trustStore="
        + trustStore
        + ", trustStorePassword="
        + (trustStorePassword == null ? "none" : trustStorePassword)
        + "]";
  }
}
