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
    return of(entriesInStoredOrder, null);
  }

  /**
   * Walks entries in stored order and compares both ends with the store's {@link AuditHead}: the
   * first kept entry must be the one after the last purged ({@code purgedThrough + 1}) and chain to
   * its hash; the last entry must be the head's. So removing the newest entries, the oldest entries
   * beyond retention, or every entry, is reported like a change in the middle. A null head checks
   * the chain alone.
   */
  public static AuditVerification of(List<AuditEntry> entriesInStoredOrder, AuditHead head) {
    Walker walker = new Walker(head);
    for (AuditEntry entry : entriesInStoredOrder) {
      if (!walker.add(entry)) {
        break;
      }
    }
    return walker.result();
  }

  /**
   * The chain walk one entry at a time, so a store can stream millions of entries in pages instead
   * of holding the whole trail in memory.
   */
  public static final class Walker {
    private final AuditHead head;
    private AuditEntry previous;
    private long checked;
    private AuditVerification failure;

    /**
     * @param head the store's head, or null to check the entries only (trusting both ends)
     */
    public Walker(AuditHead head) {
      this.head = head;
    }

    /** Checks the next entry in stored order; false once a bad entry was found (stop reading). */
    public boolean add(AuditEntry entry) {
      if (failure != null) {
        return false;
      }
      checked++;
      failure = check(entry);
      previous = entry;
      return failure == null;
    }

    private AuditVerification check(AuditEntry entry) {
      if (previous == null && head != null) {
        long expected = head.purgedThrough() + 1;
        if (entry.sequence() > expected) {
          return new AuditVerification(
              checked,
              expected,
              "Audit entry " + expected + " is missing (the oldest kept entries were removed)");
        }
        if (entry.sequence() < expected) {
          return bad(checked, entry, "was purged yet is still present");
        }
      }
      if (!entry.isSelfConsistent()) {
        return bad(checked, entry, "content does not match its hash (changed)");
      }
      if (previous == null) {
        if (head != null && !entry.previousHash().equals(head.purgedHash())) {
          return bad(
              checked,
              entry,
              head.purgedThrough() == 0
                  ? "first entry does not start from the genesis hash"
                  : "previous hash does not match the last purged entry " + head.purgedThrough());
        }
        if (head == null
            && entry.sequence() == 1
            && !entry.previousHash().equals(AuditEntry.GENESIS_HASH)) {
          return bad(checked, entry, "first entry does not start from the genesis hash");
        }
        return null;
      }
      if (entry.sequence() != previous.sequence() + 1) {
        return bad(
            checked,
            entry,
            "follows entry " + previous.sequence() + " (an entry was removed or reordered)");
      }
      if (!entry.previousHash().equals(previous.hash())) {
        return bad(checked, entry, "previous hash does not match entry " + previous.sequence());
      }
      return null;
    }

    /** The verdict over the entries added so far (and the head's ends, when a head was given). */
    public AuditVerification result() {
      if (failure != null) {
        return failure;
      }
      if (head != null) {
        if (previous == null) {
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
        } else if (previous.sequence() < head.lastSequence()) {
          long missing = previous.sequence() + 1;
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
        } else if (previous.sequence() > head.lastSequence()) {
          return bad(checked, previous, "is not in the chain head (appended outside the store)");
        } else if (!previous.hash().equals(head.lastHash())) {
          return bad(checked, previous, "does not match the chain head (replaced)");
        }
      }
      return new AuditVerification(checked, null, "");
    }
  }

  private static AuditVerification bad(long checked, AuditEntry entry, String why) {
    return new AuditVerification(
        checked, entry.sequence(), "Audit entry " + entry.sequence() + " " + why);
  }
}
