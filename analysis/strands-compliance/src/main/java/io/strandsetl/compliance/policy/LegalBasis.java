package io.strandsetl.compliance.policy;

import java.util.Locale;

/** The six lawful bases of GDPR Art. 6(1). */
public enum LegalBasis {
  CONSENT,
  CONTRACT,
  LEGAL_OBLIGATION,
  VITAL_INTERESTS,
  PUBLIC_TASK,
  LEGITIMATE_INTERESTS;

  /** Policy spelling: kebab-case ({@code legitimate-interests}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
