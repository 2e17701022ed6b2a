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

  /**
   * Walks entries in stored order and compares both ends with the store's {@link AuditHead}: the
   * first kept entry must be the one after the last purged ({@code purgedThrough + 1}) and chain to
   * its hash; the last entry must be the head's. So removing the newest entries, the oldest entries
   * beyond retention, or every entry, is reported like a change in the middle.
   */
  public static AuditVerification of(List<AuditEntry> entriesInStoredOrder, AuditHead head) {
    if (entriesInStoredOrder.isEmpty()) {
      if (head.lastSequence() > head.purgedThrough()) {
        long missing = head.purgedThrough() + 1;
        return new AuditVerification(
            0,
            missing,
            "Audit entry "
                + missing
                + " is missing (entries "
                + missing
                + ".."
                + head.lastSequence()
                + " were removed)");
      }
      return new AuditVerification(0, null, "");
    }
    AuditEntry first = entriesInStoredOrder.get(0);
    if (first.sequence() != head.purgedThrough() + 1) {
      long expected = head.purgedThrough() + 1;
      return new AuditVerification(
          1,
          first.sequence() > expected ? expected : first.sequence(),
          first.sequence() > expected
              ? "Audit entry " + expected + " is missing (the oldest kept entries were removed)"
              : "Audit entry " + first.sequence() + " was purged yet is still present");
    }
    if (first.isSelfConsistent() && !first.previousHash().equals(head.purgedHash())) {
      return bad(
          1,
          first,
          head.purgedThrough() == 0
              ? "first entry does not start from the genesis hash"
              : "previous hash does not match the last purged entry " + head.purgedThrough());
    }
    AuditVerification walk = of(entriesInStoredOrder);
    if (!walk.intact()) {
      return walk;
    }
    AuditEntry last = entriesInStoredOrder.get(entriesInStoredOrder.size() - 1);
    long checked = walk.entriesChecked();
    if (last.sequence() < head.lastSequence()) {
      long missing = last.sequence() + 1;
      return new AuditVerification(
          checked,
          missing,
          "Audit entry "
              + missing
              + " is missing (entries "
              + missing
              + ".."
              + head.lastSequence()
              + " were removed: the newest entries)");
    }
    if (last.sequence() > head.lastSequence()) {
      return bad(checked, last, "is not in the chain head (appended outside the store)");
    }
    if (!last.hash().equals(head.lastHash())) {
      return bad(checked, last, "does not match the chain head (replaced)");
    }
    return walk;
  }

  private static AuditVerification bad(long checked, AuditEntry entry, String why) {
    return new AuditVerification(
        checked, entry.sequence(), "Audit entry " + entry.sequence() + " " + why);
  }
}
