package io.strandsetl.model.store;

import java.time.Instant;
import java.util.List;

/**
 * Whether the run's notification went out.
 *
 * @param sentAt when it was sent; null when not sent
 * @param recipients e-mail addresses, in sending order
 */
public record NotificationState(boolean sent, Instant sentAt, List<String> recipients) {
  public static final NotificationState NOT_SENT = new NotificationState(false, null, List.of());

  public NotificationState {
    sentAt = Checks.micros(sentAt);
    recipients = Checks.list(recipients, "notification recipients");
    if (sent != (sentAt != null)) {
      throw Checks.invalid("notification sentAt", sentAt, "set exactly when sent is true");
    }
  }
}
