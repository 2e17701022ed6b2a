package io.strandsetl.agents.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.agents.optimization.OptimizationAgent.EventLogInput;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.config.Settings;
import io.strandsetl.testkit.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizationAgentTest {
  private final OptimizationAgent agent =
      new OptimizationAgent(Settings.empty(), InMemoryTrackingStore::new);

  @Test
  void advisesFewerShufflePartitionsWhenEachHoldsLittleData() {
    String log = Fixtures.eventLog("shuffle-partitions-positive").toString();

    ConfigAdvice advice = agent.advise(log);

    ConfigChange change =
        advice.changes().stream()
            .filter(c -> c.key().equals("spark.sql.shuffle.partitions"))
            .findFirst()
            .orElseThrow();
    assertThat(Long.parseLong(change.recommended()))
        .isLessThan(Long.parseLong(change.current() == null ? "200" : change.current()) / 2);
    assertThat(change.evidence()).contains("largest stage shuffle write");
    assertThat(OptimizationAgent.adviceTags(advice))
        .containsKey("optimization.advice.spark.sql.shuffle.partitions");
  }

  @Test
  void advisesABroadcastThresholdFromTheMeasuredSmallSide() {
    String log = Fixtures.eventLog("missing-broadcast-positive").toString();

    var issues = agent.detectIssues(new EventLogInput(log));
    ConfigAdvice advice = agent.advise(log);

    assertThat(issues.issues()).anyMatch(i -> i.type().equals("missing-broadcast"));
    Map<String, String> conf = advice.asConf();
    assertThat(conf).containsKey("spark.sql.autoBroadcastJoinThreshold");
    assertThat(
            Settings.of(Map.of("v", conf.get("spark.sql.autoBroadcastJoinThreshold")))
                .getBytes("v", 0))
        .isPositive();
  }

  @Test
  void givesNoShuffleAdviceForARunWithoutProblemShuffles() {
    ConfigAdvice advice = agent.advise(Fixtures.eventLog("shuffle-partitions-negative").toString());

    assertThat(advice.changes()).noneMatch(c -> c.key().equals("spark.sql.shuffle.partitions"));
  }
}
