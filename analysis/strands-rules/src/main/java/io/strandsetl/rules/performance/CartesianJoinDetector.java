package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.DetectorKeys.check;
import static io.strandsetl.rules.performance.DetectorKeys.key;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.finding.Detector;
import io.strandsetl.model.finding.DetectorFactory;
import io.strandsetl.model.finding.Evidence;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Impact;
import io.strandsetl.model.finding.Location;
import io.strandsetl.model.finding.Recommendation;
import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.plan.PlanNode;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.SqlExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A join without any condition (CartesianProduct, or a nested-loop join with no condition): every
 * row of one side meets every row of the other. Harmless for single-row sides (scalar subqueries),
 * ruinous for large ones, so the severity follows the product of the sides' row counts.
 */
public final class CartesianJoinDetector implements Detector {
  public static final String ID = "cartesian-join";

  private final Thresholds thresholds;

  public CartesianJoinDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param criticalRowPairs row pairs (left rows × right rows) from which the join is CRITICAL
   *     (default 10,000,000,000, DataFlint's "large cross join" alert); HIGH from 1/100 of it,
   *     MEDIUM from 1/10,000, LOW below (one-row sides)
   */
  public record Thresholds(long criticalRowPairs) {
    public static final Thresholds DEFAULTS = new Thresholds(10_000_000_000L);

    public Thresholds {
      check(
          criticalRowPairs >= 10_000,
          ID,
          "critical-row-pairs",
          criticalRowPairs,
          "must be >= 10000");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(s.getLong(key(ID, "critical-row-pairs"), DEFAULTS.criticalRowPairs));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    List<Finding> findings = new ArrayList<>();
    Plans.forEachNode(
        run,
        (sql, n) -> {
          if (isConditionless(n)) {
            findings.add(finding(sql, n));
          }
        });
    return findings;
  }

  /** CartesianProduct or a nested-loop join whose simpleString carries no condition. */
  static boolean isConditionless(PlanNode n) {
    String s = n.simpleString().trim();
    return switch (n.name()) {
      // "CartesianProduct" alone, or "CartesianProduct (a#1 < b#2)" with a condition.
      case "CartesianProduct" -> !s.contains("(");
      // "BroadcastNestedLoopJoin BuildRight, Inner[, condition]"
      // (Databricks prints a missing condition as the literal "true".)
      case "BroadcastNestedLoopJoin", "NestedLoopJoin" -> {
        List<String> parts = Plans.splitTopLevel(afterName(s), ',');
        yield parts.size() <= 2 || (parts.size() == 3 && parts.get(2).equals("true"));
      }
      default -> false;
    };
  }

  private static String afterName(String s) {
    int space = s.indexOf(' ');
    return space < 0 ? "" : s.substring(space + 1);
  }

  private Finding finding(SqlExecution sql, PlanNode join) {
    Long left = join.children().isEmpty() ? null : Plans.outputRows(join.children().get(0));
    Long right = join.children().size() < 2 ? null : Plans.outputRows(join.children().get(1));
    Long out = join.metric("number of output rows");
    Severity severity;
    String size;
    Double pairs = null;
    if (out != null || (left != null && right != null)) {
      // Without a condition every pair is output, so the output count is the exact pair count; the
      // sides' own row metrics can be inflated when Spark recomputes a side per partition pair.
      pairs = out != null ? (double) out : (double) left * right;
      long critical = thresholds.criticalRowPairs();
      severity =
          pairs >= critical
              ? Severity.CRITICAL
              : pairs >= critical / 100.0
                  ? Severity.HIGH
                  : pairs >= critical / 10_000.0 ? Severity.MEDIUM : Severity.LOW;
      size =
          left != null && right != null && (out == null || left * right == out)
              ? Quantities.count(left) + " × " + Quantities.count(right) + " rows"
              : Quantities.count(pairs.longValue()) + " row pairs";
    } else {
      // Unknown sizes: not safe to call it harmless.
      severity = Severity.MEDIUM;
      size = "sides of unknown size";
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("join", join.name(), ""));
    if (left != null) {
      evidence.add(new Evidence("left rows", left, "rows"));
    }
    if (right != null) {
      evidence.add(new Evidence("right rows", right, "rows"));
    }
    if (pairs != null) {
      evidence.add(new Evidence("row pairs compared", pairs.longValue(), "rows"));
    }
    if (out != null) {
      evidence.add(new Evidence("output rows", out, "rows"));
    }
    boolean tiny = severity == Severity.LOW;
    Recommendation rec =
        new Recommendation(
            tiny
                ? "A cross join of tiny sides (typically scalar aggregates) is harmless; it is listed"
                    + " so that a growing side is noticed."
                : "Add the missing equality condition so Spark can use a hash or sort-merge join; if"
                    + " the cross product is intended, shrink both sides first.",
            "result = left.join(right, left[\"key\"] == right[\"key\"], \"inner\")\n",
            "SELECT * FROM l JOIN r ON l.key = r.key;  -- not FROM l, r / CROSS JOIN\n",
            "val result = left.join(right, left(\"key\") === right(\"key\"), \"inner\")\n",
            Map.of());
    Impact impact =
        new Impact(
            null,
            null,
            null,
            "compute (one comparison per row pair)",
            pairs == null
                ? "Row counts of the sides are unknown."
                : "The join compares "
                    + Quantities.count(pairs.longValue())
                    + " row pairs; an equi-join"
                    + " compares each row with matching keys only.");
    return Finding.of(
        ID,
        severity,
        "Join without condition (" + join.name() + ") over " + size,
        evidence,
        rec,
        impact,
        Location.ofPlanNode(sql.executionId(), join.id(), join.name().strip(), null));
  }

  /** Creates {@link CartesianJoinDetector} from {@code detector.cartesian-join.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Joins without a condition (cartesian products), rated by the sides' row counts";
    }

    @Override
    public Detector create(Settings settings) {
      return new CartesianJoinDetector(Thresholds.from(settings));
    }
  }
}
