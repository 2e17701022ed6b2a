package io.strandsetl.compliance;

import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.policy.CompliancePolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the checks read: the declared policy and what the data shows.
 *
 * @param pipeline pipeline name
 * @param policy the declared policy
 * @param sources PII scans of the sources (may be empty when they were not scanned)
 * @param views intermediate views (SQL steps) to their column names, in step order
 * @param outputs one entry per sink
 * @param auditTrail true when the audit events go to a tracking store (an audit trail exists)
 */
public record ComplianceInput(
    String pipeline,
    CompliancePolicy policy,
    List<DatasetFindings> sources,
    Map<String, List<String>> views,
    List<SinkOutput> outputs,
    boolean auditTrail) {
  public ComplianceInput {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(policy, "policy");
    sources = List.copyOf(sources);
    Map<String, List<String>> v = new LinkedHashMap<>();
    views.forEach((k, cols) -> v.put(k, List.copyOf(cols)));
    views = java.util.Collections.unmodifiableMap(v);
    outputs = List.copyOf(outputs);
  }
}
