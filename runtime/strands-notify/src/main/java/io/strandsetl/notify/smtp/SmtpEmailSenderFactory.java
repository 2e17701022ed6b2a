package io.strandsetl.notify.smtp;

import io.strandsetl.model.config.Settings;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.EmailSenderFactory;

/** {@code notify.type=smtp}: an SMTP server (also Amazon SES's SMTP endpoint). */
public final class SmtpEmailSenderFactory implements EmailSenderFactory {
  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public String description() {
    return "an SMTP server (notify.smtp.*), STARTTLS and login; also Amazon SES over SMTP";
  }

  @Override
  public java.util.Set<String> keys() {
    return java.util.Set.of(
        "notify.smtp.host",
        "notify.smtp.port",
        "notify.smtp.starttls",
        "notify.smtp.user",
        "notify.smtp.password",
        "notify.smtp.timeout-ms",
        "notify.smtp.ssl",
        "notify.smtp.ssl-trust",
        "notify.smtp.trust-store",
        "notify.smtp.trust-store-password");
  }

  @Override
  public EmailSender create(Settings settings) {
    return new SmtpEmailSender(SmtpSettings.from(settings));
  }
}
