package io.strandsetl.compliance.mask;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.Arrays;
import java.util.Locale;

/** How a column is masked; the policy name is {@link #id()}. */
public enum MaskingMethod {
  /** HMAC-SHA256 of the value keyed with the salt, 64 lower-case hex characters: joinable. */
  HASH("hash"),
  /** {@code tok_} + 16 base-32 characters from the HMAC: deterministic, short, joinable. */
  TOKENISE("tokenise"),
  /** The value is replaced by {@code [REDACTED]}. */
  REDACT("redact"),
  /** Every letter and digit but the last four is replaced by {@code *}; separators stay. */
  PARTIAL("partial"),
  /**
   * HIPAA Safe Harbor generalisation: ZIP codes to their first 3 digits ({@code 000} for the 17
   * sparsely populated prefixes), ages over 89 to {@code 90+}, dates to their year.
   */
  GENERALISE("generalise");

  private final String id;

  MaskingMethod(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** True when the method needs the secret salt ({@code compliance.salt}). */
  public boolean needsSalt() {
    return this == HASH || this == TOKENISE;
  }

  /** The method named {@code name} (also accepts tokenize / generalize spellings). */
  public static MaskingMethod parse(String key, String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace("ize", "ise");
    for (MaskingMethod m : values()) {
      if (m.id.equals(n)) {
        return m;
      }
    }
    throw new StrandsException(
        ErrorCode.INVALID_PIPELINE,
        "Invalid "
            + key
            + ": '"
            + name
            + "' (known: "
            + String.join(", ", Arrays.stream(values()).map(MaskingMethod::id).toList())
            + ")");
  }
}
