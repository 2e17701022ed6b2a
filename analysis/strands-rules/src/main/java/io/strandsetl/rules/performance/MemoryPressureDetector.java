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
import io.strandsetl.model.run.ExecutorSummary;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.model.run.SparkConfigSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Executors whose peak JVM heap use came close to their maximum heap: the next larger input, or one
 * skewed task, ends in an OutOfMemoryError or a lost executor, and long full GCs come first.
 */
public final class MemoryPressureDetector implements Detector {
  public static final String ID = "memory-pressure";

  private static final Pattern MEMORY_DEATH =
      Pattern.compile(
          "(?i)(out ?of ?memory|\\boom\\b|memory limit|exceeding memory|exit (code|status):? ?137)");

  private final Thresholds thresholds;

  public MemoryPressureDetector(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * @param minHeapFraction peak heap used / max heap that counts (default 0.9: Spark reserves 300
   *     MiB and 40 % of the heap for user objects, so above 90 % there is no headroom left for a
   *     larger partition; DataFlint alerts at 95 %, which is our HIGH band)
   */
  public record Thresholds(double minHeapFraction) {
    public static final Thresholds DEFAULTS = new Thresholds(0.9);

    public Thresholds {
      check(
          minHeapFraction > 0 && minHeapFraction <= 1,
          ID,
          "min-heap-fraction",
          minHeapFraction,
          "must be in (0, 1]");
    }

    static Thresholds from(Settings s) {
      return new Thresholds(s.getDouble(key(ID, "min-heap-fraction"), DEFAULTS.minHeapFraction));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(RunAnalysis run) {
    SparkConfigSummary config = run.application() == null ? null : run.application().config();
    boolean local =
        config != null && config.master() != null && config.master().startsWith("local");
    Long executorHeap =
        run.metrics() != null && run.metrics().executorMemoryBytes() != null
            ? run.metrics().executorMemoryBytes()
            : config == null ? null : config.executorMemoryBytes();
    Long driverHeap = config == null ? null : config.driverMemoryBytes();

    ExecutorSummary worst = null;
    double worstFraction = 0;
    long heapOfWorst = 0;
    int above = 0;
    int measured = 0;
    for (ExecutorSummary e : run.executors()) {
      boolean driver = "driver".equals(e.executorId());
      if (driver && !local) {
        continue; // the driver does not run tasks outside local mode
      }
      Long heap = driver ? (driverHeap != null ? driverHeap : executorHeap) : executorHeap;
      if (heap == null || heap <= 0 || e.peakJvmHeapBytes() == null) {
        continue;
      }
      measured++;
      double fraction = (double) e.peakJvmHeapBytes() / heap;
      if (fraction >= thresholds.minHeapFraction()) {
        above++;
      }
      if (fraction > worstFraction) {
        worstFraction = fraction;
        worst = e;
        heapOfWorst = heap;
      }
    }
    if (worst == null || worstFraction < thresholds.minHeapFraction()) {
      return List.of();
    }
    // "Executor killed by driver" is dynamic allocation at work; only memory deaths count here.
    boolean lostExecutors =
        run.executors().stream()
            .anyMatch(
                e -> e.removedReason() != null && MEMORY_DEATH.matcher(e.removedReason()).find());
    Severity severity =
        worstFraction >= 0.98 || lostExecutors
            ? Severity.CRITICAL
            : worstFraction >= 0.95 ? Severity.HIGH : Severity.MEDIUM;
    double gcRatio =
        worst.taskRunTimeMs() > 0 ? (double) worst.jvmGcTimeMs() / worst.taskRunTimeMs() : 0;
    // Give the worst executor 25 % headroom above its measured peak.
    long recommendedHeap =
        (long) Math.ceil(worst.peakJvmHeapBytes() * 1.25 / (512.0 * Quantities.MIB))
            * 512
            * Quantities.MIB;
    String memory = Quantities.sparkSize(recommendedHeap);
    if (recommendedHeap % Quantities.GIB == 0) {
      memory = (recommendedHeap / Quantities.GIB) + "g";
    }

    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            "peak JVM heap used (executor " + worst.executorId() + ")",
            worst.peakJvmHeapBytes(),
            "bytes"));
    evidence.add(new Evidence("max heap", heapOfWorst, "bytes"));
    evidence.add(new Evidence("peak / max heap", Quantities.round(worstFraction * 100, 1), "%"));
    evidence.add(new Evidence("executors at or above threshold", above, "executors"));
    evidence.add(new Evidence("executors with heap metrics", measured, "executors"));
    evidence.add(
        new Evidence(
            "GC time / run time of that executor", Quantities.round(gcRatio * 100, 1), "%"));
    String key =
        "driver".equals(worst.executorId()) ? "spark.driver.memory" : "spark.executor.memory";
    Recommendation rec =
        new Recommendation(
            "Peak heap reached "
                + Quantities.percent(worstFraction)
                + " of "
                + Quantities.bytes(heapOfWorst)
                + ". Raise "
                + key
                + " to "
                + memory
                + " (peak + 25 %), or lower the memory each task needs: more partitions, fewer"
                + " cores per executor, no large collect()/broadcast.",
            "spark = (SparkSession.builder\n         .config(\""
                + key
                + "\", \""
                + memory
                + "\")\n         .getOrCreate())\n# and/or spread the data: df = df.repartition(2 * df.rdd.getNumPartitions())\n",
            "-- heap is fixed at submit time: spark-submit --conf " + key + "=" + memory + "\n",
            "val spark = SparkSession.builder()\n  .config(\""
                + key
                + "\", \""
                + memory
                + "\")\n  .getOrCreate()\n",
            Map.of(key, memory));
    Impact impact =
        new Impact(
            null,
            null,
            null,
            "reliability (OOM, lost executors, recomputed stages) and memory GB-hours",
            "Not a time saving: headroom prevents executor loss, whose cost is the recomputation of"
                + " its stages. Memory cost grows by "
                + Quantities.bytes(Math.max(0, recommendedHeap - heapOfWorst))
                + " per executor.");
    return List.of(
        Finding.of(
            ID,
            severity,
            "Executor heap nearly full: peak "
                + Quantities.bytes(worst.peakJvmHeapBytes())
                + " of "
                + Quantities.bytes(heapOfWorst)
                + " ("
                + Quantities.percent(worstFraction)
                + ")",
            evidence,
            rec,
            impact,
            Location.ofApplication()));
  }

  /** Creates {@link MemoryPressureDetector} from {@code detector.memory-pressure.*}. */
  public static final class Factory implements DetectorFactory {
    @Override
    public String name() {
      return ID;
    }

    @Override
    public String description() {
      return "Executors whose peak JVM heap use is close to their maximum heap";
    }

    @Override
    public Detector create(Settings settings) {
      return new MemoryPressureDetector(Thresholds.from(settings));
    }
  }
}
