package io.strandsetl.model.store;

import java.util.List;

/**
 * The result of walking the audit hash chain.
 *
 * @param entriesChecked entries read
 * @param firstBadSequence sequence number of the first entry that was changed, removed (the entry
 *     after the gap) or reordered; null when the chain is intact
 * @param problem one line, what is wrong; empty when intact
 */
public record AuditVerification(long entriesChecked, Long firstBadSequence, String problem) {
  public AuditVerification {
    Checks.nonNegative(entriesChecked, "entriesChecked");
    problem = problem == null ? "" : problem;
    if ((firstBadSequence == null) != problem.isEmpty()) {
      throw Checks.invalid("audit problem", problem, "set exactly when an entry is bad");
    }
  }

  public boolean intact() {
    return firstBadSequence == null;
  }

  /**
   * Walks entries in stored order. The first entry must chain to {@link AuditEntry#GENESIS_HASH}
   * when its sequence is 1; when older entries were purged by retention, the first kept entry's
   * previous hash is trusted as the anchor.
   */
  public static AuditVerification of(List<AuditEntry> entriesInStoredOrder) {
    AuditEntry previous = null;
    long checked = 0;
    for (AuditEntry entry : entriesInStoredOrder) {
      checked++;
      if (!entry.isSelfConsistent()) {
        return bad(checked, entry, "content does not match its hash (changed)");
      }
      if (previous == null) {
        if (entry.sequence() == 1 && !entry.previousHash().equals(AuditEntry.GENESIS_HASH)) {
          return bad(checked, entry, "first entry does not start from the genesis hash");
        }
      } else {
        if (entry.sequence() != previous.sequence() + 1) {
          return bad(
              checked,
              entry,
              "follows entry " + previous.sequence() + " (an entry was removed or reordered)");
        }
        if (!entry.previousHash().equals(previous.hash())) {
          return bad(checked, entry, "previous hash does not match entry " + previous.sequence());
        }
      }
      previous = entry;
    }
    return new AuditVerification(checked, null, "");
  }

  private static AuditVerification bad(long checked, AuditEntry entry, String why) {
    return new AuditVerification(
        checked, entry.sequence(), "Audit entry " + entry.sequence() + " " + why);
  }
}
