package io.strandsetl.model.store;

/**
 * What the store remembers about its audit chain apart from the entries, so that removing the
 * newest or the oldest entries is detected: the last entry ever appended, and the last entry that
 * retention purged.
 *
 * @param lastSequence sequence of the last entry appended; 0 before the first
 * @param lastHash its hash; {@link AuditEntry#GENESIS_HASH} before the first
 * @param purgedThrough the highest sequence that retention deleted; 0 when nothing was purged
 * @param purgedHash the hash of entry {@code purgedThrough} (the anchor of the first kept entry);
 *     {@link AuditEntry#GENESIS_HASH} when nothing was purged
 */
public record AuditHead(long lastSequence, String lastHash, long purgedThrough, String purgedHash) {
  public static final AuditHead EMPTY =
      new AuditHead(0, AuditEntry.GENESIS_HASH, 0, AuditEntry.GENESIS_HASH);

  public AuditHead {
    Checks.nonNegative(lastSequence, "audit head lastSequence");
    Checks.text(lastHash, "audit head lastHash");
    Checks.nonNegative(purgedThrough, "audit head purgedThrough");
    Checks.text(purgedHash, "audit head purgedHash");
    if (purgedThrough > lastSequence) {
      throw Checks.invalid(
          "audit head purgedThrough", purgedThrough, "after lastSequence " + lastSequence);
    }
  }

  /** The head after appending {@code entry}. */
  public AuditHead append(AuditEntry entry) {
    return new AuditHead(entry.sequence(), entry.hash(), purgedThrough, purgedHash);
  }

  /** The head after retention deleted every entry up to and including {@code lastPurged}. */
  public AuditHead purgedThrough(AuditEntry lastPurged) {
    return new AuditHead(lastSequence, lastHash, lastPurged.sequence(), lastPurged.hash());
  }
}
