package io.strandsetl.notify;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One addressed e-mail, ready for a sender: plain text and HTML alternatives of the same content.
 *
 * @param messageId the RFC 5322 Message-ID, {@code <local@domain>}; the same notification always
 *     gets the same id, so a resend after a crash can be recognised as a duplicate by receivers
 * @param from sender address
 * @param to recipients, in sending order, without duplicates
 * @param subject one line (line breaks are replaced by spaces)
 * @param text the text/plain part
 * @param html the text/html part
 * @param createdAt the Date header, UTC, truncated to whole seconds (what the header can carry)
 * @param runDirectory where the {@code file} sender writes its {@code .eml} when no {@code
 *     notify.dir} is set; null when the message belongs to no run directory. Other senders ignore
 *     it
 */
public record EmailMessage(
    String messageId,
    String from,
    List<String> to,
    String subject,
    String text,
    String html,
    Instant createdAt,
    Path runDirectory) {
  public EmailMessage {
    if (messageId == null || !messageId.matches("<[^<>@\\s]+@[^<>@\\s]+>")) {
      throw invalid("messageId", messageId, "expected <local@domain>");
    }
    from = address(from, "from");
    Objects.requireNonNull(to, "to");
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String recipient : to) {
      unique.add(address(recipient, "recipient"));
    }
    if (unique.isEmpty()) {
      throw invalid("to", to, "at least one recipient is needed");
    }
    to = List.copyOf(new ArrayList<>(unique));
    Objects.requireNonNull(subject, "subject");
    subject = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
  }

  /** A plain {@code local@domain} address with no display name, spaces or line breaks. */
  static String address(String value, String field) {
    if (value == null || !value.strip().matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+")) {
      throw invalid(field, value, "expected an e-mail address such as data-team@example.com");
    }
    return value.strip();
  }

  /**
   * The Message-ID for a notification identified by {@code key} (e.g. {@code run/<executionId>}):
   * the same key always gives the same id, in the sender's domain, so sending twice is visible.
   */
  public static String idFor(String key, String from) {
    Objects.requireNonNull(key, "key");
    String domain = address(from, "from").substring(from.strip().indexOf('@') + 1);
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "<strands." + java.util.HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** True when {@code value} is a plain e-mail address (stakeholders may also be team names). */
  public static boolean isAddress(String value) {
    return value != null && value.strip().matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+");
  }

  private static StrandsException invalid(String field, Object value, String why) {
    return new StrandsException(
        ErrorCode.INVALID_ARGUMENT, "Invalid e-mail " + field + ": '" + value + "' (" + why + ")");
  }
}
