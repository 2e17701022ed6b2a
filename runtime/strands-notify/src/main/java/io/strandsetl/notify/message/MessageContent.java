package io.strandsetl.notify.message;

import java.util.Objects;

/**
 * A rendered message before it is addressed: one subject, a text/plain and a text/html body.
 *
 * @param key identifies the notification (e.g. {@code run/<executionId>}, {@code
 *     budget/<scope>/<period>/100}); the same key gives the same Message-ID, so the outbox sends it
 *     once
 */
public record MessageContent(String key, String subject, String text, String html) {
  public MessageContent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
  }
}
