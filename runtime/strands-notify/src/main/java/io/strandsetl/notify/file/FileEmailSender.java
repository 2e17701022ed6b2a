package io.strandsetl.notify.file;

import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.MimeEncoding;
import io.strandsetl.notify.SendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each message as an RFC 5322 {@code .eml} file (open it in any mail client) instead of
 * sending it: the default when no mail service is configured, so a demo shows its messages.
 *
 * <p>Where: {@code notify.dir} when set, else the message's run directory, else {@code
 * ~/.strands/mail}. The file is named after the Message-ID and written to a temporary name, then
 * renamed, so a reader never sees half a message and writing the same message twice leaves one
 * file.
 */
public final class FileEmailSender implements EmailSender {
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
    String id = message.messageId().substring(1, message.messageId().indexOf('@'));
    return dir.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml");
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
