package io.strandsetl.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.store.NotificationState;
import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.Emails;
import io.strandsetl.notify.SendResult;
import io.strandsetl.notify.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
  private static final List<String> TO = List.of("a@example.com", "b@example.com");

  @TempDir Path dir;
  private final TestClock clock = new TestClock(T0);

  private Outbox open(ScriptedSender sender) {
    return Outbox.open(dir.resolve("outbox.db"), sender, RetryPolicy.DEFAULT, clock);
  }

  @Test
  void sendsAndReportsTimeAndRecipientsForTheRunRecord() {
    ScriptedSender sender = new ScriptedSender();
    try (Outbox outbox = open(sender)) {
      Delivery delivery = outbox.submit(Emails.message("run/1", TO));

      assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(delivery.attempts()).isEqualTo(1);
      assertThat(delivery.sentAt()).isEqualTo(T0);
      assertThat(delivery.recipients()).containsExactlyElementsOf(TO);
      assertThat(delivery.notificationState()).isEqualTo(new NotificationState(true, T0, TO));
      assertThat(sender.received).hasSize(1);
    }
  }

  @Test
  void serverDownLeavesMessagePendingWithAttemptAndBackoff() {
    ScriptedSender sender = new ScriptedSender().thenAlways(ScriptedSender::down);
    try (Outbox outbox = open(sender)) {
      Delivery delivery = outbox.submit(Emails.message("run/1", TO));

      assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(delivery.attempts()).isEqualTo(1);
      assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
      assertThat(delivery.lastError())
          .isEqualTo("Cannot send via SMTP mail:25: Connection refused");
      assertThat(delivery.notificationState()).isEqualTo(NotificationState.NOT_SENT);
    }
  }

  @Test
  void drainRetriesOnlyWhenDueWithDoublingBackoffThenDeliversOnce() {
    ScriptedSender sender =
        new ScriptedSender().then(ScriptedSender::down).then(ScriptedSender::down);
    try (Outbox outbox = open(sender)) {
      EmailMessage message = Emails.message("run/1", TO);
      outbox.submit(message);

      clock.advance(Duration.ofSeconds(29));
      assertThat(outbox.drain()).isEmpty();

      clock.advance(Duration.ofSeconds(1));
      List<Delivery> second = outbox.drain();
      assertThat(second)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(d.attempts()).isEqualTo(2);
                assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(30 + 60));
              });

      clock.advance(Duration.ofSeconds(60));
      List<Delivery> third = outbox.drain();
      assertThat(third)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(d.attempts()).isEqualTo(3);
                assertThat(d.sentAt()).isEqualTo(T0.plusSeconds(90));
              });

      clock.advance(Duration.ofHours(10));
      assertThat(outbox.drain()).isEmpty();
      assertThat(sender.received).hasSize(3).allSatisfy(m -> assertThat(m).isEqualTo(message));
    }
  }

  @Test
  void backoffDoublesFromInitialDelayUpToTheMaximum() {
    RetryPolicy policy =
        new RetryPolicy(20, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5));

    assertThat(List.of(1, 2, 3, 4, 5, 6, 19).stream().map(policy::delayAfter).toList())
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(120),
            Duration.ofSeconds(240),
            Duration.ofSeconds(300),
            Duration.ofSeconds(300),
            Duration.ofSeconds(300));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    ScriptedSender sender = new ScriptedSender().thenAlways(ScriptedSender::down);
    RetryPolicy policy =
        new RetryPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(1));
    try (Outbox outbox = Outbox.open(dir.resolve("o.db"), sender, policy, clock)) {
      outbox.submit(Emails.message("run/1", TO));
      clock.advance(Duration.ofSeconds(10));
      Delivery last = outbox.drain().get(0);

      assertThat(last.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(last.lastError())
          .isEqualTo("gave up after 2 attempts: Cannot send via SMTP mail:25: Connection refused");
      clock.advance(Duration.ofDays(1));
      assertThat(outbox.drain()).isEmpty();
      assertThat(outbox.list(DeliveryStatus.FAILED)).hasSize(1);
    }
  }

  @Test
  void permanentRefusalIsNotRetried() {
    ScriptedSender sender =
        new ScriptedSender()
            .thenAlways(m -> new SendResult.Rejected("550 5.1.1 unknown user", true));
    try (Outbox outbox = open(sender)) {
      Delivery delivery = outbox.submit(Emails.message("run/1", TO));

      assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(delivery.lastError()).isEqualTo("permanent: 550 5.1.1 unknown user");
      clock.advance(Duration.ofDays(1));
      assertThat(outbox.drain()).isEmpty();
      assertThat(sender.received).hasSize(1);
    }
  }

  @Test
  void sameMessageIdIsStoredAndSentOnce() {
    ScriptedSender sender = new ScriptedSender();
    try (Outbox outbox = open(sender)) {
      Delivery first = outbox.submit(Emails.message("run/1", TO));
      clock.advance(Duration.ofMinutes(5));
      Delivery again = outbox.submit(Emails.message("run/1", TO));

      assertThat(again).isEqualTo(first);
      assertThat(sender.received).hasSize(1);
    }
  }

  @Test
  void pendingMessageSurvivesReopenAndIsSentByTheNextProcess() {
    try (Outbox outbox = open(new ScriptedSender().thenAlways(ScriptedSender::down))) {
      outbox.submit(Emails.message("run/1", TO));
    }
    clock.advance(Duration.ofMinutes(1));
    ScriptedSender working = new ScriptedSender();
    try (Outbox outbox = open(working)) {
      assertThat(outbox.list(DeliveryStatus.PENDING)).hasSize(1);

      List<Delivery> drained = outbox.drain();

      assertThat(drained)
          .singleElement()
          .extracting(Delivery::status)
          .isEqualTo(DeliveryStatus.SENT);
      assertThat(drained.get(0).attempts()).isEqualTo(2);
      assertThat(working.received).hasSize(1);
    }
  }

  @Test
  void aSenderExceptionKeepsTheMessageForRetry() {
    ScriptedSender sender =
        new ScriptedSender()
            .then(
                m -> {
                  throw new IllegalStateException("bug in a sender");
                });
    try (Outbox outbox = open(sender)) {
      Delivery delivery = outbox.submit(Emails.message("run/1", TO));

      assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(delivery.lastError()).isEqualTo("IllegalStateException: bug in a sender");
      clock.advance(Duration.ofSeconds(30));
      assertThat(outbox.drain().get(0).status()).isEqualTo(DeliveryStatus.SENT);
    }
  }

  @Test
  void aSecondDrainerDoesNotSendAMessageThatIsBeingSent() {
    Path file = dir.resolve("shared.db");
    ScriptedSender other = new ScriptedSender();
    try (Outbox second = Outbox.open(file, other, RetryPolicy.DEFAULT, clock)) {
      // While the first process is inside send(), the second process drains the same file.
      ScriptedSender first =
          new ScriptedSender()
              .then(
                  m -> {
                    assertThat(second.drain()).isEmpty();
                    return new SendResult.Accepted("250 OK");
                  });
      try (Outbox outbox = Outbox.open(file, first, RetryPolicy.DEFAULT, clock)) {
        assertThat(outbox.submit(Emails.message("run/1", TO)).status())
            .isEqualTo(DeliveryStatus.SENT);
      }
      clock.advance(Duration.ofDays(1));
      assertThat(second.drain()).isEmpty();
      assertThat(first.received).hasSize(1);
      assertThat(other.received).isEmpty();
    }
  }

  /** Stands for the process dying inside send(): nothing after it runs. */
  private static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void crashBetweenSendAndMarkResendsAfterTheLeaseWithTheSameMessageId() {
    Path file = dir.resolve("crash.db");
    ScriptedSender crashing =
        new ScriptedSender()
            .then(
                m -> {
                  throw new Crash();
                });
    EmailMessage message = Emails.message("run/1", TO);
    try (Outbox outbox = Outbox.open(file, crashing, RetryPolicy.DEFAULT, clock)) {
      assertThatThrownBy(() -> outbox.submit(message)).isInstanceOf(Crash.class);
    }
    ScriptedSender next = new ScriptedSender();
    try (Outbox outbox = Outbox.open(file, next, RetryPolicy.DEFAULT, clock)) {
      assertThat(outbox.find(message.messageId()).orElseThrow().status())
          .isEqualTo(DeliveryStatus.SENDING);
      clock.advance(Duration.ofMinutes(4));
      assertThat(outbox.drain()).isEmpty(); // the lease (5 min) still protects the first sender

      clock.advance(Duration.ofMinutes(1));
      List<Delivery> drained = outbox.drain();

      assertThat(drained)
          .singleElement()
          .extracting(Delivery::status)
          .isEqualTo(DeliveryStatus.SENT);
      assertThat(drained.get(0).attempts()).isEqualTo(2);
      assertThat(next.received)
          .singleElement()
          .extracting(EmailMessage::messageId)
          .isEqualTo(message.messageId());
    }
  }

  @Test
  void rejectsInvalidRetryPolicyNamingTheKey() {
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessage("Invalid notify.outbox.max-attempts: '0' (must be >= 1)");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    3, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(1)))
        .hasMessage(
            "Invalid notify.outbox.max-backoff-seconds: '10' (must be >= the initial backoff 60)");
  }

  @Test
  void purgeDeletesOldSentAndFailedButNeverPendingMessages() {
    ScriptedSender sender =
        new ScriptedSender()
            .then(m -> new SendResult.Accepted("ok"))
            .then(m -> new SendResult.Rejected("550 no such user", true))
            .thenAlways(ScriptedSender::down);
    try (Outbox outbox = open(sender)) {
      outbox.submit(Emails.message("sent", TO));
      outbox.submit(Emails.message("failed", TO));
      outbox.submit(Emails.message("pending", TO));
      Instant created = Emails.message("x", TO).createdAt();

      assertThat(outbox.purge(created)).isZero(); // created at the cutoff: kept
      assertThat(outbox.purge(created.plusSeconds(1))).isEqualTo(2);

      assertThat(outbox.list(DeliveryStatus.SENT)).isEmpty();
      assertThat(outbox.list(DeliveryStatus.FAILED)).isEmpty();
      assertThat(outbox.list(DeliveryStatus.PENDING)).hasSize(1);
    }
  }
}
