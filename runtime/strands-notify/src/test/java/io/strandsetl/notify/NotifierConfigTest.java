package io.strandsetl.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierConfigTest {
  @Test
  void unknownSenderTypeNamesTheKnownOnes() {
    assertThatThrownBy(() -> EmailSenderFactory.named("smpt", getClass().getClassLoader()))
        .isInstanceOfSatisfying(
            StrandsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PLUGIN))
        .hasMessage("Invalid notify.type: 'smpt' (known: [file, ses, smtp])");
  }

  @Test
  void defaultsAreFileSenderAndTenAttemptsFrom30Seconds() {
    NotifySettings defaults = NotifySettings.from(Settings.empty());

    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.type()).isEqualTo("file");
    assertThat(defaults.from()).isEqualTo("strands-etl@localhost");
    assertThat(defaults.to()).isEmpty();
    assertThat(defaults.dashboardUrl()).isNull();
    assertThat(defaults.outboxPath().toString()).endsWith(".strands/notify-outbox.db");
    assertThat(defaults.retry().maxAttempts()).isEqualTo(10);
    assertThat(defaults.retry().initialDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.retry().maxDelay()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void invalidAddressesNameTheKey() {
    assertThatThrownBy(() -> NotifySettings.from(Settings.of(Map.of("notify.from", "etl"))))
        .hasMessage("Invalid notify.from: 'etl' (expected an address such as etl@example.com)");
    assertThatThrownBy(
            () -> NotifySettings.from(Settings.of(Map.of("notify.to", "a@example.com, bob"))))
        .hasMessage(
            "Invalid notify.to: 'bob' (expected comma-separated addresses such as"
                + " a@example.com,b@example.com)");
  }

  @Test
  void messageIdIsStablePerKeyAndInTheSendersDomain() {
    String id = EmailMessage.idFor("run/exec-1", "etl@data.example.com");

    assertThat(id).isEqualTo(EmailMessage.idFor("run/exec-1", "etl@data.example.com"));
    assertThat(id).isNotEqualTo(EmailMessage.idFor("run/exec-2", "etl@data.example.com"));
    assertThat(id).matches("<strands\\.[0-9a-f]{32}@data\\.example\\.com>");
  }

  @Test
  void subjectCannotCarryHeaderInjection() {
    EmailMessage message =
        new EmailMessage(
            EmailMessage.idFor("k", "a@example.com"),
            "a@example.com",
            java.util.List.of("b@example.com"),
            "Job x\r\nBcc: victim@example.com",
            "",
            "",
            java.time.Instant.EPOCH,
            null);

    assertThat(message.subject()).isEqualTo("Job x Bcc: victim@example.com");
  }

  @TempDir java.nio.file.Path dir;

  @Test
  void unknownNotifyKeysAreReportedAllAtOnceButOtherSendersKeysAreKnown() {
    Settings typo =
        Settings.of(
            Map.of(
                "notify.outbox.path", dir.resolve("o.db").toString(),
                "notify.smtp.hots", "mail",
                "notify.fromm", "a@example.com"));

    assertThatThrownBy(() -> Notifier.open(typo, java.time.Clock.systemUTC()))
        .hasMessage(
            "Invalid settings: unknown keys [notify.fromm, notify.smtp.hots] (see"
                + " docs/configuration.md)");

    Settings smtpKeysWithFileType =
        Settings.of(
            Map.of(
                "notify.outbox.path", dir.resolve("o.db").toString(),
                "notify.smtp.host", "mail",
                "notify.ses.region", "eu-west-1"));
    try (Notifier notifier = Notifier.open(smtpKeysWithFileType, java.time.Clock.systemUTC())) {
      assertThat(notifier.outbox().file()).isEqualTo(dir.resolve("o.db"));
      assertThat(smtpKeysWithFileType.unknownKeys("notify.")).isEmpty();
    }
  }
}
