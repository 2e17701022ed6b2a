package io.strandsetl.notify.smtp;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.MimeEncoding;
import io.strandsetl.notify.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends over SMTP with Jakarta Mail (Eclipse Angus): STARTTLS as configured, optional login. This
 * is also how Amazon SES is used over SMTP: host {@code email-smtp.<region>.amazonaws.com}, port
 * 587, STARTTLS required, the SES SMTP user name and password.
 *
 * <p>One connection per message: a run sends one or two messages, so pooling would buy nothing and
 * a dead connection could not linger. A refusal with a 5xx code is permanent; anything else (no
 * route, timeout, 4xx, failed login) is retried by the outbox.
 */
public final class SmtpEmailSender implements EmailSender {
  private final SmtpSettings settings;
  private final Session session;

  public SmtpEmailSender(SmtpSettings settings) {
    this.settings = settings;
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", settings.host());
    props.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    props.setProperty("mail.smtp.auth", Boolean.toString(settings.user() != null));
    // With implicit TLS the connection is encrypted from the start: STARTTLS does not apply.
    props.setProperty(
        "mail.smtp.starttls.enable",
        Boolean.toString(!settings.ssl() && settings.startTls() != StartTls.OFF));
    props.setProperty(
        "mail.smtp.starttls.required",
        Boolean.toString(!settings.ssl() && settings.startTls() == StartTls.REQUIRED));
    props.setProperty("mail.smtp.ssl.enable", Boolean.toString(settings.ssl()));
    if (settings.trustStore() != null) {
      // Used for STARTTLS as for implicit TLS: only the trust store's certificates are trusted.
      props.put("mail.smtp.ssl.socketFactory", socketFactory(settings));
      props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    } else if (settings.sslTrust().isEmpty()) {
      props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    } else {
      // Explicitly trusted hosts (self-signed certificates): their certificate names are not
      // checked either, as the operator vouched for the host, not for a name in a certificate.
      props.setProperty("mail.smtp.ssl.trust", String.join(" ", settings.sslTrust()));
      props.setProperty("mail.smtp.ssl.checkserveridentity", "false");
    }
    String timeout = Integer.toString(settings.timeoutMs());
    props.setProperty("mail.smtp.connectiontimeout", timeout);
    props.setProperty("mail.smtp.timeout", timeout);
    props.setProperty("mail.smtp.writetimeout", timeout);
    this.session = Session.getInstance(props);
  }

  /** A TLS socket factory trusting exactly the certificates of the configured trust store. */
  static SSLSocketFactory socketFactory(SmtpSettings settings) {
    Path path = settings.trustStore();
    char[] password =
        settings.trustStorePassword() == null
            ? null
            : settings.trustStorePassword().reveal().toCharArray();
    try (InputStream in = Files.newInputStream(path)) {
      // The JDK's PKCS12 key store also reads JKS files (keystore.type.compat).
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.smtp.trust-store: '"
              + path
              + "' (cannot load it: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "; wrong notify.smtp.trust-store-password?)");
    }
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public SendResult send(EmailMessage message) {
    MimeMessage mime = MimeEncoding.toMimeMessage(message, session);
    try (Transport transport = session.getTransport("smtp")) {
      if (settings.user() != null) {
        transport.connect(
            settings.host(), settings.port(), settings.user(), settings.password().reveal());
      } else {
        transport.connect();
      }
      transport.sendMessage(mime, mime.getAllRecipients());
      String response =
          transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse().strip() : "";
      return new SendResult.Accepted(response);
    } catch (MessagingException e) {
      return new SendResult.Rejected(
          "Cannot send via SMTP " + settings.host() + ":" + settings.port() + ": " + describe(e),
          permanent(e));
    }
  }

  /** A refusal with a 5xx reply code, anywhere in the chain, will not change on retry. */
  static boolean permanent(Throwable error) {
    for (Throwable t = error; t != null; t = next(t)) {
      int code = -1;
      if (t instanceof SMTPSendFailedException failed) {
        code = failed.getReturnCode();
      } else if (t instanceof SMTPAddressFailedException failed) {
        code = failed.getReturnCode();
      }
      if (code >= 500 && code < 600) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String describe(Throwable error) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = error; t != null && out.length() < 400; t = next(t)) {
      if (!out.isEmpty()) {
        out.append("; ");
      }
      String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      out.append(msg.replaceAll("\\s+", " ").strip());
    }
    return out.toString();
  }
}
