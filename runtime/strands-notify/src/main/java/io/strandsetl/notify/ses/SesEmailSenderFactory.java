package io.strandsetl.notify.ses;

import io.strandsetl.model.config.Settings;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.EmailSenderFactory;

/** {@code notify.type=ses}: the Amazon SES v2 API ({@code notify.ses.*}). */
public final class SesEmailSenderFactory implements EmailSenderFactory {
  @Override
  public String name() {
    return "ses";
  }

  @Override
  public String description() {
    return "the Amazon SES v2 API, SendEmail with raw MIME (notify.ses.*)";
  }

  @Override
  public java.util.Set<String> keys() {
    return java.util.Set.of(
        "notify.ses.region",
        "notify.ses.endpoint",
        "notify.ses.access-key-id",
        "notify.ses.secret-access-key",
        "notify.ses.timeout-ms");
  }

  @Override
  public EmailSender create(Settings settings) {
    return new SesEmailSender(SesSettings.from(settings));
  }
}
