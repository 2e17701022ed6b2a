package io.strandsetl.notify;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Turns an {@link EmailMessage} into MIME: {@code multipart/alternative} with text/plain first and
 * text/html second (RFC 2046: the last part is the preferred one, so clients that render HTML show
 * it and others fall back to the text). Every sender uses this, so an SMTP message, an SES raw
 * message and an {@code .eml} file carry the same bytes.
 */
public final class MimeEncoding {
  private MimeEncoding() {}

  /** The message as a Jakarta Mail object bound to {@code session}, keeping our Message-ID. */
  public static MimeMessage toMimeMessage(EmailMessage email, Session session) {
    try {
      MimeMessage mime =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              // Jakarta Mail would invent a new id on every save; ours is stable across retries.
              setHeader("Message-ID", email.messageId());
            }
          };
      mime.setFrom(new InternetAddress(email.from(), true));
      InternetAddress[] to = new InternetAddress[email.to().size()];
      for (int i = 0; i < to.length; i++) {
        to[i] = new InternetAddress(email.to().get(i), true);
      }
      mime.setRecipients(Message.RecipientType.TO, to);
      mime.setSubject(email.subject(), StandardCharsets.UTF_8.name());
      mime.setSentDate(Date.from(email.createdAt()));
      MimeBodyPart text = new MimeBodyPart();
      text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      mime.setContent(alternative);
      mime.setHeader("Auto-Submitted", "auto-generated");
      mime.saveChanges();
      return mime;
    } catch (MessagingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR,
          "Cannot encode e-mail " + email.messageId() + ": " + e.getMessage(),
          e);
    }
  }

  /** The RFC 5322 bytes of the message (what an {@code .eml} file and SES raw content hold). */
  public static byte[] toBytes(EmailMessage email) {
    MimeMessage mime = toMimeMessage(email, Session.getInstance(new Properties()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      mime.writeTo(out);
    } catch (IOException | MessagingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR,
          "Cannot encode e-mail " + email.messageId() + ": " + e.getMessage(),
          e);
    }
    return out.toByteArray();
  }
}
