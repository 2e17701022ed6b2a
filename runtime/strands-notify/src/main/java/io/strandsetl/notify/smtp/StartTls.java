package io.strandsetl.notify.smtp;

/** Whether the SMTP connection is upgraded to TLS with STARTTLS ({@code notify.smtp.starttls}). */
public enum StartTls {
  /**
   * Refuse to send when the server does not offer STARTTLS (the default: no credentials or mail in
   * clear).
   */
  REQUIRED,
  /** Upgrade when the server offers it, else send in clear (local relays). */
  OPTIONAL,
  /** Never upgrade (test servers on the loopback interface). */
  OFF
}
