package io.strandsetl.model.config;

import java.util.Objects;

/** A credential. {@link #toString()} never prints the value; only {@link #reveal()} does. */
public final class Secret {
  private static final java.util.regex.Pattern SECRET_KEY =
      java.util.regex.Pattern.compile(
          "(?i).*(password|passwd|secret|token|credential|access[._-]?key|private[._-]?key"
              + "|master[._-]?key|\\.keys$).*");

  /**
   * True when a configuration key's value may be a credential or key material (passwords, tokens,
   * access and private keys, Parquet encryption's master / column keys): such values are redacted
   * or left out wherever options are written (reports, event-log config, audit trail).
   */
  public static boolean isSecretKey(String key) {
    return key != null && SECRET_KEY.matcher(key).matches();
  }

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The raw value, for handing to a driver or client at the edge. Never log it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "******";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
