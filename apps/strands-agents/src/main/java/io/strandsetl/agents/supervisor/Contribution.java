package io.strandsetl.agents.supervisor;

import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.CostBreakdown;
import io.strandsetl.model.store.QualityHistoryEntry;
import io.strandsetl.model.store.QualitySummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one agent adds to a run: its conclusion and the parts of the stored execution it owns (null
 * or empty when it has none).
 *
 * @param tags execution tags it adds (sorted)
 */
public record Contribution(
    Conclusion conclusion,
    CostBreakdown cost,
    QualitySummary quality,
    ComplianceSummary compliance,
    List<QualityHistoryEntry> qualityHistory,
    List<AuditEvent> audit,
    Map<String, String> tags) {
  public Contribution {
    Objects.requireNonNull(conclusion, "conclusion");
    qualityHistory = qualityHistory == null ? List.of() : List.copyOf(qualityHistory);
    audit = audit == null ? List.of() : List.copyOf(audit);
    tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  public static Contribution of(Conclusion conclusion) {
    return new Contribution(conclusion, null, null, null, List.of(), List.of(), Map.of());
  }

  public Contribution withTags(Map<String, String> more) {
    return new Contribution(conclusion, cost, quality, compliance, qualityHistory, audit, more);
  }
}
