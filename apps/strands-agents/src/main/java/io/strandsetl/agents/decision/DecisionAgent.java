package io.strandsetl.agents.decision;

import io.strandsetl.agents.learning.LearningAgent;
import io.strandsetl.agents.learning.Prediction;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.Sizes;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.TrackingStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Recommends where and how big to run a job before it runs: every platform gets a feasibility, a
 * size, an estimated time and cost (the cost engine prices cloud platforms), a score and reasons;
 * the best one that meets the constraints wins. Confidence (docs/agents.md):
 *
 * <pre>
 * g = min(1, (best score - second score) / 0.25)      how clearly the winner wins
 * h = n / (n + 5)                                     n = past successful runs of the job
 * confidence = min(0.95, 0.15 + 0.5 g + 0.3 h), halved when no platform meets the constraints
 * </pre>
 */
public final class DecisionAgent implements Agent {
  public static final String NAME = "decision";

  /** Spark on this machine starts in about 5 s (measured on the 2-core CI machine). */
  static final double LOCAL_STARTUP_S = 5;

  static final double CLUSTER_STARTUP_S = 10;
  static final double LAMBDA_STARTUP_S = 3;
  static final double GLUE_STARTUP_S = 45;
  static final double GLUE_FLEX_STARTUP_S = 300;
  static final double EMR_SERVERLESS_STARTUP_S = 90;
  static final double EMR_EC2_STARTUP_S = 420;
  static final double LAMBDA_MAX_S = 900;
  static final long LAMBDA_MAX_SCRATCH_BYTES = 10L << 30;

  /** Share of ideal speed-up reached when the work is spread over several machines. */
  static final double PARALLEL_EFFICIENCY = 0.8;

  private final DecisionSettings settings;
  private final Supplier<TrackingStore> store;
  private final LearningAgent learning;
  private final PlatformPricer pricer;

