package io.strandsetl.compliance.classify;

import java.util.Locale;

/**
 * Data classification labels, least to most sensitive. The JSON / policy name is the lower-case
 * constant name.
 */
public enum Sensitivity {
  /** May be published: no personal data. */
  PUBLIC,
  /** Business data without direct identifiers, or quasi-identifiers only (ZIP code, age). */
  INTERNAL,
  /** Personal data that identifies or contacts a person: names, e-mail, phone, address, birth. */
  CONFIDENTIAL,
  /**
   * Identifiers whose disclosure enables fraud or identity theft: SSN, national ids, payment cards,
   * bank accounts.
   */
  RESTRICTED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Sensitivity max(Sensitivity a, Sensitivity b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
