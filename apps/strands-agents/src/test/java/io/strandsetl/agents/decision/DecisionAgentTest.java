package io.strandsetl.agents.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.agents.cost.CostEnginePricer;
import io.strandsetl.agents.decision.DecisionAgent.PlatformRecommendation;
import io.strandsetl.agents.decision.DecisionAgent.RecommendInput;
import io.strandsetl.agents.learning.LearningAgent;
import io.strandsetl.agents.learning.Runs;
import io.strandsetl.cost.CostEngine;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.TrackingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionAgentTest {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  /** The real cost engine with its default price catalog (shared/docs/PRICING.md). */
  static final PlatformPricer PRICES =
      new CostEnginePricer(
          CostEngine.defaults(),
          Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));

  private final TrackingStore store = new InMemoryTrackingStore();

  private DecisionAgent agent(Map<String, String> settings) {
    Settings s = Settings.of(settingsWith(settings));
    return new DecisionAgent(s, () -> store, new LearningAgent(() -> store), PRICES);
  }

  private static Map<String, String> settingsWith(Map<String, String> extra) {
    Map<String, String> m = new java.util.HashMap<>(Map.of("agents.decision.local-cores", "2"));
    m.putAll(extra);
    return m;
  }

  private PlatformRecommendation recommend(long bytes, Constraints c) {
    return agent(Map.of()).recommend(new RecommendInput(null, bytes, c));
  }

  @ParameterizedTest
  @ValueSource(longs = {1024, 5 * MIB, 200 * MIB})
  void tinyJobsGoToLocalOrLambda(long bytes) {
    PlatformRecommendation r = recommend(bytes, null);

    assertThat(r.platform()).isIn("local", "lambda");
    assertThat(r.meetsConstraints()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {200 * GIB, 2048 * GIB})
  void largeJobsGoToEmrOrGlueAndLocalIsNotFeasible(long bytes) {
    PlatformRecommendation r = recommend(bytes, null);

    assertThat(r.platform()).matches("glue-.*|emr-.*");
    PlatformScore local =
        r.scores().stream().filter(s -> s.platform().equals("local")).findFirst().orElseThrow();
    assertThat(local.feasible()).isFalse();
    assertThat(local.reasons().get(0)).contains("above agents.decision.local-max-input-bytes");
    PlatformScore lambda =
        r.scores().stream().filter(s -> s.platform().equals("lambda")).findFirst().orElseThrow();
    assertThat(lambda.feasible()).isFalse();
    assertThat(lambda.reasons().get(0)).contains("above Lambda's 900 s limit");
  }

  @Test
  void aDeadlineMovesAJobOffTheSlowLocalMachine() {
    long bytes = 40 * GIB; // ~1,640 core-seconds: ~14 minutes on two local cores
    PlatformRecommendation free = recommend(bytes, null);
    PlatformRecommendation rushed = recommend(bytes, new Constraints(null, 5.0, null));

    assertThat(free.platform()).isEqualTo("local");
    assertThat(rushed.platform()).isNotEqualTo("local");
    assertThat(rushed.meetsConstraints()).isTrue();
    PlatformScore winner = rushed.scores().get(0);
    assertThat(winner.estimatedSeconds()).isLessThanOrEqualTo(300);
    assertThat(
            rushed.scores().stream()
                .filter(s -> s.platform().equals("local"))
                .findFirst()
                .orElseThrow()
                .reasons())
        .anyMatch(reason -> reason.startsWith("misses the deadline"));
  }

  @Test
  void aBudgetMovesTheChoiceToACheaperPlatform() {
    DecisionAgent timeOnly = agent(Map.of("agents.decision.cost-weight", "0"));
    long bytes = 300 * GIB;
    PlatformRecommendation fastest = timeOnly.recommend(new RecommendInput(null, bytes, null));
    double fastestCost = fastest.scores().get(0).estimatedCostUsd();
    double cheapest =
        fastest.scores().stream()
            .filter(PlatformScore::feasible)
            .mapToDouble(PlatformScore::estimatedCostUsd)
            .min()
            .orElseThrow();
    assertThat(cheapest).isLessThan(fastestCost); // the fastest is not the cheapest here
    double budget = (cheapest + fastestCost) / 2;

    PlatformRecommendation capped =
        timeOnly.recommend(new RecommendInput(null, bytes, new Constraints(budget, null, null)));

    assertThat(capped.platform()).isNotEqualTo(fastest.platform());
    assertThat(capped.meetsConstraints()).isTrue();
    assertThat(capped.scores().get(0).estimatedCostUsd()).isLessThanOrEqualTo(budget);
    assertThat(capped.scores())
        .filteredOn(s -> s.platform().equals(fastest.platform()))
        .first()
        .satisfies(s -> assertThat(s.reasons()).anyMatch(r -> r.startsWith("over budget")));
  }

  @Test
  void confidenceGrowsWithHistoryAndIsNeverConstant() {
    Set<Double> seen = new HashSet<>();
    for (long bytes : new long[] {1024, 2 * GIB, 40 * GIB, 300 * GIB}) {
      PlatformRecommendation r = recommend(bytes, null);
      assertThat(r.confidence()).isBetween(0.0, 0.95);
      seen.add(r.confidence());
    }
    assertThat(seen).hasSizeGreaterThan(1);

    PlatformRecommendation before =
        agent(Map.of()).recommend(new RecommendInput("sales", 2 * GIB, null));
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      store.recordRun(
          RunRecord.of(
              Runs.run(
                  "r" + i,
                  "sales",
                  t.plusSeconds(3600L * i),
                  2 * GIB,
                  90_000 + i * 100,
                  0,
                  List.of())));
    }
    PlatformRecommendation after =
        agent(Map.of()).recommend(new RecommendInput("sales", 2 * GIB, null));

    assertThat(before.workload().historyRuns()).isZero();
    assertThat(after.workload().historyRuns()).isEqualTo(10);
    assertThat(after.workload().basis()).startsWith("core time from the job's history");
    assertThat(after.confidenceBasis()).contains("10 past run(s)");
    assertThat(after.confidence()).isGreaterThan(before.confidence());
  }

  @Test
  void readsConstraintsFromThePlatformSectionAndNamesBadKeys() {
    Constraints c =
        Constraints.fromSection(
            Map.of(
                "preferred",
                "EMR_Serverless",
                "constraints",
                Map.of("max-cost-usd", 2, "deadline-minutes", "30")));

    assertThat(c).isEqualTo(new Constraints(2.0, 30.0, "emr-serverless"));
    assertThatThrownBy(() -> Constraints.fromSection(Map.of("budget", 3)))
        .hasMessage("Invalid platform.budget: unknown key (known: [preferred, constraints])");
    assertThatThrownBy(() -> Constraints.fromSection(Map.of("constraints", Map.of("max-cost", 3))))
        .hasMessage(
            "Invalid platform.constraints.max-cost: unknown key (known: [max-cost-usd,"
                + " deadline-minutes])");
    assertThatThrownBy(() -> Constraints.fromSection(Map.of("preferred", "mainframe")))
        .hasMessageContaining("Invalid preferred platform: 'mainframe' (known: [local, cluster,");
  }

  @Test
  void aPreferredFeasiblePlatformGetsABonus() {
    PlatformRecommendation r = recommend(5 * MIB, new Constraints(null, null, "glue-flex"));

    PlatformScore flex =
        r.scores().stream().filter(s -> s.platform().equals("glue-flex")).findFirst().orElseThrow();
    assertThat(flex.reasons()).contains("preferred by the pipeline (+0.1)");
  }
}
