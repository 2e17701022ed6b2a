package io.strandsetl.eventlog.plan;

import java.util.List;
import java.util.Map;

/**
 * Normalises physical-operator names across Spark distributions so detectors match one name: vendor
 * prefixes are removed ({@code PhotonBroadcastNestedLoopJoin} → {@code BroadcastNestedLoopJoin},
 * {@code GpuShuffledHashJoin} → {@code ShuffledHashJoin}) and vendor operators with an open-source
 * twin get its name ({@code PhotonShuffleExchangeSink} → {@code Exchange}, {@code PhotonAgg} →
 * {@code HashAggregate}).
 */
public final class OperatorNames {
  // Databricks Photon, NVIDIA RAPIDS, Apache Gluten/Velox, Apache DataFusion Comet.
  private static final List<String> VENDOR_PREFIXES = List.of("Photon", "Gpu", "Velox", "Comet");
  // Gluten names its operators <Spark operator>ExecTransformer / <Spark operator>Transformer.
  private static final List<String> VENDOR_SUFFIXES = List.of("ExecTransformer", "Transformer");

  // Vendor operator (after the prefix is removed) -> the Spark operator it replaces.
  private static final Map<String, String> TWINS =
      Map.ofEntries(
          Map.entry("ShuffleExchangeSink", "Exchange"),
          Map.entry("ShuffleExchangeSource", "Exchange"),
          Map.entry("ShuffleExchange", "Exchange"),
          Map.entry("ColumnarExchange", "Exchange"),
          Map.entry("Agg", "HashAggregate"),
          Map.entry("GroupingAgg", "HashAggregate"),
          Map.entry("ShuffleMapStage", "ShuffleQueryStage"),
          Map.entry("ResultStage", "ResultQueryStage"),
          Map.entry("BroadcastExchange", "BroadcastExchange"));

  private OperatorNames() {}

  /** The normalised name of an operator as Spark logs it in {@code nodeName}. */
  public static String normalise(String rawName) {
    if (rawName == null || rawName.isEmpty()) {
      return "";
    }
    // Spark logs some names with a trailing space ("Scan parquet "); it carries no meaning.
    String name = rawName.strip();
    for (String prefix : VENDOR_PREFIXES) {
      if (name.length() > prefix.length()
          && name.startsWith(prefix)
          && (Character.isUpperCase(name.charAt(prefix.length()))
              || name.charAt(prefix.length()) == ' ')) {
        name = name.substring(prefix.length()).trim();
        break;
      }
    }
    int space = name.indexOf(' ');
    String head = space < 0 ? name : name.substring(0, space);
    String tail = space < 0 ? "" : name.substring(space);
    for (String suffix : VENDOR_SUFFIXES) {
      if (head.length() > suffix.length() && head.endsWith(suffix)) {
        head = head.substring(0, head.length() - suffix.length());
        if (head.endsWith("Exec")) {
          head = head.substring(0, head.length() - 4);
        }
        break;
      }
    }
    head = TWINS.getOrDefault(head, head);
    return head + tail;
  }
}
