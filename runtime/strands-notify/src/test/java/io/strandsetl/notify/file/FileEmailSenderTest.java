package io.strandsetl.notify.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.config.Settings;
import io.strandsetl.notify.Notifier;
import io.strandsetl.notify.Runs;
import io.strandsetl.notify.TestClock;
import io.strandsetl.notify.message.RunNotice;
import io.strandsetl.notify.outbox.Delivery;
import io.strandsetl.notify.outbox.DeliveryStatus;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEmailSenderTest {
  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));

  private static List<Path> emlFiles(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
  }

  @Test
  void withNothingConfiguredWritesAnEmlFileIntoTheRunDirectory() throws Exception {
    Path runDir = dir.resolve("runs/r1");
    Settings settings = Settings.of(Map.of("notify.outbox.path", dir.resolve("o.db").toString()));
    try (Notifier notifier = Notifier.open(settings, clock)) {
      Delivery delivery =
          notifier
              .notifyRun(RunNotice.of(Runs.succeeded("orders")).withRunDirectory(runDir))
              .orElseThrow();

      assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
    }
    List<Path> files = emlFiles(runDir);
    assertThat(files).hasSize(1);
    try (InputStream in = Files.newInputStream(files.get(0))) {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(message.getSubject()).isEqualTo("[Strands ETL] Job orders - SUCCEEDED");
      MimeMultipart parts = (MimeMultipart) message.getContent();
      assertThat(parts.getContentType()).startsWith("multipart/alternative");
      assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
      assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
      assertThat((String) parts.getBodyPart(0).getContent()).contains("Run directory:");
    }
    // No temporary file is left behind.
    try (Stream<Path> all = Files.list(runDir)) {
      assertThat(all).hasSize(1);
    }
  }

  @Test
  void notifyDirOverridesTheRunDirectoryAndTheSameRunWritesOneFile() throws Exception {
    Path mailDir = dir.resolve("mail");
    Path runDir = dir.resolve("run");
    Settings settings =
        Settings.of(
            Map.of(
                "notify.type", "file",
                "notify.dir", mailDir.toString(),
                "notify.outbox.path", dir.resolve("o.db").toString()));
    try (Notifier notifier = Notifier.open(settings, clock)) {
      notifier.notifyRun(RunNotice.of(Runs.succeeded("orders")).withRunDirectory(runDir));
      notifier.notifyRun(RunNotice.of(Runs.succeeded("orders")).withRunDirectory(runDir));
      notifier.notifyRun(RunNotice.of(Runs.failed("orders")).withRunDirectory(runDir));
    }
    assertThat(emlFiles(mailDir)).hasSize(2);
    assertThat(Files.exists(runDir)).isFalse();
  }

  @Test
  void nobodyToTellSendsNothing() {
    Settings settings = Settings.of(Map.of("notify.outbox.path", dir.resolve("o.db").toString()));
    var run = Runs.succeeded("orders");
    var teamOnly =
        new io.strandsetl.model.store.ExecutionRecord(
            run.executionId(),
            run.jobName(),
            run.jobType(),
            run.platform(),
            run.status(),
            run.startedAt(),
            run.endedAt(),
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of("Finance team"),
            Map.of(),
            null);
    try (Notifier notifier = Notifier.open(settings, clock)) {
      assertThat(notifier.notifyRun(RunNotice.of(teamOnly).withRunDirectory(dir))).isEmpty();
    }
  }

  @Test
  void disabledNotificationsSendNothing() throws Exception {
    Settings settings =
        Settings.of(
            Map.of(
                "notify.enabled", "false", "notify.outbox.path", dir.resolve("o.db").toString()));
    try (Notifier notifier = Notifier.open(settings, clock)) {
      assertThat(notifier.notifyRun(RunNotice.of(Runs.succeeded("x")).withRunDirectory(dir)))
          .isEmpty();
    }
    assertThat(emlFiles(dir)).isEmpty();
  }

  @Test
  void fileNameSaysWhenAndWhatSortsByTimeAndIsStable() {
    io.strandsetl.notify.EmailMessage message =
        io.strandsetl.notify.Emails.message("orders-daily", List.of("a@example.com"));

    String name = FileEmailSender.fileName(message);

    assertThat(name).matches("20261125-100000-job-orders-daily-succeeded-[0-9a-f]{8}\\.eml");
    assertThat(FileEmailSender.fileName(message)).isEqualTo(name);
    assertThat(
            FileEmailSender.fileName(
                io.strandsetl.notify.Emails.message("other", List.of("a@example.com"))))
        .isNotEqualTo(name);
  }
}
