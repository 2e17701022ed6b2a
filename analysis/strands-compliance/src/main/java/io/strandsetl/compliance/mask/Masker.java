package io.strandsetl.compliance.mask;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masks values with one {@link MaskingMethod}. Serializable (Spark ships it to tasks) and
 * thread-safe; null stays null. The salt is never printed ({@link #toString()}).
 */
public final class Masker implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String REDACTED = "[REDACTED]";

  /**
   * Three-digit ZIP prefixes whose area had 20,000 people or fewer (2000 US Census), which Safe
   * Harbor requires to be replaced by 000 (HHS de-identification guidance, 2012).
   */
  public static final Set<String> RESTRICTED_ZIP3 =
      Set.of(
          "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878",
          "879", "884", "890", "893");

  private static final Pattern ZIP = Pattern.compile("(\\d{3})\\d{2}(?:-\\d{4})?");
  private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})-\\d{2}-\\d{2}(?:[T ].*)?");
  private static final Pattern US_DATE =
      Pattern.compile("\\d{1,2}[/.-]\\d{1,2}[/.-]((?:19|20)\\d{2})");
  private static final Pattern AGE = Pattern.compile("\\d{1,3}");
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final MaskingMethod method;
  private final byte[] salt;

  private Masker(MaskingMethod method, byte[] salt) {
    this.method = Objects.requireNonNull(method, "method");
    this.salt = salt == null ? null : salt.clone();
    if (method.needsSalt() && (this.salt == null || this.salt.length == 0)) {
      throw new IllegalArgumentException("Masking with " + method.id() + " needs a salt");
    }
  }

  /** A masker; {@code salt} is required for hash and tokenise, ignored otherwise. */
  public static Masker of(MaskingMethod method, byte[] salt) {
    return new Masker(method, method.needsSalt() ? salt : null);
  }

  public MaskingMethod method() {
    return method;
  }

  public String apply(String value) {
    if (value == null) {
      return null;
    }
    return switch (method) {
      case HASH -> HexFormat.of().formatHex(hmac(value));
      case TOKENISE -> token(hmac(value));
      case REDACT -> REDACTED;
      case PARTIAL -> partial(value);
      case GENERALISE -> generalise(value);
    };
  }

  private byte[] hmac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot mask: HmacSHA256 missing from the JDK", e);
    }
  }

  /** 16 base-32 characters = 80 bits of the HMAC: collisions need about 2^40 distinct values. */
  private static String token(byte[] mac) {
    StringBuilder b = new StringBuilder("tok_");
    long bits = 0;
    int have = 0;
    int i = 0;
    while (b.length() < 4 + 16) {
      if (have < 5) {
        bits = (bits << 8) | (mac[i++] & 0xff);
        have += 8;
      }
      b.append(BASE32[(int) (bits >>> (have - 5)) & 31]);
      have -= 5;
    }
    return b.toString();
  }

  static String partial(String value) {
    int alnum = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isLetterOrDigit(value.charAt(i))) {
        alnum++;
      }
    }
    // Fewer than 8 characters: keeping 4 would show half of the value, so hide it whole.
    int keepFrom = alnum >= 8 ? alnum - 4 : alnum;
    StringBuilder b = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(seen++ >= keepFrom ? c : '*');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * ZIP (5 or 9 digits) to its first three digits or 000; an age to itself, or 90+ above 89; a date
   * (ISO or m/d/y) to its year; anything else is redacted, so nothing passes unmasked.
   */
  static String generalise(String value) {
    String v = value.strip();
    Matcher m = ZIP.matcher(v);
    if (m.matches()) {
      return RESTRICTED_ZIP3.contains(m.group(1)) ? "000" : m.group(1);
    }
    if (AGE.matcher(v).matches()) {
      return Integer.parseInt(v) > 89 ? "90+" : v;
    }
    m = DATE.matcher(v);
    if (m.matches()) {
      return m.group(1);
    }
    m = US_DATE.matcher(v);
    if (m.matches()) {
      return m.group(1);
    }
    return REDACTED;
  }

  /** Generalisation of an age in years (numeric columns). */
  public static String generaliseAge(long years) {
    return years > 89 ? "90+" : Long.toString(years);
  }

  @Override
  public String toString() {
    return "Masker[" + method.id().toLowerCase(Locale.ROOT) + "]";
  }
}