  public DecisionAgent(
      Settings settings,
      Supplier<TrackingStore> store,
      LearningAgent learning,
      PlatformPricer pricer) {
    this.settings = DecisionSettings.from(settings);
    this.store = Objects.requireNonNull(store, "store");
    this.learning = Objects.requireNonNull(learning, "learning");
    this.pricer = Objects.requireNonNull(pricer, "pricer");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String purpose() {
    return "Recommends the platform (Glue, EMR on EC2, EMR Serverless, Lambda, local, cluster) and"
        + " size of a run before it starts, from its input size, the job's history and the"
        + " pipeline's constraints.";
  }

  @Override
  public List<Tool<?, ?>> tools() {
    return List.of(
        Tool.of(
            "recommend_platform",
            "Scores every platform for a run of the given input size (and job history when a job"
                + " is named): feasibility, size, estimated cost and time, reasons, and a"
                + " confidence from the score gap and the amount of history.",
            RecommendInput.class,
            PlatformRecommendation.class,
            this::recommend),
        Tool.of(
            "platform_statistics",
            "Per platform, the stored runs: count, success rate, average duration and cost, cost"
                + " per GB processed.",
            StatisticsInput.class,
            StatisticsOutput.class,
            this::statistics));
  }

  public record RecommendInput(
      @Description(value = "job name, to use its history", optional = true) String jobName,
      @Description(value = "input size (sum of the sources on disk)", unit = "bytes")
          long inputBytes,
      @Description(value = "constraints; none when absent", optional = true)
          Constraints constraints) {}

  public record Workload(
      @Description(value = "input", unit = "bytes") long inputBytes,
      @Description(value = "predicted core time", unit = "core-seconds") double coreSeconds,
      @Description(value = "predicted shuffle", unit = "bytes") long shuffleBytes,
      @Description(value = "predicted output", unit = "bytes") long outputBytes,
      @Description("past successful runs of the job used") int historyRuns,
      @Description("how the figures were obtained") String basis) {}

  public record PlatformRecommendation(
      String platform,
      Sizing sizing,
      @Description(value = "see docs/agents.md for the formula", unit = "fraction 0-1")
          double confidence,
      @Description("the inputs of the confidence") String confidenceBasis,
      @Description("why this platform, one or two sentences") String reasoning,
      @Description("true when the winner meets max cost and deadline") boolean meetsConstraints,
      Constraints constraints,
      Workload workload,
      @Description("every platform, best first") List<PlatformScore> scores) {}

  public record StatisticsInput(
      @Description(value = "only this job", optional = true) String jobName) {}

  public record PlatformStatistics(
      String platform,
      long runs,
      @Description(value = "successful runs / runs", unit = "fraction 0-1") double successRate,
      @Description(value = "average duration", unit = "ms") double averageDurationMs,
      @Description(value = "average cost", unit = "USD") double averageCostUsd,
      @Description(
              value = "cost per 10^9 bytes processed; null when none processed",
              unit = "USD/GB",
              optional = true)
          Double costPerGbUsd) {}

  public record StatisticsOutput(
      @Description("runs read from the store (at most 1000, newest)") int runsRead,
      List<PlatformStatistics> platforms) {}

  // ---- recommend_platform ----

  /** The recommendation for a run (the tool's function; the Supervisor's first step). */
  public PlatformRecommendation recommend(RecommendInput in) {
    if (in.inputBytes() < 0) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid inputBytes: " + in.inputBytes() + " (must be >= 0)");
    }
    Constraints constraints = in.constraints() == null ? Constraints.NONE : in.constraints();
    Workload work = workload(in.jobName(), in.inputBytes());
    List<PlatformScore> raw = new ArrayList<>();
    for (Candidate c : Candidate.values()) {
      raw.add(evaluate(c, work, constraints));
    }
    List<PlatformScore> scored = score(raw, constraints);
    PlatformScore best = scored.get(0);
    if (!best.feasible()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Cannot recommend a platform: none is feasible for "
              + Sizes.bytes(in.inputBytes())
              + " of input ("
              + String.join("; ", best.reasons())
              + ")");
    }
    PlatformScore second = scored.size() > 1 ? scored.get(1) : null;
    double gap = best.score() - (second == null || !second.feasible() ? 0 : second.score());
    double g = Math.min(1, Math.max(0, gap) / 0.25);
    int n = work.historyRuns();
    double h = n / (n + 5.0);
    double confidence = Math.min(0.95, 0.15 + 0.5 * g + 0.3 * h);
    if (!best.meetsConstraints()) {
      confidence /= 2;
    }
    confidence = Math.round(confidence * 1000) / 1000.0;
    String basis =
        String.format(
            Locale.ROOT,
            "score gap %.3f to %s (g=%.2f), %d past run(s) of the job (h=%.2f)",
            gap,
            second == null ? "none" : second.platform(),
            g,
            n,
            h);
    String reasoning =
        (best.meetsConstraints()
                ? "Best score among the platforms that meet the constraints: "
                : "No platform meets the constraints; closest is ")
            + best.platform()
            + " ("
            + best.sizing().description()
            + ", about "
            + Sizes.millis((long) (best.estimatedSeconds() * 1000))
            + (best.estimatedCostUsd() == null
                ? ", not priced"
                : ", about " + Sizes.usd(best.estimatedCostUsd()))
            + ") for "
            + Sizes.bytes(in.inputBytes())
            + " of input; "
            + work.basis()
            + ".";
    return new PlatformRecommendation(
        best.platform(),
        best.sizing(),
        confidence,
        basis,
        reasoning,
        best.meetsConstraints(),
        constraints,
        work,
        scored);
  }

  Workload workload(String jobName, long inputBytes) {
    if (jobName != null && !jobName.isBlank()) {
      var predicted = learning.predictRun(new LearningAgent.PredictRunInput(jobName, inputBytes));
      Map<String, Prediction> byTarget = new TreeMap<>();
      predicted.predictions().forEach(p -> byTarget.put(p.target(), p));
      Prediction core = byTarget.get("core-time");
      if (core != null && core.value() != null) {
        Prediction shuffle = byTarget.get("shuffle");
        Prediction output = byTarget.get("output");
        return new Workload(
            inputBytes,
            Math.max(1, core.value() / 1000),
            shuffle == null || shuffle.value() == null ? inputBytes : shuffle.value().longValue(),
            output == null || output.value() == null ? inputBytes / 4 : output.value().longValue(),
            core.historyRuns(),
            "core time from the job's history ("
                + core.basis()
                + (core.looErrorPercent() == null
                    ? ""
                    : String.format(
                        Locale.ROOT, ", leave-one-out error %.0f%%", core.looErrorPercent()))
                + ")");
      }
    }
    double coreSeconds = Math.max(10, (double) inputBytes / settings.bytesPerCoreSecond());
    return new Workload(
        inputBytes,
        coreSeconds,
        inputBytes,
        inputBytes / 4,
        0,
        "no history: core time assumed at "
            + Sizes.bytes(settings.bytesPerCoreSecond())
            + " per core-second (at least 10 core-seconds), shuffle = input, output = input / 4");
  }

  private PlatformScore evaluate(Candidate c, Workload w, Constraints k) {
    List<String> reasons = new ArrayList<>();
    double cs = w.coreSeconds();
    double targetSeconds =
        k.deadlineMinutes() != null
            ? k.deadlineMinutes() * 60 * 0.8
            : settings.defaultRuntimeMinutes() * 60;
    Sizing sizing;
    double seconds;
    boolean feasible = true;
    Double cost = null;
    double unbilledSeconds = 0;
    switch (c) {
      case LOCAL -> {
        int cores = Math.max(1, settings.localCores());
        sizing = new Sizing(1, cores, maxHeapGib(), "local[" + cores + "] on this machine");
        seconds = cs / cores + LOCAL_STARTUP_S;
        cost = 0.0;
        if (w.inputBytes() > settings.localMaxInputBytes()) {
          feasible = false;
          reasons.add(
              "input "
                  + Sizes.bytes(w.inputBytes())
                  + " above agents.decision.local-max-input-bytes "
                  + Sizes.bytes(settings.localMaxInputBytes()));
        } else {
          reasons.add("no cloud charge (this machine)");
        }
      }
      case CLUSTER -> {
        int cores = settings.clusterCores();
        sizing = new Sizing(1, Math.max(cores, 1), 0, "configured cluster, " + cores + " cores");
        seconds = cores > 0 ? cs / (cores * PARALLEL_EFFICIENCY) + CLUSTER_STARTUP_S : 0;
        if (cores <= 0) {
          feasible = false;
          reasons.add("no cluster configured (agents.decision.cluster-cores = 0)");
        } else {
          cost = settings.clusterUsdPerCoreHour() * cores * seconds / 3600;
          reasons.add(
              cost == 0 ? "cluster already paid for (sunk cost)" : "cluster core-hours priced");
        }
      }
      case LAMBDA -> {
        sizing = new Sizing(1, 6, 10, "1 function, 10,240 MB (6 vCPU)");
        seconds = cs / (6 * PARALLEL_EFFICIENCY) + LAMBDA_STARTUP_S;
        if (seconds > LAMBDA_MAX_S) {
          feasible = false;
          reasons.add(
              String.format(Locale.ROOT, "needs ~%.0f s, above Lambda's 900 s limit", seconds));
        }
        if (w.inputBytes() + w.shuffleBytes() > LAMBDA_MAX_SCRATCH_BYTES) {
          feasible = false;
          reasons.add("input + shuffle above Lambda's 10 GB of /tmp");
        }
      }
      case GLUE_STANDARD, GLUE_FLEX -> {
        int n = workers(cs, 4, targetSeconds, 2, 100);
        sizing = new Sizing(n, 4, 16, n + " x G.1X (" + n + " DPU)");
        seconds =
            cs / (4.0 * n * PARALLEL_EFFICIENCY)
                + (c == Candidate.GLUE_FLEX ? GLUE_FLEX_STARTUP_S : GLUE_STARTUP_S);
        if (c == Candidate.GLUE_FLEX) {
          // Flex waits for spare capacity before it starts; the wait is not billed.
          unbilledSeconds = GLUE_FLEX_STARTUP_S - GLUE_STARTUP_S;
          reasons.add("Flex: cheaper DPU-hours, start waits for spare capacity, no SLA");
        }
      }
      case EMR_SERVERLESS -> {
        int n = workers(cs, 4, targetSeconds, 1, 200);
        sizing = new Sizing(n, 4, 16, n + " worker(s) of 4 vCPU / 16 GB");
        seconds = cs / (4.0 * n * PARALLEL_EFFICIENCY) + EMR_SERVERLESS_STARTUP_S;
      }
      case EMR_EC2 -> {
        int n = workers(cs, 4, targetSeconds, 1, 200);
        sizing = new Sizing(n, 4, 16, n + " x m5.xlarge core node(s) + 1 primary");
        seconds = cs / (4.0 * n * PARALLEL_EFFICIENCY) + EMR_EC2_STARTUP_S;
        reasons.add("cluster start-up (~7 min) is billed");
      }
      default -> throw new IllegalStateException(c.name());
    }
    if (feasible && cost == null) {
      Optional<Quote> quote =
          pricer.price(
              c,
              sizing,
              seconds - unbilledSeconds,
              w.inputBytes(),
              w.shuffleBytes(),
              w.outputBytes());
      if (quote.isPresent()) {
        if (!quote.get().feasible()) {
          feasible = false;
          reasons.add(quote.get().reason());
        } else {
          cost = quote.get().totalUsd();
          reasons.add("priced as " + quote.get().option());
        }
      } else {
        reasons.add("not priced: strands-cost not installed");
      }
    }
    if (!feasible) {
      return new PlatformScore(c.id(), false, false, 0, null, seconds, sizing, reasons);
    }
    boolean meets = true;
    if (k.deadlineMinutes() != null && seconds > k.deadlineMinutes() * 60) {
      meets = false;
      reasons.add(
          String.format(
              Locale.ROOT,
              "misses the deadline: ~%.0f s > %.0f min",
              seconds,
              k.deadlineMinutes()));
    }
    if (k.maxCostUsd() != null) {
      if (cost == null) {
        meets = false;
        reasons.add("cannot check max cost: not priced");
      } else if (cost > k.maxCostUsd()) {
        meets = false;
        reasons.add("over budget: " + Sizes.usd(cost) + " > max cost " + Sizes.usd(k.maxCostUsd()));
      }
    }
    return new PlatformScore(c.id(), true, meets, 0, cost, seconds, sizing, reasons);
  }

  /**
   * Scores feasible platforms: 1 - (w * cost / max cost + (1 - w) * time / max time), with the
   * maxima over the feasible platforms; +0.1 for the preferred platform (at most 1). Platforms that
   * miss a constraint rank after those that meet it. Unpriced platforms count as the most
   * expensive.
   */
  private List<PlatformScore> score(List<PlatformScore> raw, Constraints k) {
    double maxCost = 0;
    double maxTime = 0;
    for (PlatformScore p : raw) {
      if (p.feasible()) {
        maxCost = Math.max(maxCost, p.estimatedCostUsd() == null ? 0 : p.estimatedCostUsd());
        maxTime = Math.max(maxTime, p.estimatedSeconds());
      }
    }
    double w = Math.max(0, Math.min(1, settings.costWeight()));
    List<PlatformScore> out = new ArrayList<>();
    for (PlatformScore p : raw) {
      if (!p.feasible()) {
        out.add(p);
        continue;
      }
      double costNorm =
          p.estimatedCostUsd() == null ? 1 : maxCost == 0 ? 0 : p.estimatedCostUsd() / maxCost;
      double timeNorm = maxTime == 0 ? 0 : p.estimatedSeconds() / maxTime;
      double s = 1 - (w * costNorm + (1 - w) * timeNorm);
      List<String> reasons = new ArrayList<>(p.reasons());
      if (p.platform().equals(k.preferred())) {
        s += 0.1;
        reasons.add("preferred by the pipeline (+0.1)");
      }
      s = Math.round(Math.max(0, Math.min(1, s)) * 10_000) / 10_000.0;
      out.add(
          new PlatformScore(
              p.platform(),
              true,
              p.meetsConstraints(),
              s,
              p.estimatedCostUsd(),
              Math.round(p.estimatedSeconds() * 10) / 10.0,
              p.sizing(),
              reasons));
    }
    out.sort(
        Comparator.comparing(PlatformScore::feasible)
            .thenComparing(PlatformScore::meetsConstraints)
            .thenComparingDouble(PlatformScore::score)
            .reversed()
            .thenComparing(PlatformScore::platform));
    return out;
  }

  static int workers(
      double coreSeconds, int coresPerWorker, double targetSeconds, int min, int max) {
    double needed =
        coreSeconds / (coresPerWorker * PARALLEL_EFFICIENCY * Math.max(60, targetSeconds));
    return (int) Math.max(min, Math.min(max, Math.ceil(needed)));
  }

  private static double maxHeapGib() {
    return Math.round(Runtime.getRuntime().maxMemory() / (double) (1L << 30) * 10) / 10.0;
  }

  // ---- platform_statistics ----

  StatisticsOutput statistics(StatisticsInput in) {
    ExecutionQuery q = ExecutionQuery.all().withLimit(1000);
    if (in.jobName() != null) {
      q = q.withJob(in.jobName());
    }
    List<ExecutionRecord> runs = store.get().listExecutions(q);
    Map<String, double[]> acc = new TreeMap<>(); // runs, successes, ms, usd, bytes, pricedBytes
    for (ExecutionRecord e : runs) {
      double[] a = acc.computeIfAbsent(e.platform(), x -> new double[5]);
      a[0]++;
      a[1] += e.status() == ExecutionStatus.SUCCEEDED ? 1 : 0;
      a[2] += e.duration().toMillis();
      a[3] += e.totalCostUsd();
      a[4] += e.dataProcessedBytes();
    }
    List<PlatformStatistics> out = new ArrayList<>();
    acc.forEach(
        (platform, a) ->
            out.add(
                new PlatformStatistics(
                    platform,
                    (long) a[0],
                    a[1] / a[0],
                    a[2] / a[0],
                    a[3] / a[0],
                    a[4] == 0 ? null : a[3] / (a[4] / 1e9))));
    return new StatisticsOutput(runs.size(), out);
  }
}
