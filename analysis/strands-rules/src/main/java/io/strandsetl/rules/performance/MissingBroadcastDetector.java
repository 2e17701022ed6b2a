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
import io.strandsetl.model.plan.PlanNode;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.SqlExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shuffle join (sort-merge or shuffled hash) one of whose broadcastable inputs is small:
 * broadcast that side and the big side is joined where it lies, without being shuffled and sorted.
 */
public final class MissingBroadcastDetector implements Detector {
  public static final String ID = "missing-broadcast";

  private static final Pattern JOIN_TYPE =
      Pattern.compile(
          "\\b(Inner|Cross|LeftOuter|RightOuter|FullOuter|LeftSemi|LeftAnti|ExistenceJoin)\\b");

  private final Thresholds thresholds;

  public MissingBroadcastDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param maxBroadcastBytes the measured size of the smaller side below which broadcasting is
   *     recommended (default 100 MiB: ten times Spark's 10 MiB {@code autoBroadcastJoinThreshold},
   *     which is conservative because it applies to estimates, whereas this is the measured shuffle
   *     data size; DataFlint recommends broadcasting sides up to 100 MiB against a 10 GiB side)
   */
  public record Thresholds(long maxBroadcastBytes) {
    public static final Thresholds DEFAULTS = new Thresholds(100 * Quantities.MIB);

    public Thresholds {
      check(
          maxBroadcastBytes > 0 && maxBroadcastBytes < 8 * Quantities.GIB,
          ID,
          "max-broadcast-bytes",
          maxBroadcastBytes,
          "must be > 0 and below Spark's 8 GiB broadcast limit");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(s.getBytes(key(ID, "max-broadcast-bytes"), DEFAULTS.maxBroadcastBytes));
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
          if ((n.name().equals("SortMergeJoin") || n.name().equals("ShuffledHashJoin"))
              && n.children().size() == 2) {
            evaluate(sql, n).ifPresent(findings::add);
          }
        });
    return findings;
  }

  /** Which inputs Spark may broadcast for this join type: [left, right]. */
  static boolean[] broadcastable(String simpleString) {
    Matcher m = JOIN_TYPE.matcher(simpleString);
    String type = m.find() ? m.group(1) : "Inner";
    return switch (type) {
      case "Inner", "Cross" -> new boolean[] {true, true};
      case "LeftOuter", "LeftSemi", "LeftAnti", "ExistenceJoin" -> new boolean[] {false, true};
      case "RightOuter" -> new boolean[] {true, false};
      default -> new boolean[] {false, false}; // FullOuter cannot be broadcast
    };
  }

  private Optional<Finding> evaluate(SqlExecution sql, PlanNode join) {
    Long left = Plans.sideBytes(join.children().get(0));
    Long right = Plans.sideBytes(join.children().get(1));
    if (left == null || right == null) {
      return Optional.empty();
    }
    boolean[] can = broadcastable(join.simpleString());
    int small = -1;
    if (can[0] && (!can[1] || left <= right)) {
      small = 0;
    } else if (can[1]) {
      small = 1;
    }
    if (small < 0) {
      return Optional.empty();
    }
    long smallBytes = small == 0 ? left : right;
    long bigBytes = small == 0 ? right : left;
    if (smallBytes > thresholds.maxBroadcastBytes() || bigBytes <= smallBytes) {
      return Optional.empty();
    }
    PlanNode bigExchange = Plans.nearestExchange(join.children().get(1 - small));
    Long writeMs =
        bigExchange == null ? null : Plans.metricMillis(bigExchange, "shuffle write time");
    Long fetchMs = bigExchange == null ? null : Plans.metricMillis(bigExchange, "fetch wait time");
    Double coreSeconds =
        writeMs == null && fetchMs == null
            ? null
            : Quantities.round(
                ((writeMs == null ? 0 : writeMs) + (fetchMs == null ? 0 : fetchMs)) / 1000.0, 1);
    String side = small == 0 ? "left" : "right";
    String threshold = Quantities.sparkSize((long) (smallBytes * 1.2));

    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("join", join.name(), ""));
    evidence.add(new Evidence("smaller (" + side + ") side data size", smallBytes, "bytes"));
    evidence.add(new Evidence("larger side data size", bigBytes, "bytes"));
    evidence.add(new Evidence("broadcast threshold used", thresholds.maxBroadcastBytes(), "bytes"));
    if (writeMs != null) {
      evidence.add(new Evidence("larger side shuffle write time", writeMs, "ms"));
    }
    Recommendation rec =
        new Recommendation(
            "Broadcast the "
                + side
                + " side ("
                + Quantities.bytes(smallBytes)
                + ") so the "
                + Quantities.bytes(bigBytes)
                + " side is not shuffled and sorted: a broadcast() hint, or raise"
                + " spark.sql.autoBroadcastJoinThreshold above the small side.",
            "from pyspark.sql.functions import broadcast\nresult = big_df.join(broadcast(small_df), \"key\")\n",
            "SELECT /*+ BROADCAST(s) */ *\nFROM big b JOIN small s ON b.key = s.key;\n",
            "import org.apache.spark.sql.functions.broadcast\nval result = bigDf.join(broadcast(smallDf), \"key\")\n",
            Map.of("spark.sql.autoBroadcastJoinThreshold", threshold));
    Impact impact =
        new Impact(
            null,
            bigBytes,
            coreSeconds,
            "shuffle bytes (network, local disk) and sort core-seconds",
            "The larger side's shuffle ("
                + Quantities.bytes(bigBytes)
                + " data size) disappears; the small side is broadcast once per executor instead."
                + (coreSeconds == null
                    ? ""
                    : " Core-seconds are its measured shuffle write + fetch wait time."));
    return Optional.of(
        Finding.of(
            ID,
            SeverityScale.ofBytes(bigBytes),
            join.name()
                + " shuffles "
                + Quantities.bytes(bigBytes)
                + " to join a "
                + Quantities.bytes(smallBytes)
                + " side that could be broadcast",
            evidence,
            rec,
            impact,
            Location.ofPlanNode(
                sql.executionId(),
                join.id(),
                join.name().strip(),
                Plans.firstScanPath(join.children().get(small)))));
  }

  /** Creates {@link MissingBroadcastDetector} from {@code detector.missing-broadcast.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Shuffle joins with a side small enough to broadcast";
    }

    @Override
    public Detector create(Settings settings) {
      return new MissingBroadcastDetector(Thresholds.from(settings));
    }
  }
}
