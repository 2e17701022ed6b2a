package io.strandsetl.notify.outbox;

import io.strandsetl.model.store.NotificationState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The state of one message in the outbox, as the caller sees it after a send or a drain.
 *
 * @param messageId the Message-ID
 * @param subject the subject, for listings
 * @param status where it is
 * @param recipients addresses, in sending order
 * @param attempts attempts made so far
 * @param sentAt when the service accepted it, UTC; null unless SENT
 * @param nextAttemptAt when it is tried again, UTC; null unless PENDING
 * @param lastError one line from the last failed attempt; empty when none
 */
public record Delivery(
    String messageId,
    String subject,
    DeliveryStatus status,
    List<String> recipients,
    int attempts,
    Instant sentAt,
    Instant nextAttemptAt,
    String lastError) {
  public Delivery {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(status, "status");
    recipients = List.copyOf(recipients);
    lastError = lastError == null ? "" : lastError;
  }

  public boolean sent() {
    return status == DeliveryStatus.SENT;
  }

  /** What the run record keeps ({@code ExecutionRecord.notification}): sent, when, to whom. */
  public NotificationState notificationState() {
    return sent() ? new NotificationState(true, sentAt, recipients) : NotificationState.NOT_SENT;
  }
}
