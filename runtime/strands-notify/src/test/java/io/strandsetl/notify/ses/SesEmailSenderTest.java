package io.strandsetl.notify.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.Emails;
import io.strandsetl.notify.Notifier;
import io.strandsetl.notify.Runs;
import io.strandsetl.notify.SendResult;
import io.strandsetl.notify.TestClock;
import io.strandsetl.notify.message.RunNotice;
import io.strandsetl.notify.outbox.Delivery;
import io.strandsetl.notify.outbox.DeliveryStatus;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SES v2 sender against {@link FakeSesServer}, a local FAKE endpoint (AWS is not reachable
 * here): what is verified is the request the real AWS SDK builds and how answers are classified.
 */
class SesEmailSenderTest {
  @TempDir Path dir;

  private static SesSettings settings(FakeSesServer fake) {
    return new SesSettings(
        "eu-west-1", fake.endpoint(), "AKIDEXAMPLE", Secret.of("fake-secret-key"), 5000);
  }

  private static String rawMime(String json) {
    Matcher m =
        Pattern.compile("\"Raw\"\\s*:\\s*\\{\\s*\"Data\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as("raw content in %s", json).isTrue();
    return new String(
        Base64.getDecoder().decode(m.group(1)), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void sendsRawMimeWithSendEmailSignedForTheRegion() throws Exception {
    try (FakeSesServer fake = new FakeSesServer();
        SesEmailSender sender = new SesEmailSender(settings(fake))) {
      EmailMessage message = Emails.message("run/1", List.of("a@example.com", "b@example.com"));

      SendResult result = sender.send(message);

      assertThat(result).isEqualTo(new SendResult.Accepted("fake-ses-0001"));
      assertThat(fake.requests).hasSize(1);
      FakeSesServer.Request request = fake.requests.get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
      String authorization = request.headers().get("Authorization").get(0);
      assertThat(authorization)
          .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
          .contains("/eu-west-1/ses/aws4_request")
          .doesNotContain("fake-secret-key");
      assertThat(request.body())
          .contains("\"FromEmailAddress\":\"strands@example.com\"")
          .contains("\"ToAddresses\":[\"a@example.com\",\"b@example.com\"]");
      MimeMessage mime =
          new MimeMessage(
              Session.getInstance(new Properties()),
              new ByteArrayInputStream(
                  rawMime(request.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(mime.getSubject()).isEqualTo(message.subject());
      assertThat(mime.getMessageID()).isEqualTo(message.messageId());
      MimeMultipart parts = (MimeMultipart) mime.getContent();
      assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
      assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    }
  }

  @Test
  void messageRejectedIsPermanent() throws Exception {
    try (FakeSesServer fake = new FakeSesServer();
        SesEmailSender sender = new SesEmailSender(settings(fake))) {
      fake.answer(400, "MessageRejected", "{\"message\":\"Email address is not verified.\"}");

      SendResult result = sender.send(Emails.message("run/1", List.of("a@example.com")));

      assertThat(result).isInstanceOf(SendResult.Rejected.class);
      SendResult.Rejected rejected = (SendResult.Rejected) result;
      assertThat(rejected.permanent()).isTrue();
      assertThat(rejected.reason())
          .startsWith("Cannot send via SES (HTTP 400): Email address is not verified.");
    }
  }

  @Test
  void throttlingAndServerErrorsAreRetried() throws Exception {
    try (FakeSesServer fake = new FakeSesServer();
        SesEmailSender sender = new SesEmailSender(settings(fake))) {
      fake.answer(429, "TooManyRequestsException", "{\"message\":\"Too many requests\"}");
      SendResult throttled = sender.send(Emails.message("run/1", List.of("a@example.com")));
      fake.answer(503, "ServiceUnavailable", "{\"message\":\"try later\"}");
      SendResult unavailable = sender.send(Emails.message("run/1", List.of("a@example.com")));

      assertThat(throttled)
          .isEqualTo(new SendResult.Rejected(((SendResult.Rejected) throttled).reason(), false));
      assertThat(((SendResult.Rejected) unavailable).permanent()).isFalse();
      assertThat(((SendResult.Rejected) unavailable).reason()).contains("HTTP 503");
      // One HTTP request per send: the SDK's own retries are off, the outbox retries.
      assertThat(fake.requests).hasSize(2);
    }
  }

  @Test
  void unreachableEndpointIsRetried() throws Exception {
    java.net.URI closed;
    try (FakeSesServer fake = new FakeSesServer()) {
      closed = fake.endpoint();
    }
    SesSettings settings =
        new SesSettings("eu-west-1", closed, "AKIDEXAMPLE", Secret.of("fake-secret-key"), 2000);
    try (SesEmailSender sender = new SesEmailSender(settings)) {
      SendResult result = sender.send(Emails.message("run/1", List.of("a@example.com")));

      assertThat(result).isInstanceOf(SendResult.Rejected.class);
      assertThat(((SendResult.Rejected) result).permanent()).isFalse();
      assertThat(((SendResult.Rejected) result).reason()).startsWith("Cannot reach SES:");
    }
  }

  @Test
  void notifierWithSesTypeRecordsTheDelivery() throws Exception {
    try (FakeSesServer fake = new FakeSesServer()) {
      Settings settings =
          Settings.of(
              Map.of(
                  "notify.type", "ses",
                  "notify.from", "etl@example.com",
                  "notify.ses.region", "eu-west-1",
                  "notify.ses.endpoint", fake.endpoint().toString(),
                  "notify.ses.access-key-id", "AKIDEXAMPLE",
                  "notify.ses.secret-access-key", "fake-secret-key",
                  "notify.outbox.path", dir.resolve("o.db").toString()));
      TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
      try (Notifier notifier = Notifier.open(settings, clock)) {
        Delivery delivery =
            notifier.notifyRun(RunNotice.of(Runs.succeeded("orders"))).orElseThrow();

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.sentAt()).isEqualTo(clock.instant());
      }
      assertThat(settings.unknownKeys("notify.")).isEmpty();
      assertThat(rawMime(fake.requests.get(0).body()))
          .contains("Subject: [Strands ETL] Job orders - SUCCEEDED");
    }
  }

  @Test
  void invalidSesSettingsNameTheKey() {
    assertThatThrownBy(() -> SesSettings.from(Settings.empty()))
        .hasMessage(
            "Invalid notify.ses.region: 'null' (required when notify.type=ses, e.g. eu-west-1)");
    assertThatThrownBy(
            () ->
                SesSettings.from(
                    Settings.of(
                        Map.of(
                            "notify.ses.region", "eu-west-1", "notify.ses.endpoint", "ftp://x"))))
        .hasMessage("Invalid notify.ses.endpoint: 'ftp://x' (expected an http or https URL)");
  }
}
