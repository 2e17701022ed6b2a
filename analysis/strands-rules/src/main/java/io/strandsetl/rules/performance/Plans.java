package io.strandsetl.rules.performance;

import io.strandsetl.model.plan.PlanMetric;
import io.strandsetl.model.plan.PlanNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Questions about physical plans that several detectors ask. */
final class Plans {
  private static final Pattern LOCATION_PATHS = Pattern.compile("\\[(.*)]\\s*$");

  private Plans() {}

  /** A scan of files (parquet, orc, csv, json, Delta, …): it has a Location or is a FileScan. */
  /**
   * Visits every node of every SQL execution's final plan, executions in order, nodes pre-order.
   */
  static void forEachNode(
      io.strandsetl.model.run.RunAnalysis run,
      java.util.function.BiConsumer<io.strandsetl.model.run.SqlExecution, PlanNode> visitor) {
    for (io.strandsetl.model.run.SqlExecution sql : run.sql()) {
      if (sql.plan() != null) {
        for (PlanNode n : sql.plan().nodes()) {
          visitor.accept(sql, n);
        }
      }
    }
  }

  static boolean isFileScan(PlanNode n) {
    return n.metadata().containsKey("Location")
        || n.simpleString().startsWith("FileScan")
        || n.simpleString().startsWith("BatchScan");
  }

  /** The table path or name a scan reads, from its Location metadata, else its simpleString. */
  static String tablePath(PlanNode scan) {
    String location = scan.metadata().get("Location");
    if (location != null) {
      Matcher m = LOCATION_PATHS.matcher(location);
      String paths = m.find() ? m.group(1) : location;
      return paths.length() > 300 ? paths.substring(0, 300) + "…" : paths;
    }
    String s = scan.simpleString();
    int bracket = s.indexOf('[');
    String head = (bracket > 0 ? s.substring(0, bracket) : s).trim();
    return head.startsWith("Scan ") ? head.substring(5).trim() : null;
  }

  /** The table path of the first file scan at or below {@code n} (pre-order), or null. */
  static String firstScanPath(PlanNode n) {
    for (PlanNode d : n.nodes()) {
      if (isFileScan(d)) {
        return tablePath(d);
      }
    }
    return null;
  }

  /** True for metadata filter lists Spark prints as absent or empty ({@code []}). */
  static boolean isEmptyList(String value) {
    return value == null || value.isBlank() || value.trim().equals("[]");
  }

  /** A metric's value in milliseconds, converting Spark's nanosecond timings; null if absent. */
  static Long metricMillis(PlanNode n, String metricName) {
    for (PlanMetric m : n.metrics()) {
      if (m.name().equals(metricName) && m.value() != null) {
        return "nsTiming".equals(m.type()) ? m.value() / 1_000_000 : m.value();
      }
    }
    return null;
  }

  static boolean isExchange(PlanNode n) {
    return n.name().contains("Exchange") && !n.name().startsWith("Reused");
  }

  static boolean isJoin(PlanNode n) {
    return n.name().contains("Join") || n.name().equals("CartesianProduct");
  }

  /**
   * Bytes flowing out of one join input: the {@code data size} of the nearest exchange below it,
   * else the {@code size of files read} of a scan reached without crossing another join or
   * aggregate. Null when unknown (a reused exchange, an intervening join, missing metrics).
   */
  static Long sideBytes(PlanNode side) {
    PlanNode n = side;
    while (true) {
      if (isExchange(n)) {
        return n.metric("data size");
      }
      if (isFileScan(n)) {
        return n.metric("size of files read");
      }
      if (isJoin(n) || n.name().contains("Aggregate") || n.children().size() != 1) {
        return null;
      }
      n = n.children().get(0);
    }
  }

  /** The nearest exchange at or below {@code side} through single-child nodes, or null. */
  static PlanNode nearestExchange(PlanNode side) {
    PlanNode n = side;
    while (true) {
      if (isExchange(n)) {
        return n;
      }
      if (isJoin(n) || n.children().size() != 1) {
        return null;
      }
      n = n.children().get(0);
    }
  }

  /** The first "number of output rows" found at or below {@code n} through single children. */
  static Long outputRows(PlanNode n) {
    PlanNode cur = n;
    while (true) {
      Long rows = cur.metric("number of output rows");
      if (rows != null) {
        return rows;
      }
      if (cur.children().size() != 1) {
        return null;
      }
      cur = cur.children().get(0);
    }
  }

  /** Parent of every node of the plan (the root maps to nothing). */
  static Map<PlanNode, PlanNode> parents(PlanNode root) {
    Map<PlanNode, PlanNode> parents = new IdentityHashMap<>();
    root.walk(
        n -> {
          for (PlanNode c : n.children()) {
            parents.put(c, n);
          }
        });
    return parents;
  }

  /**
   * Splits the top-level bracket groups of a plan string: {@code "Window [a], [b, c], [d]"} gives
   * {@code ["a", "b, c", "d"]}. Brackets inside parentheses or nested brackets stay inside a group.
   */
  static List<String> bracketGroups(String s) {
    List<String> groups = new ArrayList<>();
    int depth = 0;
    int parens = 0;
    int start = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        parens++;
      } else if (c == ')') {
        parens--;
      } else if (c == '[') {
        if (depth == 0 && parens == 0) {
          start = i + 1;
        }
        depth++;
      } else if (c == ']') {
        depth--;
        if (depth == 0 && parens == 0 && start >= 0) {
          groups.add(s.substring(start, i).trim());
          start = -1;
        }
      }
    }
    return groups;
  }

  /** Splits a comma-separated list at top level (commas inside () [] {} <> stay). */
  static List<String> splitTopLevel(String s, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{' || c == '<') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}' || c == '>') {
        depth--;
      } else if (c == separator && depth == 0) {
        parts.add(s.substring(start, i).trim());
        start = i + 1;
      }
    }
    String last = s.substring(start).trim();
    if (!last.isEmpty()) {
      parts.add(last);
    }
    return parts;
  }
}
