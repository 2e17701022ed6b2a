package io.strandsetl.model.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One operator of a physical plan, our own shape of Spark's {@code SparkPlanInfo}.
 *
 * @param id position in a pre-order walk of the plan (0 = root); stable for one plan
 * @param name normalised operator name: vendor prefixes removed ({@code
 *     PhotonBroadcastNestedLoopJoin} → {@code BroadcastNestedLoopJoin}, {@code GpuShuffledHashJoin}
 *     → {@code ShuffledHashJoin})
 * @param rawName the name as it appears in the log
 * @param simpleString Spark's one-line description of the node
 * @param metadata node metadata (for scans: Location, ReadSchema, PartitionFilters, PushedFilters,
 *     …)
 * @param metrics the node's SQL metrics with final values
 * @param children child operators (inputs), in Spark's order
 */
public record PlanNode(
    int id,
    String name,
    String rawName,
    String simpleString,
    Map<String, String> metadata,
    List<PlanMetric> metrics,
    List<PlanNode> children) {

  public PlanNode {
    metadata =
        metadata == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** The value of the first metric with this name, or null. */
  public Long metric(String metricName) {
    for (PlanMetric m : metrics) {
      if (m.name().equals(metricName)) {
        return m.value();
      }
    }
    return null;
  }

  /** Visits this node and all descendants in pre-order. */
  public void walk(Consumer<PlanNode> visitor) {
    visitor.accept(this);
    for (PlanNode child : children) {
      child.walk(visitor);
    }
  }

  /** This node and all descendants in pre-order. */
  public List<PlanNode> nodes() {
    List<PlanNode> all = new ArrayList<>();
    walk(all::add);
    return all;
  }
}
