package io.strandsetl.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.notify.Notifier;
import io.strandsetl.notify.Runs;
import io.strandsetl.notify.TestClock;
import io.strandsetl.notify.message.RunNotice;
import io.strandsetl.notify.outbox.Delivery;
import io.strandsetl.notify.outbox.DeliveryStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * STARTTLS + AUTH end to end through the {@link Notifier}, against SubEthaSMTP (a real SMTP server
 * in the test JVM; GreenMail 2.1.7 has no STARTTLS) with a self-signed certificate made by {@code
 * keytool} for this test and trusted only through {@code notify.smtp.trust-store}.
 */
class SmtpStartTlsTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final String STORE_PASSWORD = "server-store-pw";
  private static final String TRUST_PASSWORD = "trust-store-pw";

  @TempDir static Path keys;
  @TempDir Path dir;

  private final TestClock clock = new TestClock(T0);
  private final int port = freePort();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private SMTPServer server;

  /** One message as the server saw it: the envelope and how the session was protected. */
  record Received(
      String from, List<String> to, String data, boolean tls, String protocol, Object identity) {}

  @BeforeAll
  static void makeCertificate() throws Exception {
    // A key pair and self-signed certificate for 127.0.0.1 / localhost, then a trust store that
    // holds only that certificate (what an operator would do for an internal relay).
    keytool(
        "-genkeypair",
        "-alias",
        "smtp",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keys.resolve("server.p12").toString(),
        "-storepass",
        STORE_PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "smtp",
        "-keystore",
        keys.resolve("server.p12").toString(),
        "-storepass",
        STORE_PASSWORD,
        "-file",
        keys.resolve("smtp.cer").toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "smtp",
        "-file",
        keys.resolve("smtp.cer").toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        keys.resolve("trust.p12").toString(),
        "-storepass",
        TRUST_PASSWORD);
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool " + args[0] + ": " + output).isZero();
  }

  private static SSLContext serverContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keys.resolve("server.p12"))) {
      store.load(in, STORE_PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, STORE_PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  /** Keeps every message with its envelope and the state of the session that carried it. */
  private final class Recorder implements MessageHandler {
    private final Session session;
    private String from;
    private final List<String> to = new java.util.ArrayList<>();

    Recorder(Session session) {
      this.session = session;
    }

    @Override
    public void from(String address) {
      from = address;
    }

    @Override
    public void recipient(String address) {
      to.add(address);
    }

    @Override
    public String data(InputStream data) throws IOException {
      String text = new String(data.readAllBytes(), StandardCharsets.UTF_8);
      String protocol =
          session.getSocket() instanceof SSLSocket ssl ? ssl.getSession().getProtocol() : "none";
      received.add(
          new Received(
              from,
              List.copyOf(to),
              text,
              session.isTLSStarted(),
              protocol,
              session
                  .getAuthenticationHandler()
                  .map(AuthenticationHandler::getIdentity)
                  .orElse(null)));
      return null; // the default "250 Ok"
    }

    @Override
    public void done() {}
  }

  /** Starts SubEthaSMTP on the loopback: with STARTTLS and AUTH required, or plain. */
  private void startServer(boolean tls) throws Exception {
    SMTPServer.Builder b =
        SMTPServer.port(port)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("localhost")
            .messageHandlerFactory(ctx -> new Recorder((Session) ctx));
    if (tls) {
      b.enableTLS()
          .requireTLS()
          .startTlsSocketFactory(serverContext())
          .authenticationHandlerFactory(
              new EasyAuthenticationHandlerFactory(
                  (user, password, ctx) -> {
                    if (!user.equals("etl-user") || !password.equals("s3cret-pw")) {
                      throw new LoginFailedException();
                    }
                  }))
          .requireAuth();
    }
    server = b.build();
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Settings settings(Map<String, String> extra) {
    Map<String, String> all = new TreeMap<>();
    all.put("notify.type", "smtp");
    all.put("notify.from", "strands@example.com");
    all.put("notify.smtp.host", "127.0.0.1");
    all.put("notify.smtp.port", Integer.toString(port));
    all.put("notify.smtp.starttls", "required");
    all.put("notify.smtp.user", "etl-user");
    all.put("notify.smtp.password", "s3cret-pw");
    all.put("notify.smtp.timeout-ms", "5000");
    all.put("notify.outbox.path", dir.resolve("outbox.db").toString());
    all.putAll(extra);
    return Settings.of(all);
  }

  private Map<String, String> trustStore() {
    return Map.of(
        "notify.smtp.trust-store",
        keys.resolve("trust.p12").toString(),
        "notify.smtp.trust-store-password",
        TRUST_PASSWORD);
  }

  @Test
  void deliversARunMessageOverStartTlsAfterLoggingInToAServerTrustedByTheTrustStore()
      throws Exception {
    startServer(true);
    try (Notifier notifier = Notifier.open(settings(trustStore()), clock)) {
      Delivery delivery =
          notifier.notifyRun(RunNotice.of(Runs.succeeded("orders-daily"))).orElseThrow();

      assertThat(delivery.status()).as(delivery.lastError()).isEqualTo(DeliveryStatus.SENT);
      assertThat(delivery.recipients())
          .containsExactly("data-team@example.com", "owner@example.com");
    }
    assertThat(received)
        .singleElement()
        .satisfies(
            r -> assertThat(r.to()).containsExactly("data-team@example.com", "owner@example.com"));
    for (Received r : received) {
      assertThat(r.tls()).as("STARTTLS done before the message").isTrue();
      assertThat(r.protocol()).startsWith("TLSv1.");
      assertThat(r.identity()).isEqualTo("etl-user");
      assertThat(r.from()).isEqualTo("strands@example.com");
      assertThat(r.data()).contains("Subject: [Strands ETL] Job orders-daily - SUCCEEDED");
    }
  }

  @Test
  void withoutTheTrustStoreTheSelfSignedCertificateIsRefusedAndTheMessageWaits() throws Exception {
    startServer(true);
    try (Notifier notifier = Notifier.open(settings(Map.of()), clock)) {
      Delivery delivery =
          notifier.notifyRun(RunNotice.of(Runs.succeeded("orders-daily"))).orElseThrow();

      assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(delivery.lastError())
          .startsWith("Cannot send via SMTP 127.0.0.1:" + port + ": ")
          .containsIgnoringCase("certif")
          .doesNotContain("\n");
      assertThat(notifier.outbox().list(DeliveryStatus.PENDING)).hasSize(1);
    }
    assertThat(received).isEmpty();
  }

  @Test
  void requiredStartTlsToAServerThatDoesNotOfferItGivesOneLineAndKeepsTheMessage()
      throws Exception {
    startServer(false);
    try (Notifier notifier = Notifier.open(settings(trustStore()), clock)) {
      Delivery delivery =
          notifier.notifyRun(RunNotice.of(Runs.succeeded("orders-daily"))).orElseThrow();

      assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(delivery.lastError())
          .isEqualTo(
              "Cannot send via SMTP 127.0.0.1:"
                  + port
                  + ": STARTTLS is required but host does not support STARTTLS");
      assertThat(notifier.outbox().list(DeliveryStatus.PENDING))
          .singleElement()
          .satisfies(d -> assertThat(d.messageId()).isEqualTo(delivery.messageId()));
    }
    assertThat(received).isEmpty();
  }

  @Test
  void aTrustStoreThatCannotBeReadIsAConfigurationErrorNamingTheKey() throws Exception {
    Map<String, String> wrongPassword = new TreeMap<>(trustStore());
    wrongPassword.put("notify.smtp.trust-store-password", "not-it");
    assertThatThrownBy(() -> Notifier.open(settings(wrongPassword), clock).close())
        .isInstanceOf(StrandsException.class)
        .hasMessageStartingWith(
            "Invalid notify.smtp.trust-store: '"
                + keys.resolve("trust.p12")
                + "' (cannot load it: ")
        .hasMessageNotContaining("not-it");
    Map<String, String> missing = Map.of("notify.smtp.trust-store", "/nonexistent/trust.p12");
    assertThatThrownBy(() -> Notifier.open(settings(missing), clock).close())
        .hasMessage("Invalid notify.smtp.trust-store: '/nonexistent/trust.p12' (no such file)");
  }
}
