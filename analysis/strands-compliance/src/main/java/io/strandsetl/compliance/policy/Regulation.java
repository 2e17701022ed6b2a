package io.strandsetl.compliance.policy;

import java.util.Locale;

/** Regulations whose checks a pipeline asks for. */
public enum Regulation {
  GDPR,
  HIPAA;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
