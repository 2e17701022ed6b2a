package io.strandsetl.notify.outbox;

/** Where a message is in the outbox. */
public enum DeliveryStatus {
  /** Stored, waiting for its next attempt. */
  PENDING,
  /** Claimed by a sender right now (or by one that crashed: retried after the lease ends). */
  SENDING,
  /** Accepted by the mail service; never sent again. */
  SENT,
  /** Given up: refused permanently or out of attempts. Kept for inspection. */
  FAILED
}
