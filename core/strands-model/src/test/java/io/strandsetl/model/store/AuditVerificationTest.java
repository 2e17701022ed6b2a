package io.strandsetl.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditVerificationTest {
  private static List<AuditEntry> chainOf(int size) {
    List<AuditEntry> chain = new ArrayList<>();
    String previous = AuditEntry.GENESIS_HASH;
    for (int i = 1; i <= size; i++) {
      AuditEntry entry =
          AuditEntry.chain(
              i,
              new AuditEvent(
                  Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                  "strands",
                  "a" + i,
                  "s",
                  ""),
              previous);
      chain.add(entry);
      previous = entry.hash();
    }
    return chain;
  }

  @Test
  void intactChainVerifies() {
    AuditVerification result = AuditVerification.of(chainOf(4));

    assertThat(result.intact()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(4);
  }

  @Test
  void namesTheEntryAfterARemovedOne() {
    List<AuditEntry> chain = chainOf(4);
    chain.remove(1);

    AuditVerification result = AuditVerification.of(chain);

    assertThat(result.firstBadSequence()).isEqualTo(3L);
    assertThat(result.problem())
        .isEqualTo("Audit entry 3 follows entry 1 (an entry was removed or reordered)");
  }

  @Test
  void namesTheFirstOfTwoSwappedEntries() {
    List<AuditEntry> chain = chainOf(4);
    chain.set(1, chainOf(4).get(2));
    chain.set(2, chainOf(4).get(1));

    assertThat(AuditVerification.of(chain).firstBadSequence()).isEqualTo(3L);
  }

  @Test
  void aRehashedEntryStillBreaksTheLinkToItsSuccessor() {
    List<AuditEntry> chain = chainOf(3);
    AuditEntry original = chain.get(1);
    AuditEvent forged = new AuditEvent(original.event().at(), "strands", "forged", "s", "");
    chain.set(1, AuditEntry.chain(2, forged, original.previousHash()));

    AuditVerification result = AuditVerification.of(chain);

    assertThat(result.firstBadSequence()).isEqualTo(3L);
    assertThat(result.problem()).isEqualTo("Audit entry 3 previous hash does not match entry 2");
  }

  @Test
  void movingTextBetweenFieldsChangesTheHash() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    String one =
        AuditEntry.hashOf(1, new AuditEvent(at, "ab", "c", "s", ""), AuditEntry.GENESIS_HASH);
    String two =
        AuditEntry.hashOf(1, new AuditEvent(at, "a", "bc", "s", ""), AuditEntry.GENESIS_HASH);

    assertThat(one).hasSize(64).isNotEqualTo(two);
  }

  @Test
  void executionEndingBeforeItStartsIsRejected() {
    assertThatThrownBy(
            () ->
                new ExecutionRecord(
                    "e",
                    "j",
                    JobType.PIPELINE,
                    "local",
                    ExecutionStatus.SUCCEEDED,
                    Instant.parse("2026-01-02T00:00:00Z"),
                    Instant.parse("2026-01-01T00:00:00Z"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    java.util.Map.of(),
                    null))
        .isInstanceOf(StrandsException.class)
        .hasMessage(
            "Invalid endedAt: 2026-01-01T00:00:00Z (before startedAt 2026-01-02T00:00:00Z)");
  }

  @Test
  void withTheHeadNamesAnEntryAppendedBehindTheStoresBack() {
    List<AuditEntry> chain = chainOf(4);
    AuditHead head = AuditHead.EMPTY.append(chain.get(2));

    AuditVerification result = AuditVerification.of(chain, head);

    assertThat(result.firstBadSequence()).isEqualTo(4L);
    assertThat(result.problem())
        .isEqualTo("Audit entry 4 is not in the chain head (appended outside the store)");
  }

  @Test
  void withTheHeadNamesALastEntryReplacedByAnotherValidOne() {
    List<AuditEntry> chain = chainOf(3);
    AuditHead head = AuditHead.EMPTY.append(chain.get(2));
    chain.set(
        2,
        AuditEntry.chain(
            3,
            new AuditEvent(Instant.parse("2026-01-01T00:00:09Z"), "x", "y", "z", ""),
            chain.get(1).hash()));

    assertThat(AuditVerification.of(chain, head).problem())
        .isEqualTo("Audit entry 3 does not match the chain head (replaced)");
  }

  @Test
  void theWalkerFedInPagesGivesTheSameVerdictAsTheWholeList() {
    List<AuditEntry> chain = chainOf(7);
    AuditHead head = AuditHead.EMPTY.append(chain.get(6));
    chain.remove(6);

    AuditVerification.Walker walker = new AuditVerification.Walker(head);
    for (List<AuditEntry> page : List.of(chain.subList(0, 3), chain.subList(3, 6))) {
      page.forEach(walker::add);
    }

    assertThat(walker.result()).isEqualTo(AuditVerification.of(chain, head));
    assertThat(walker.result().problem())
        .isEqualTo("Audit entry 7 is missing (entries 7..7 were removed: the newest entries)");
  }
}
