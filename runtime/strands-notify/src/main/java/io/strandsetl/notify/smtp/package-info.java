/** The {@code smtp} sender: Jakarta Mail (Eclipse Angus) over SMTP with STARTTLS and login. */
package io.strandsetl.notify.smtp;
