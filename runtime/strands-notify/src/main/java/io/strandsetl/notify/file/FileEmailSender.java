package io.strandsetl.notify.file;

import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.MimeEncoding;
import io.strandsetl.notify.SendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes each message as an RFC 5322 {@code .eml} file (open it in any mail client) instead of
 * sending it: the default when no mail service is configured, so a demo shows its messages.
 *
 * <p>Where: {@code notify.dir} when set, else the message's run directory, else {@code
 * ~/.strands/mail}. The file is named by {@link #fileName} and written to a temporary name, then
 * renamed, so a reader never sees half a message and writing the same message twice leaves one
 * file.
 */
public final class FileEmailSender implements EmailSender {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path directory;
  private final Path fallback;

  /**
   * @param directory where every file goes; null to use each message's run directory
   * @param fallback where files go when neither is known
   */
  public FileEmailSender(Path directory, Path fallback) {
    this.directory = directory;
    this.fallback = fallback;
  }

  @Override
  public String name() {
    return "file";
  }

  /** The file a message is written to. */
  public Path fileFor(EmailMessage message) {
    Path dir =
        directory != null
            ? directory
            : message.runDirectory() != null ? message.runDirectory() : fallback;
    return dir.resolve(fileName(message));
  }

  /**
   * {@code <UTC yyyyMMdd-HHmmss>-<subject as a slug>-<8 hex of the Message-ID>.eml}: sorted by time
   * in a listing, readable in a demo, and the same for the same message (its creation time is
   * stored with it), so a resend overwrites instead of adding a copy.
   */
  static String fileName(EmailMessage message) {
    String subject = message.subject().replaceFirst("^\\[Strands ETL\\]\\s*", "");
    String slug =
        subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-+$", "");
    }
    String id = message.messageId().substring(1, message.messageId().indexOf('@'));
    String hash = id.replaceAll("[^A-Za-z0-9]", "");
    hash = hash.substring(Math.max(0, hash.length() - 8));
    return STAMP.format(message.createdAt())
        + (slug.isEmpty() ? "" : "-" + slug)
        + "-"
        + hash
        + ".eml";
  }

  @Override
  public SendResult send(EmailMessage message) {
    Path target = fileFor(message);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".writing-", ".eml");
      try {
        Files.write(temporary, MimeEncoding.toBytes(message));
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return new SendResult.Accepted(target.toString());
    } catch (IOException e) {
      return new SendResult.Rejected("Cannot write " + target + ": " + e.getMessage(), false);
    }
  }
}
