package io.strandsetl.model.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One row of {@code compliance_audit}, append-only and hash-chained: {@code hash} is the SHA-256 of
 * {@code previousHash} and every field of this entry ({@link #hashOf}), so changing, removing or
 * reordering an entry breaks the chain at that entry.
 *
 * @param sequence 1-based position in the chain, consecutive
 * @param previousHash {@link #GENESIS_HASH} for sequence 1, else the previous entry's hash
 * @param hash lower-case hex SHA-256 (64 characters)
 */
public record AuditEntry(long sequence, AuditEvent event, String previousHash, String hash) {
  /** The previous hash of the first entry: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  public AuditEntry {
    if (sequence < 1) {
      throw Checks.invalid("audit sequence", sequence, "must be >= 1");
    }
    Objects.requireNonNull(event, "event");
    Checks.text(previousHash, "audit previousHash");
    Checks.text(hash, "audit hash");
  }

  /**
   * The next entry of a chain whose last entry has {@code previousHash} at {@code sequence - 1}.
   */
  public static AuditEntry chain(long sequence, AuditEvent event, String previousHash) {
    return new AuditEntry(sequence, event, previousHash, hashOf(sequence, event, previousHash));
  }

  /** True when {@code hash} matches the content of this entry. */
  public boolean isSelfConsistent() {
    return hash.equals(hashOf(sequence, event, previousHash));
  }

  /**
   * SHA-256 over the length-prefixed UTF-8 fields (so that moving text between fields changes the
   * hash): previous hash, sequence, instant (ISO-8601), actor, action, subject, details.
   */
  public static String hashOf(long sequence, AuditEvent event, String previousHash) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash audit entry: SHA-256 missing from the JDK", e);
    }
    for (String field :
        new String[] {
          previousHash,
          Long.toString(sequence),
          event.at().toString(),
          event.actor(),
          event.action(),
          event.subject(),
          event.details()
        }) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
