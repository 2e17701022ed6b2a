package io.strandsetl.notify.file;

import io.strandsetl.model.config.Settings;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.EmailSenderFactory;
import java.nio.file.Path;

/**
 * {@code notify.type=file} (the default): {@code .eml} files in {@code notify.dir}, or in the run
 * directory, or in {@code ~/.strands/mail}.
 */
public final class FileEmailSenderFactory implements EmailSenderFactory {
  @Override
  public String name() {
    return "file";
  }

  @Override
  public String description() {
    return ".eml files in notify.dir or the run directory (the default; nothing is sent)";
  }

  @Override
  public java.util.Set<String> keys() {
    return java.util.Set.of("notify.dir");
  }

  @Override
  public EmailSender create(Settings settings) {
    Path dir = settings.string("notify.dir").map(Path::of).orElse(null);
    Path fallback = Path.of(System.getProperty("user.home"), ".strands", "mail");
    return new FileEmailSender(dir, fallback);
  }
}
