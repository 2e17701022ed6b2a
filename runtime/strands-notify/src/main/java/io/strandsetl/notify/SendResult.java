package io.strandsetl.notify;

import java.util.Objects;

/**
 * What a sender reports for one message. Expected delivery failures are values, not exceptions, so
 * the outbox can decide between retrying and giving up.
 */
public sealed interface SendResult {
  /**
   * The server took responsibility for the message.
   *
   * @param providerId the id the service gave it (SES message id, the file written); may be empty
   */
  record Accepted(String providerId) implements SendResult {
    public Accepted {
      providerId = providerId == null ? "" : providerId;
    }
  }

  /**
   * The message was not accepted.
   *
   * @param reason one line, no credentials
   * @param permanent true when a retry cannot help (e.g. every recipient refused with a 5xx code)
   */
  record Rejected(String reason, boolean permanent) implements SendResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
