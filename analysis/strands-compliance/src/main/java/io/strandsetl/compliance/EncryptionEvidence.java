package io.strandsetl.compliance;

import java.util.Objects;

/**
 * What reading an output's files showed about encryption at rest (not what was declared).
 *
 * @param method how it was inspected, e.g. {@code parquet-footer}; {@code none} when the format
 *     cannot tell (CSV, JSON: file-system or object-store encryption is invisible to a reader)
 * @param files data files inspected
 * @param encryptedFooter files ending with {@code PARE} (Parquet modular encryption, encrypted
 *     footer)
 * @param plaintextFooter files ending with {@code PAR1} whose footer carries {@code
 *     encryption_algorithm} (Parquet modular encryption, plaintext footer: columns encrypted)
 */
public record EncryptionEvidence(
    String method, int files, int encryptedFooter, int plaintextFooter) {
  public EncryptionEvidence {
    Objects.requireNonNull(method, "method");
    if (files < 0
        || encryptedFooter < 0
        || plaintextFooter < 0
        || encryptedFooter + plaintextFooter > files) {
      throw new IllegalArgumentException(
          "Invalid encryption evidence: "
              + files
              + " files, "
              + encryptedFooter
              + " + "
              + plaintextFooter
              + " encrypted");
    }
  }

  /** Nothing could be inspected. */
  public static EncryptionEvidence notInspected() {
    return new EncryptionEvidence("none", 0, 0, 0);
  }

  public boolean inspected() {
    return !method.equals("none") && files > 0;
  }

  public int encryptedFiles() {
    return encryptedFooter + plaintextFooter;
  }

  /**
   * True when every inspected file is encrypted; false when one is not; null when not inspected.
   */
  public Boolean encrypted() {
    return inspected() ? encryptedFiles() == files : null;
  }

  /** One line, e.g. {@code parquet-footer: 2/2 files encrypted (2 encrypted footer)}. */
  public String line() {
    if (!inspected()) {
      return "not inspectable";
    }
    return method
        + ": "
        + encryptedFiles()
        + "/"
        + files
        + " files encrypted"
        + (encryptedFiles() == 0
            ? ""
            : " ("
                + encryptedFooter
                + " encrypted footer, "
                + plaintextFooter
                + " plaintext footer)");
  }
}
