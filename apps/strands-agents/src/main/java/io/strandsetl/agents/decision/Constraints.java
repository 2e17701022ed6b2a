package io.strandsetl.agents.decision;

import io.strandsetl.agents.schema.Description;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.List;
import java.util.Map;

/** What a pipeline's {@code platform} section asks of the Decision agent. */
public record Constraints(
    @Description(value = "most the run may cost", unit = "USD", optional = true) Double maxCostUsd,
    @Description(
            value = "latest the run must finish after it starts",
            unit = "minutes",
            optional = true)
        Double deadlineMinutes,
    @Description(value = "platform to prefer when it is feasible", optional = true)
        String preferred) {
  static final List<String> KEYS = List.of("preferred", "constraints");
  static final List<String> CONSTRAINT_KEYS = List.of("max-cost-usd", "deadline-minutes");

  public Constraints {
    if (maxCostUsd != null && !(maxCostUsd >= 0)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid max-cost-usd: " + maxCostUsd + " (must be >= 0)");
    }
    if (deadlineMinutes != null && !(deadlineMinutes > 0)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid deadline-minutes: " + deadlineMinutes + " (must be > 0)");
    }
    if (preferred != null) {
      preferred = Candidate.of(preferred, "preferred platform").id();
    }
  }

  public static final Constraints NONE = new Constraints(null, null, null);

  /**
   * The pipeline's {@code platform} section: {@code preferred} and {@code constraints:
   * {max-cost-usd, deadline-minutes}} (the shape docs/pipelines.md gives the section).
   *
   * @throws StrandsException INVALID_PIPELINE naming the key
   */
  public static Constraints fromSection(Map<String, Object> section) {
    if (section == null || section.isEmpty()) {
      return NONE;
    }
    check(section, KEYS, "platform.");
    Map<String, Object> limits = Map.of();
    Object c = section.get("constraints");
    if (c instanceof Map<?, ?> m) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), v));
      limits = copy;
    } else if (c != null) {
      throw new StrandsException(
          ErrorCode.INVALID_PIPELINE,
          "Invalid platform.constraints: '"
              + c
              + "' (expected a mapping of "
              + CONSTRAINT_KEYS
              + ")");
    }
    check(limits, CONSTRAINT_KEYS, "platform.constraints.");
    try {
      return new Constraints(
          number(limits, "max-cost-usd"),
          number(limits, "deadline-minutes"),
          section.get("preferred") == null ? null : section.get("preferred").toString());
    } catch (StrandsException e) {
      if (e.code() == ErrorCode.INVALID_PIPELINE) {
        throw e;
      }
      throw new StrandsException(ErrorCode.INVALID_PIPELINE, "In platform: " + e.getMessage());
    }
  }

  private static void check(Map<String, Object> section, List<String> known, String prefix) {
    for (String key : section.keySet()) {
      if (!known.contains(key)) {
        throw new StrandsException(
            ErrorCode.INVALID_PIPELINE,
            "Invalid " + prefix + key + ": unknown key (known: " + known + ")");
      }
    }
  }

  private static Double number(Map<String, Object> section, String key) {
    Object v = section.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new StrandsException(
          ErrorCode.INVALID_PIPELINE,
          "Invalid platform." + key + ": '" + v + "' (expected a number)");
    }
  }
}
