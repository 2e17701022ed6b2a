package io.strandsetl.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.Emails;
import io.strandsetl.notify.Notifier;
import io.strandsetl.notify.NotifySettings;
import io.strandsetl.notify.Runs;
import io.strandsetl.notify.SendResult;
import io.strandsetl.notify.TestClock;
import io.strandsetl.notify.message.RunNotice;
import io.strandsetl.notify.outbox.Delivery;
import io.strandsetl.notify.outbox.DeliveryStatus;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against GreenMail: a real SMTP server inside the test JVM, on the loopback interface. */
class SmtpEmailSenderTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dir;
  private final TestClock clock = new TestClock(T0);
  private final int port = freePort();
  private final GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));

  @AfterEach
  void stop() {
    server.stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Settings settings(Map<String, String> extra) {
    java.util.Map<String, String> all = new java.util.TreeMap<>(extra);
    all.put("notify.type", "smtp");
    all.put("notify.from", "strands@example.com");
    all.put("notify.smtp.host", "127.0.0.1");
    all.put("notify.smtp.port", Integer.toString(port));
    all.put("notify.smtp.starttls", "off");
    all.put("notify.smtp.timeout-ms", "5000");
    all.put("notify.dashboard-url", "http://localhost:8080");
    all.put("notify.outbox.path", dir.resolve("outbox.db").toString());
    return Settings.of(all);
  }

  @Test
  void deliversRunMessageAsMultipartAlternativeTextFirstThenHtml() throws Exception {
    server.start();
    ExecutionRecord run = Runs.succeeded("orders-daily");
    try (Notifier notifier = Notifier.open(settings(Map.of()), clock)) {
      Delivery delivery = notifier.notifyRun(RunNotice.of(run)).orElseThrow();

      assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(delivery.sentAt()).isEqualTo(T0);
      assertThat(delivery.recipients())
          .containsExactly("data-team@example.com", "owner@example.com");
    }
    assertThat(server.waitForIncomingEmail(5_000, 2)).isTrue();
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per recipient mailbox
    MimeMessage message = received[0];

    assertThat(message.getSubject()).isEqualTo("[Strands ETL] Job orders-daily - SUCCEEDED");
    assertThat(
            Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .map(a -> ((InternetAddress) a).getAddress()))
        .containsExactly("data-team@example.com", "owner@example.com");
    assertThat(((InternetAddress) message.getFrom()[0]).getAddress())
        .isEqualTo("strands@example.com");
    assertThat(message.getMessageID())
        .isEqualTo(EmailMessage.idFor("run/exec-0001", "strands@example.com"));
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(text).contains("Duration:").contains("2m 05s").contains("HIGH data-skew");
    assertThat(html)
        .contains("<table")
        .contains("href=\"http://localhost:8080/runs/exec-0001\"")
        .contains("91.8 %");
    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
    assertThat(message.getSize()).isLessThan(100 * 1024);
  }

  @Test
  void hostileJobNameArrivesAsEscapedTextInTheHtmlPart() throws Exception {
    server.start();
    try (Notifier notifier = Notifier.open(settings(Map.of()), clock)) {
      notifier.notifyRun(RunNotice.of(Runs.succeeded("<script>alert(1)</script>")));
    }
    assertThat(server.waitForIncomingEmail(5_000, 2)).isTrue();
    MimeMessage message = server.getReceivedMessages()[0];
    String html = (String) ((MimeMultipart) message.getContent()).getBodyPart(1).getContent();

    assertThat(message.getSubject())
        .isEqualTo("[Strands ETL] Job <script>alert(1)</script> - SUCCEEDED");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
  }

  @Test
  void serverDownThenUpDeliversExactlyOnceAfterDrain() throws Exception {
    ExecutionRecord run = Runs.succeeded("orders-daily");
    try (Notifier notifier =
        Notifier.open(settings(Map.of("notify.to", "oncall@example.com")), clock)) {
      // The server is not started: the connection is refused.
      Delivery down = notifier.notifyRun(RunNotice.of(run)).orElseThrow();

      assertThat(down.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(down.attempts()).isEqualTo(1);
      assertThat(down.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
      assertThat(down.lastError())
          .startsWith("Cannot send via SMTP 127.0.0.1:" + port + ": Couldn't connect to host");
      assertThat(notifier.outbox().list(DeliveryStatus.PENDING)).hasSize(1);

      server.start();
      assertThat(notifier.drain()).isEmpty(); // not due yet: backoff is 30 s

      clock.advance(Duration.ofSeconds(30));
      List<Delivery> drained = notifier.drain();

      assertThat(drained)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(d.attempts()).isEqualTo(2);
                assertThat(d.sentAt()).isEqualTo(T0.plusSeconds(30));
              });
      assertThat(server.waitForIncomingEmail(5_000, 3)).isTrue();

      // Later drains and notifying the same run again send nothing more.
      clock.advance(Duration.ofHours(2));
      assertThat(notifier.drain()).isEmpty();
      assertThat(notifier.notifyRun(RunNotice.of(run)).orElseThrow().attempts()).isEqualTo(2);
    }
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(3); // three recipients, one message
    assertThat(
            Arrays.stream(received)
                .map(
                    m -> {
                      try {
                        return m.getMessageID();
                      } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                      }
                    })
                .distinct())
        .hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO)).hasSize(3);
  }

  @Test
  void logsInWithUserAndPassword() throws Exception {
    server.withConfiguration(
        GreenMailConfiguration.aConfig().withUser("etl@example.com", "etl-user", "s3cret-pw"));
    server.start();
    SmtpEmailSender sender =
        new SmtpEmailSender(
            new SmtpSettings(
                "127.0.0.1", port, StartTls.OFF, "etl-user", Secret.of("s3cret-pw"), 5000));

    SendResult result = sender.send(Emails.message("run/1", List.of("etl@example.com")));

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    assertThat(((SendResult.Accepted) result).providerId()).startsWith("250");
    assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
  }

  @Test
  void wrongPasswordIsRetryableAndNeverPrinted() {
    server.withConfiguration(
        GreenMailConfiguration.aConfig().withUser("etl@example.com", "etl-user", "s3cret-pw"));
    server.start();
    SmtpSettings settings =
        new SmtpSettings("127.0.0.1", port, StartTls.OFF, "etl-user", Secret.of("wrong-pw"), 5000);

    SendResult result =
        new SmtpEmailSender(settings).send(Emails.message("run/1", List.of("etl@example.com")));

    assertThat(result).isInstanceOf(SendResult.Rejected.class);
    SendResult.Rejected rejected = (SendResult.Rejected) result;
    assertThat(rejected.permanent()).isFalse();
    assertThat(rejected.reason()).contains("535").doesNotContain("wrong-pw");
    assertThat(settings.toString()).contains("password=******").doesNotContain("wrong-pw");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void implicitTlsWithLoginDeliversToATrustedSelfSignedServer() throws Exception {
    int tlsPort = freePort();
    GreenMail smtps = new GreenMail(new ServerSetup(tlsPort, "127.0.0.1", "smtps"));
    smtps.withConfiguration(
        GreenMailConfiguration.aConfig().withUser("etl@example.com", "etl-user", "s3cret-pw"));
    smtps.start();
    try {
      SmtpSettings trusted =
          SmtpSettings.from(
              Settings.of(
                  Map.of(
                      "notify.smtp.host", "127.0.0.1",
                      "notify.smtp.port", Integer.toString(tlsPort),
                      "notify.smtp.ssl", "true",
                      "notify.smtp.ssl-trust", "127.0.0.1",
                      "notify.smtp.user", "etl-user",
                      "notify.smtp.password", "s3cret-pw",
                      "notify.smtp.timeout-ms", "5000")));
      SmtpSettings validating =
          new SmtpSettings(
              "127.0.0.1",
              tlsPort,
              StartTls.REQUIRED,
              "etl-user",
              Secret.of("s3cret-pw"),
              5000,
              true,
              List.of());

      SendResult ok =
          new SmtpEmailSender(trusted).send(Emails.message("run/1", List.of("etl@example.com")));
      SendResult untrusted =
          new SmtpEmailSender(validating).send(Emails.message("run/2", List.of("etl@example.com")));

      assertThat(ok).isInstanceOf(SendResult.Accepted.class);
      assertThat(smtps.waitForIncomingEmail(5_000, 1)).isTrue();
      assertThat(smtps.getReceivedMessages()[0].getSubject())
          .isEqualTo("[Strands ETL] Job run/1 - SUCCEEDED");
      // Without ssl-trust the self-signed certificate is refused: certificates are validated.
      assertThat(untrusted).isInstanceOf(SendResult.Rejected.class);
      assertThat(((SendResult.Rejected) untrusted).reason()).containsIgnoringCase("certif");
      assertThat(smtps.getReceivedMessages()).hasSize(1);
    } finally {
      smtps.stop();
    }
  }

  @Test
  void sslDefaultsToPort465() {
    SmtpSettings settings =
        SmtpSettings.from(Settings.of(Map.of("notify.smtp.host", "m", "notify.smtp.ssl", "true")));

    assertThat(settings.port()).isEqualTo(465);
    assertThat(settings.ssl()).isTrue();
    assertThat(settings.sslTrust()).isEmpty();
  }

  @Test
  void requiredStartTlsRefusesToSendToAServerWithoutIt() {
    // GreenMail's SMTP does not offer STARTTLS: with "required" nothing may go out in clear.
    server.start();
    SmtpEmailSender sender =
        new SmtpEmailSender(
            new SmtpSettings("127.0.0.1", port, StartTls.REQUIRED, null, null, 5000));

    SendResult result = sender.send(Emails.message("run/1", List.of("a@example.com")));

    assertThat(result).isInstanceOf(SendResult.Rejected.class);
    assertThat(((SendResult.Rejected) result).reason()).contains("STARTTLS");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void optionalStartTlsSendsInClearWhenTheServerDoesNotOfferIt() {
    server.start();
    SmtpEmailSender sender =
        new SmtpEmailSender(
            new SmtpSettings("127.0.0.1", port, StartTls.OPTIONAL, null, null, 5000));

    assertThat(sender.send(Emails.message("run/1", List.of("a@example.com"))))
        .isInstanceOf(SendResult.Accepted.class);
    assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
  }

  @Test
  void defaultsAreStartTlsRequiredOnPort587AndHostIsRequired() {
    SmtpSettings defaults = SmtpSettings.from(Settings.of(Map.of("notify.smtp.host", "mail")));

    assertThat(defaults.port()).isEqualTo(587);
    assertThat(defaults.startTls()).isEqualTo(StartTls.REQUIRED);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SmtpSettings.from(Settings.empty()))
        .hasMessage(
            "Invalid notify.smtp.host: '' (required when notify.type=smtp, e.g. smtp.example.com)");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SmtpSettings.from(
                    Settings.of(Map.of("notify.smtp.host", "m", "notify.smtp.starttls", "maybe"))))
        .hasMessage("Invalid notify.smtp.starttls: 'maybe' (expected required, optional or off)");
  }

  @Test
  void notifySettingsAreAllReadSoNoneIsReportedUnknown() {
    Settings settings = settings(Map.of("notify.smtp.user", "u", "notify.smtp.password", "p"));
    try (Notifier notifier = Notifier.open(settings, clock)) {
      assertThat(notifier.outbox().file()).isEqualTo(dir.resolve("outbox.db"));
      assertThat(settings.unknownKeys("notify.")).isEmpty();
      assertThat(NotifySettings.from(settings).outboxPath()).isEqualTo(dir.resolve("outbox.db"));
    }
  }
}
