package io.strandsetl.eventlog.plan;

import io.strandsetl.model.plan.PlanMetric;
import io.strandsetl.model.plan.PlanNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Turns Spark's {@code sparkPlanInfo} JSON ({@code nodeName}, {@code simpleString}, {@code
 * children}, {@code metadata}, {@code metrics[{name, accumulatorId, metricType}]}), given as a
 * generic map/list tree, into {@link PlanNode}s numbered in pre-order (root = 0).
 */
public final class PlanInfoParser {
  /** Receives every metric declared by the plan. */
  public interface MetricSink {
    void declare(long accumulatorId, String metricType);
  }

  private PlanInfoParser() {}

  /**
   * Parses a plan; metric values are left null (fill them with {@link #withValues}).
   *
   * @param sparkPlanInfo the {@code sparkPlanInfo} object
   * @param sink told about every metric's accumulator
   */
  public static PlanNode parse(Map<String, Object> sparkPlanInfo, MetricSink sink) {
    int[] next = {0};
    return node(sparkPlanInfo, sink, next, 0);
  }

  private static PlanNode node(Map<String, Object> info, MetricSink sink, int[] next, int depth) {
    int id = next[0]++;
    String raw = info.get("nodeName") == null ? "" : info.get("nodeName").toString();
    String simple = info.get("simpleString") == null ? "" : info.get("simpleString").toString();
    Map<String, String> metadata = new LinkedHashMap<>();
    if (info.get("metadata") instanceof Map<?, ?> meta) {
      meta.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
    }
    List<PlanMetric> metrics = new ArrayList<>();
    if (info.get("metrics") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("accumulatorId") instanceof Number acc) {
          String type = m.get("metricType") == null ? "sum" : m.get("metricType").toString();
          metrics.add(new PlanMetric(String.valueOf(m.get("name")), type, acc.longValue(), null));
          sink.declare(acc.longValue(), type);
        }
      }
    }
    List<PlanNode> children = new ArrayList<>();
    // Plans are trees of a few hundred nodes; the depth guard only protects against hostile input.
    if (depth < 2000 && info.get("children") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> child) {
          @SuppressWarnings("unchecked")
          Map<String, Object> c = (Map<String, Object>) child;
          children.add(node(c, sink, next, depth + 1));
        }
      }
    }
    return new PlanNode(id, OperatorNames.normalise(raw), raw, simple, metadata, metrics, children);
  }

  /** A copy of the plan whose metric values come from {@code values} (null = never reported). */
  public static PlanNode withValues(PlanNode node, LongFunction<Long> values) {
    List<PlanMetric> metrics = new ArrayList<>(node.metrics().size());
    for (PlanMetric m : node.metrics()) {
      metrics.add(
          new PlanMetric(m.name(), m.type(), m.accumulatorId(), values.apply(m.accumulatorId())));
    }
    List<PlanNode> children = new ArrayList<>(node.children().size());
    for (PlanNode c : node.children()) {
      children.add(withValues(c, values));
    }
    return new PlanNode(
        node.id(),
        node.name(),
        node.rawName(),
        node.simpleString(),
        node.metadata(),
        metrics,
        children);
  }

  /** Number of nodes of a plan. */
  public static int size(PlanNode node) {
    int n = 1;
    for (PlanNode c : node.children()) {
      n += size(c);
    }
    return n;
  }
}
