package io.strandsetl.engine.store;

import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.testkit.store.TrackingStoreContractTest;
import java.time.Clock;
import java.util.List;

class InMemoryTrackingStoreTest extends TrackingStoreContractTest {
  @Override
  protected TrackingStore newStore(Clock clock) {
    return new InMemoryTrackingStore();
  }

  @Override
  protected void tamperWithAuditDetails(TrackingStore store, long sequence, String details) {
    InMemoryTrackingStore memory = (InMemoryTrackingStore) store;
    List<AuditEntry> trail = memory.auditTrail();
    int index = (int) (sequence - trail.get(0).sequence());
    AuditEntry stored = trail.get(index);
    AuditEvent event = stored.event();
    memory.overwriteAuditEntry(
        index,
        new AuditEntry(
            stored.sequence(),
            new AuditEvent(event.at(), event.actor(), event.action(), event.subject(), details),
            stored.previousHash(),
            stored.hash()));
  }

  @Override
  protected void deleteAuditEntry(TrackingStore store, long sequence) {
    ((InMemoryTrackingStore) store).removeAuditEntry(sequence);
  }
}
