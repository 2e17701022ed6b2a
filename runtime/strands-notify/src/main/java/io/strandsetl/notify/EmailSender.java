package io.strandsetl.notify;

/**
 * Hands a message to a mail service. Implementations: {@code smtp}, {@code ses}, {@code file};
 * created by an {@link EmailSenderFactory}.
 *
 * <p>Contract: {@link #send} returns {@link SendResult.Accepted} only once the service took
 * responsibility for the message; a server that cannot be reached is a {@link SendResult.Rejected}
 * that is not permanent. It throws only for programming errors. Senders never print credentials.
 */
public interface EmailSender extends AutoCloseable {
  /** The sender type, e.g. {@code smtp}. */
  String name();

  SendResult send(EmailMessage message);

  /** Releases connections or clients; the default holds nothing. */
  @Override
  default void close() {}
}
